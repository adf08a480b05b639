package io.earshot.reply.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.commons.api.ProblemException;
import io.earshot.reply.domain.AuditEntry;
import io.earshot.reply.messaging.ActionEvent;
import io.earshot.reply.redis.ActionLog;
import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
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

    @Inject
    ActionLog actions;

    /** A page of the action log, newest first; {@code next} is the offset of the following page, null at the end. */
    public record Actions(List<ActionEvent> actions, Integer next) {
    }

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

    @GET
    @Path("actions")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Staff and system actions that are not workflow steps (supervisors)", description = "Template "
            + "edits, rebuilds, language settings, reveals of personal data and machine translations, newest first; "
            + "the newest " + ActionLog.CAPACITY + " are kept here, all of them on the audit topic.")
    public Actions actions(@QueryParam("offset") @DefaultValue("0") @Min(0) @Max(ActionLog.CAPACITY) int offset,
                           @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        List<String> page = actions.page(offset, limit + 1);
        List<ActionEvent> events = page.stream().limit(limit).map(json -> {
            try {
                return mapper.readValue(json, ActionEvent.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
        return new Actions(events, page.size() > limit ? offset + limit : null);
    }
}
