package io.earshot.reply.api;

import io.earshot.commons.api.ProblemException;
import io.earshot.reply.domain.HoursSpec;
import io.earshot.reply.messaging.ActionEvent;
import io.earshot.reply.redis.HoursStore;
import io.earshot.reply.security.Roles;
import io.earshot.reply.workflow.ActionAudit;
import io.earshot.reply.workflow.SlaPolicy;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Business hours as an admin edits them, without a restart: the SLA clock of comments that arrive afterwards, the
 * breach checks and the statistics' working time follow at once on every replica; configured hours stay the fallback.
 */
@Path("/api/admin/business-hours")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SUPERVISOR)
public class BusinessHoursResource {

    /** {@code default}, or a {@code platform:account} as comments name it. */
    static final String KEY = "default|[a-z][a-z0-9_-]{0,31}:[^/\\s]{1,200}";

    /** Hours as sent: the same fields as the configuration's ({@code earshot.reply.sla.hours.*}). */
    public record HoursBody(
            @Size(max = 64, message = "must be an IANA time zone such as Europe/Bucharest") String zone,
            @NotNull(message = "is required, e.g. MON-FRI") @Size(min = 3, max = 60, message = "must be days such as MON-FRI")
            String days,
            @NotNull(message = "is required, e.g. 09:00") LocalTime open,
            @NotNull(message = "is required, e.g. 17:00") LocalTime close,
            @Size(max = 366, message = "must be at most 366 dates")
            List<@Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "must be ISO dates (YYYY-MM-DD)") String> holidays,
            boolean always) {

        HoursSpec spec() {
            return new HoursSpec(zone == null || zone.isBlank() ? null : zone.strip(), days, open, close, holidays, always);
        }
    }

    private final SlaPolicy policy;
    private final HoursStore store;
    private final ActionAudit audit;
    private final SecurityIdentity identity;

    public BusinessHoursResource(SlaPolicy policy, HoursStore store, ActionAudit audit, SecurityIdentity identity) {
        this.policy = policy;
        this.store = store;
        this.audit = audit;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Business hours as they apply (supervisors)", description = "The default and every account "
            + "with hours of its own, each marked edited (by an admin, here) or configured.")
    public Map<String, SlaPolicy.Effective> all() {
        return policy.effective();
    }

    @PUT
    @Path("/{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Set the business hours of the default or of one account (admins)", description = "Applies "
            + "to comments that arrive from now on (items already queued keep their deadline) and to the statistics' "
            + "working time. 400 names the field that cannot work (zone, days, close, holidays).")
    public SlaPolicy.Effective put(@PathParam("key") @Pattern(regexp = KEY, message = "must be default or platform:account") String key,
                                   @Valid @NotNull(message = "hours are required") HoursBody body) {
        HoursSpec spec = body.spec();
        try {
            policy.check(key, spec);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            int colon = message.indexOf(':');
            throw ProblemException.badField(colon > 0 ? message.substring(0, colon) : "hours",
                    colon > 0 ? message.substring(colon + 1).strip() : message);
        }
        store.put(key, spec);
        policy.refresh();
        audit.record(identity.getPrincipal().getName(), ActionEvent.Action.BUSINESS_HOURS_SET, key, summary(spec));
        return policy.effective().get(key);
    }

    @DELETE
    @Path("/{key}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Drop an admin's hours (admins)", description = "The configured hours apply again; 404 when "
            + "there were no edited hours for the key.")
    public void reset(@PathParam("key") @Pattern(regexp = KEY, message = "must be default or platform:account") String key) {
        if (!store.remove(key)) {
            throw ProblemException.status(jakarta.ws.rs.core.Response.Status.NOT_FOUND, "no edited business hours for " + key);
        }
        policy.refresh();
        audit.record(identity.getPrincipal().getName(), ActionEvent.Action.BUSINESS_HOURS_RESET, key, "configured hours apply");
    }

    private static String summary(HoursSpec spec) {
        if (spec.always() || spec.zone() == null) {
            return spec.always() ? "round the clock" : spec.days() + " " + spec.open() + "-" + spec.close() + " (default zone)";
        }
        return spec.days() + " " + spec.open() + "-" + spec.close() + " " + spec.zone() + ", " + spec.holidays().size() + " holidays";
    }
}
