package io.earshot.reply.workflow;

import io.earshot.reply.domain.WorkflowException;
import io.earshot.reply.domain.Actor;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.domain.Workflow;
import io.earshot.reply.domain.Workflow.Action;
import io.earshot.reply.platform.Connectors;
import io.earshot.reply.platform.PlatformConnector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Hides, unhides or deletes a comment on its platform, confirmed by a person or applied by a policy, and records it
 * like a reply: an event and an audit line. The platform call happens first; only what the platform did is recorded.
 */
@ApplicationScoped
public class ModerationService {

    @Inject
    QueueService service;

    @Inject
    Connectors connectors;

    public QueueItem moderate(String id, Actor actor, Action action, String reason) {
        QueueItem item = service.get(id);
        QueueItem.State state = service.current(item).state();
        if (!Workflow.allowed(action, state)) {
            throw WorkflowException.wrongState("cannot " + action.name().toLowerCase() + " the comment of an item that is " + state);
        }
        PlatformConnector connector = connectors.of(item.platform()).orElseThrow(() ->
                new WorkflowException(WorkflowException.Reason.UNPROCESSABLE, "no connector for platform " + item.platform()));
        String verb = switch (action) {
            case HIDE -> "hide";
            case UNHIDE -> "unhide";
            default -> "delete";
        };
        PlatformConnector.Outcome outcome = connector.moderate(item, verb);
        if (outcome instanceof PlatformConnector.Permanent p) {
            if (p.tokenExpired()) {
                connectors.tokenExpired(item.platform(), p.reason());
            }
            throw new WorkflowException(WorkflowException.Reason.PLATFORM_REFUSED, item.platform() + " refused to " + verb + ": " + p.reason());
        }
        if (outcome instanceof PlatformConnector.Transient t) {
            throw new WorkflowException(WorkflowException.Reason.PLATFORM_UNAVAILABLE, item.platform() + " did not " + verb
                    + " the comment (" + t.reason() + "); try again", null, java.time.Duration.ofSeconds(10));
        }
        return service.moderated(id, actor, action, reason);
    }
}
