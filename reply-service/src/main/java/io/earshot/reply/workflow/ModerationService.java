package io.earshot.reply.workflow;

import io.earshot.commons.api.Problem;
import io.earshot.commons.api.ProblemException;
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
            throw QueueService.conflict("cannot " + action.name().toLowerCase() + " the comment of an item that is " + state);
        }
        PlatformConnector connector = connectors.of(item.platform()).orElseThrow(() ->
                new ProblemException(Problem.of(422, "Unprocessable Content", "no connector for platform " + item.platform())));
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
            throw new ProblemException(Problem.of(502, "Bad Gateway", item.platform() + " refused to " + verb + ": " + p.reason()));
        }
        if (outcome instanceof PlatformConnector.Transient t) {
            throw new ProblemException(Problem.of(503, "Service Unavailable", item.platform() + " did not " + verb
                    + " the comment (" + t.reason() + "); try again"), java.time.Duration.ofSeconds(10));
        }
        return service.moderated(id, actor, action, reason);
    }
}
