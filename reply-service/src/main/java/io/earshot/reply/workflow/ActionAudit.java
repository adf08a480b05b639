package io.earshot.reply.workflow;

import io.earshot.reply.messaging.ActionEvent;
import io.earshot.reply.messaging.ActionEventPublisher;
import io.earshot.reply.redis.ActionLog;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * Makes an action that is not a workflow step accountable: kept in the action log and published on {@code audit},
 * the send awaited so the caller's answer means Kafka has it. Called after the action succeeded; if Kafka does not
 * acknowledge, the caller fails (the action happened and the log has it, so the client learns the audit is late).
 */
@ApplicationScoped
public class ActionAudit {

    /** How long a caller waits for Kafka's acknowledgement of the audit event. */
    static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    private final ActionLog log;
    private final ActionEventPublisher publisher;
    private final Clock clock;

    public ActionAudit(ActionLog log, ActionEventPublisher publisher) {
        this.log = log;
        this.publisher = publisher;
        this.clock = Clock.systemUTC();
    }

    /** Records that {@code actor} did {@code action} to {@code subject}; {@code detail} must hold no personal data. */
    public ActionEvent record(String actor, ActionEvent.Action action, String subject, String detail) {
        ActionEvent event = new ActionEvent(UUID.randomUUID().toString(), action.code(), actor, subject, detail,
                clock.instant());
        String json = publisher.json(event);
        log.append(json);
        publisher.publish(event, json).await().atMost(SEND_TIMEOUT);
        return event;
    }
}
