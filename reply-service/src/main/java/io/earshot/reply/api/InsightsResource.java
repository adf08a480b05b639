package io.earshot.reply.api;

import io.earshot.commons.api.ProblemException;
import io.earshot.reply.config.EmergingConfig;
import io.earshot.reply.redis.EmergingStore;
import io.earshot.reply.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * What triage found rising among the business's complaints and questions ({@code insights.emerging}), for the queue
 * page's panel: staff see "twenty people report the same delivery delay" without reading twenty comments.
 */
@Path("/api/insights")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.RESPONDER)
public class InsightsResource {

    private final EmergingStore store;
    private final EmergingConfig config;
    private final Clock clock = Clock.systemUTC();

    public InsightsResource(EmergingStore store, EmergingConfig config) {
        this.store = store;
        this.config = config;
    }

    @GET
    @Path("/emerging")
    @Operation(summary = "Emerging issues (responders)", description = "Open issues, the latest detection first, then "
            + "those closed within earshot.reply.emerging.closed-shown (24 h) marked closed. An issue is open until it "
            + "has had no new version for earshot.reply.emerging.open-for (3 h). Terms and item ids only, no comment text.")
    public List<EmergingView> emerging(
            @Parameter(description = "only issues with comments in this language (ISO 639 code)")
            @QueryParam("lang") @Pattern(regexp = "[a-z]{2,3}", message = "must be an ISO 639 code") String lang,
            @Parameter(description = "the most issues to return, 1 to earshot.reply.emerging.max-page-size (100)")
            @QueryParam("limit") @DefaultValue("20") String limit) {
        int max = limit(limit);
        Instant now = clock.instant();
        List<EmergingView> open = new ArrayList<>();
        List<EmergingView> closed = new ArrayList<>();
        for (EmergingStore.Stored s : store.recent(config.maxIssues())) {
            if (lang != null && !s.issue().languages().contains(lang)) {
                continue;
            }
            Instant closesAt = s.issue().detectedAt().plus(config.openFor());
            if (closesAt.isAfter(now)) {
                open.add(EmergingView.of(s.issue(), s.since(), false));
            } else if (closesAt.plus(config.closedShown()).isAfter(now)) {
                closed.add(EmergingView.of(s.issue(), s.since(), true));
            }
        }
        Comparator<EmergingView> newest = Comparator.comparing(EmergingView::updatedAt).reversed();
        open.sort(newest);
        closed.sort(newest);
        open.addAll(closed);
        return open.size() > max ? List.copyOf(open.subList(0, max)) : open;
    }

    private int limit(String limit) {
        try {
            int n = Integer.parseInt(limit.strip());
            if (n >= 1 && n <= config.maxPageSize()) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below, naming the field
        }
        throw ProblemException.badField("limit", "must be a whole number between 1 and " + config.maxPageSize());
    }
}
