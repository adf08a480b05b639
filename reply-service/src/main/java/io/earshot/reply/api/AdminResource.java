package io.earshot.reply.api;

import io.earshot.commons.api.ProblemException;
import io.earshot.reply.security.Roles;
import io.earshot.reply.messaging.ActionEvent;
import io.earshot.reply.workflow.ActionAudit;
import io.earshot.reply.workflow.Rebuilder;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Operations on the service itself. */
@Path("/api/admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class AdminResource {

    @Inject
    Rebuilder rebuilder;

    @Inject
    ActionAudit audit;

    @Inject
    SecurityIdentity identity;

    @POST
    @Path("/rebuild")
    @Operation(summary = "Rebuild the queue from Kafka (admins)", description = "Clears the Redis view and replays "
            + "comments.triaged and replies. Approved replies not yet published go back to the outbox and are published "
            + "once. Staff actions answer 503 meanwhile.")
    public Rebuilder.Report rebuild() {
        try {
            Rebuilder.Report report = rebuilder.rebuild();
            audit.record(identity.getPrincipal().getName(), ActionEvent.Action.REBUILD_RUN, "queue", report.comments()
                    + " comments and " + report.events() + " events read, " + report.items() + " items, " + report.millis() + " ms");
            return report;
        } catch (IllegalStateException e) {
            throw ProblemException.unavailable(e.getMessage(), Duration.ofSeconds(10));
        }
    }
}
