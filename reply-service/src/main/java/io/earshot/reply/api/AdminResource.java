package io.earshot.reply.api;

import io.earshot.commons.api.ProblemException;
import io.earshot.reply.security.Roles;
import io.earshot.reply.workflow.Rebuilder;
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

    @POST
    @Path("/rebuild")
    @Operation(summary = "Rebuild the queue from Kafka (admins)", description = "Clears the Redis view and replays "
            + "comments.triaged and replies. Approved replies not yet published go back to the outbox and are published "
            + "once. Staff actions answer 503 meanwhile.")
    public Rebuilder.Report rebuild() {
        try {
            return rebuilder.rebuild();
        } catch (IllegalStateException e) {
            throw ProblemException.unavailable(e.getMessage(), Duration.ofSeconds(10));
        }
    }
}
