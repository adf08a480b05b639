package io.earshot.reply.web;

import io.earshot.commons.api.ProblemException;
import io.earshot.reply.domain.AuditEntry;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.security.Roles;
import io.earshot.reply.messaging.ActionEvent;
import io.earshot.reply.workflow.ActionAudit;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

/**
 * The dashboard masks the personal data triage found in a comment; a supervisor may reveal it, and every reveal is
 * written to the item's audit trail (who, when) before the text is returned.
 */
@Path("/api/queue/{id}/reveal")
@RolesAllowed(Roles.SUPERVISOR)
@Blocking
public class PersonalDataResource {

    private static final Logger LOG = Logger.getLogger(PersonalDataResource.class);

    /** The comment text with the spans the page masks. */
    public record Revealed(String text, List<QueueItem.Pii> pii) {
    }

    @Inject
    QueueStore store;

    @Inject
    SecurityIdentity identity;

    @Inject
    ActionAudit audit;

    Clock clock = Clock.systemUTC();

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reveal a comment's personal data (supervisors; audited)")
    public Revealed reveal(@PathParam("id") String id) {
        QueueItem item = store.find(id).orElseThrow(() ->
                ProblemException.status(Response.Status.NOT_FOUND, "no queue item " + id));
        String user = identity.getPrincipal().getName();
        String state = item.state().name();
        store.appendAudit(id, store.json(new AuditEntry(clock.instant(), user, "revealed_personal_data", state, state,
                item.version(), null, null, "personal data shown on the dashboard")));
        audit.record(user, ActionEvent.Action.PERSONAL_DATA_REVEALED, id, "personal data shown on the dashboard");
        LOG.infof("%s revealed the personal data of queue item %s", user, id);
        return new Revealed(item.text(), item.pii() == null ? List.of() : item.pii());
    }
}
