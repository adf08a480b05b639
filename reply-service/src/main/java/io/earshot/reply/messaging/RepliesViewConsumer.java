package io.earshot.reply.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.commons.retry.TransientRetry;
import io.earshot.reply.domain.ApprovalSignature;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.domain.Replay;
import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.workflow.Approvals;
import io.earshot.reply.workflow.WaitsForRebuild;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Keeps the Redis view in step with {@code replies}, the truth: an event newer than the item it names (written by
 * another instance against another Redis, or lost from a restored Redis) is applied to the item. Normally every
 * event is already in Redis, so this changes nothing; it never publishes (the outbox does) and never announces. An
 * {@code approved} event whose signature does not verify is refused, counted and audited, never applied.
 * Unreadable records go to {@code replies.dlq.reply-service}.
 */
@ApplicationScoped
public class RepliesViewConsumer {

    private static final Logger LOG = Logger.getLogger(RepliesViewConsumer.class);

    @Inject
    ObjectMapper mapper;

    @Inject
    QueueStore store;

    @Inject
    TransientRetry retry;

    @Inject
    Approvals approvals;

    @Incoming(Topics.REPLIES_VIEW)
    @Blocking
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> consume(Message<String> record) {
        return retry.call(() -> view(record)); // a Redis outage is waited out, not dead-lettered
    }

    private CompletionStage<Void> view(Message<String> record) {
        ReplyEvent event;
        try {
            event = mapper.readValue(record.getPayload(), ReplyEvent.class);
            if (event.itemId() == null || event.type() == null || event.state() == null) {
                throw new IllegalArgumentException("replies record lacks itemId, type or state");
            }
            QueueItem.State.valueOf(event.state());
        } catch (IOException | IllegalArgumentException e) {
            LOG.warnf("unreadable replies record sent to the dead-letter topic: %s", e.getMessage());
            return record.nack(e);
        }
        // "drafted" is written together with its item, so there is nothing to catch up with (and no read to pay for)
        // a notice (sla_breached) changes nothing in the item either
        if (!"drafted".equals(event.type()) && !event.notice()) {
            catchUp(event);
        }
        return record.ack();
    }

    /** Applies an event the view missed; skipped mid-rebuild, which reads the topic itself (self-call, intercepted). */
    @WaitsForRebuild
    void catchUp(ReplyEvent event) {
        Optional<QueueItem> item = store.find(event.itemId());
        if (item.isPresent() && Replay.newer(item.get(), event) && signedIfApproval(item.get(), event)) {
            QueueItem updated = Replay.apply(item.get(), event);
            store.put(updated);
            store.appendAudit(updated.id(), store.json(Replay.audit(event, item.get().state().name())));
            if (updated.state() == QueueItem.State.approved || updated.state() == QueueItem.State.publishing) {
                store.outboxAt(updated.id(), event.occurredAt());
            } else {
                store.outboxRemove(updated.id());
            }
            LOG.infof("view of %s caught up with event %s (%s)", updated.id(), event.eventId(), event.type());
        }
    }

    /** An {@code approved} event is applied only with a valid signature: anyone can write to the topic. */
    private boolean signedIfApproval(QueueItem item, ReplyEvent event) {
        if (!"approved".equals(event.type())) {
            return true;
        }
        ApprovalSignature.Verdict verdict = approvals.verify(item, event);
        if (verdict == ApprovalSignature.Verdict.VALID) {
            return true;
        }
        approvals.refused(Approvals.Source.view, item.id(), item, event.eventId(), verdict, event.actor());
        return false;
    }
}
