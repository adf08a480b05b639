package io.earshot.reply.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.commons.api.ProblemException;
import io.earshot.reply.domain.AuditEntry;
import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Who did what to an item, when, with the reply text before and after. */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.RESPONDER)
public class AuditResource {

    @Inject
    QueueStore store;

    @Inject
    ObjectMapper mapper;

    /** An item's trail, oldest first. */
    public record Trail(String item, List<AuditEntry> entries) {
    }

    @GET
    @Operation(summary = "The audit trail of an item", description = "Every action, by whom, when, from which state to which, and the text before and after an edit.")
    public Trail audit(@QueryParam("item") String item) {
        if (item == null || item.isBlank()) {
            throw ProblemException.badField("item", "must name a queue item");
        }
        if (store.find(item).isEmpty()) {
            throw ProblemException.status(Response.Status.NOT_FOUND, "no queue item " + item);
        }
        List<AuditEntry> entries = store.audit(item).stream().filter(json -> !"{}".equals(json)).map(json -> {
            try {
                return mapper.readValue(json, AuditEntry.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
        return new Trail(item, entries);
    }
}
