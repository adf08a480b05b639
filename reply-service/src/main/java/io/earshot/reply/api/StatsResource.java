package io.earshot.reply.api;

import io.earshot.reply.domain.DashboardStats;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.security.Roles;
import io.earshot.reply.workflow.QueueService;
import io.earshot.reply.workflow.SlaPolicy;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * How the team is doing: what is in the queue, how fast replies go out, how many missed their SLA. SLA and percentile
 * rules are the dashboard's ({@link DashboardStats}), so the two never disagree.
 */
@Path("/api/stats")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.RESPONDER)
public class StatsResource {

    @Inject
    QueueStore store;

    @Inject
    QueueService service;

    @Inject
    SlaPolicy sla;

    /**
     * @param responseSeconds from the comment to our published reply, in the account's working time (as the SLA counts
     *                        it; elapsed time where no business hours are set): p50, p90, p99 and max, in seconds
     * @param slaBreaches open items past their deadline, and replies published after it
     */
    public record Stats(long total, Map<String, Long> byState, Map<String, Long> byLabel, Map<String, Long> byPlatform,
                        Map<String, Long> byLanguage, Map<String, Long> responseSeconds, Map<String, Long> slaBreaches,
                        Instant at) {
    }

    @GET
    @Operation(summary = "Counts by state, label, platform and language; response-time percentiles; SLA breaches")
    public Stats stats() {
        Map<String, Long> byState = new TreeMap<>();
        Map<String, Long> byLabel = new TreeMap<>();
        Map<String, Long> byPlatform = new TreeMap<>();
        Map<String, Long> byLang = new TreeMap<>();
        List<Double> response = new ArrayList<>();
        long[] breaches = new long[2];
        long[] total = new long[1];
        Instant now = service.now();
        store.forEach(stored -> {
            QueueItem item = service.current(stored);
            total[0]++;
            byState.merge(item.state().name(), 1L, Long::sum);
            byLabel.merge(String.valueOf(item.label()), 1L, Long::sum);
            byPlatform.merge(String.valueOf(item.platform()), 1L, Long::sum);
            byLang.merge(String.valueOf(item.lang()), 1L, Long::sum);
            Instant published = item.publication() == null ? null : item.publication().publishedAt();
            Instant queued = item.queuedAt() != null ? item.queuedAt() : item.commentCreatedAt();
            Instant due = queued == null ? null : DashboardStats.deadline(item, queued, sla.sla());
            if (published != null && item.commentCreatedAt() != null) {
                response.add((double) sla.sla().working(item, item.commentCreatedAt(), published).toSeconds());
                if (due != null && published.isAfter(due)) {
                    breaches[1]++;
                }
            } else if (!item.state().terminal() && due != null && now.isAfter(due)) {
                breaches[0]++;
            }
        });
        Map<String, Long> percentiles = new TreeMap<>();
        if (!response.isEmpty()) {
            percentiles.put("p50", (long) DashboardStats.percentile(response, 50));
            percentiles.put("p90", (long) DashboardStats.percentile(response, 90));
            percentiles.put("p99", (long) DashboardStats.percentile(response, 99));
            percentiles.put("max", (long) DashboardStats.percentile(response, 100));
            percentiles.put("count", (long) response.size());
        }
        return new Stats(total[0], byState, byLabel, byPlatform, byLang, percentiles,
                Map.of("open", breaches[0], "published", breaches[1]), now);
    }
}
