package io.earshot.reply.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.commons.retry.TransientRetry;
import io.earshot.reply.config.WorkflowConfig;
import io.earshot.reply.domain.Actor;
import io.earshot.reply.domain.AuditEntry;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.domain.QueueItems;
import io.earshot.reply.domain.Workflow;
import io.earshot.reply.domain.Workflow.Action;
import io.earshot.reply.redis.Announcements;
import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.workflow.Drafter;
import io.earshot.reply.workflow.ModerationService;
import io.earshot.reply.workflow.QueueService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Queues each triaged comment for a human, with a drafted reply, and announces it on {@code replies}; an edited
 * comment updates its item and replaces a draft written for the old text, a removed one retracts its item.
 *
 * <p>Idempotent: the item's id is the comment's, created only if absent, and announced once; edits and removals
 * apply only when their comment version is newer than the item's; a redelivered record changes nothing. The incoming
 * record is acknowledged only after the announcement was acknowledged by Kafka, so a crash in between replays it.
 * Sends are pipelined: the next record is queued while Kafka acknowledges this one.
 *
 * <p>A Redis or Kafka outage is waited out ({@link TransientRetry}), not dead-lettered: the record is retried until the
 * store is back, and later records wait behind it; only a record that can never be queued goes to the DLQ.
 */
@ApplicationScoped
public class TriagedConsumer {

    private static final Logger LOG = Logger.getLogger(TriagedConsumer.class);

    @Inject
    ObjectMapper mapper;

    @Inject
    QueueStore store;

    @Inject
    Announcements announcements;

    @Inject
    Drafter drafter;

    @Inject
    WorkflowConfig config;

    @Inject
    ReplyEventPublisher publisher;

    @Inject
    QueueService service;

    @Inject
    ModerationService moderation;

    @Inject
    io.earshot.reply.workflow.RebuildGate gate;

    @Inject
    TransientRetry retry;

    @Inject
    io.earshot.reply.workflow.SlaPolicy slaPolicy;

    Clock clock = Clock.systemUTC();

    @Incoming(Topics.COMMENTS_TRIAGED)
    @Blocking
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> consume(Message<String> record) {
        TriagedComment triaged;
        QueueItem item;
        try {
            triaged = mapper.readValue(record.getPayload(), TriagedComment.class).requireValid();
            item = retry.call(() -> QueueItems.fromTriaged(triaged, drafter::draft, slaPolicy.sla(), clock.instant()));
        } catch (IOException | IllegalArgumentException e) {
            LOG.warnf("unreadable comments.triaged record sent to the dead-letter topic: %s", e.getMessage());
            return record.nack(e);
        }
        // a rebuild is replaying the topics: wait for it rather than race it (the record is then applied after it)
        gate.awaitOpen(java.time.Duration.ofMinutes(10));
        // an earlier record's announcement waits out a Kafka or Redis outage: do not overtake it
        retry.awaitAsync(java.time.Duration.ofMinutes(10));
        try {
            return retry.call(() -> handle(record, triaged, item));
        } catch (RuntimeException e) {
            LOG.warnf("comments.triaged record for %s not processed: %s", item.id(), e.toString());
            return record.nack(e);
        }
    }

    private CompletionStage<Void> handle(Message<String> record, TriagedComment triaged, QueueItem item) {
        AuditEntry audit = new AuditEntry(item.queuedAt(), "system", "drafted", null, item.state().name(), item.version(),
                null, item.draftText(), item.draft() == null ? null : item.draft().source());
        boolean created = store.createIfAbsent(item, store.json(audit));
        if (!created) {
            QueueItem existing = store.find(item.id()).orElse(item);
            if (triaged.comment().version() > existing.commentVersion() && existing.commentVersion() > 0
                    || triaged.comment().version() > 1 && existing.commentVersion() == 0) {
                changed(triaged, existing);
            }
            if (announcements.isAnnounced(item.id())) {
                return record.ack();
            }
            item = existing;
        } else {
            autoHide(item);
        }
        String id = item.id();
        QueueItem announced = item.version() == 1 ? item : item.withHandling(h -> h.withVersion(1));
        ReplyEvent drafted = QueueItems.event(announced, "drafted", "system", null, clock.instant());
        retry.async(() -> publisher.publish(drafted))
                .chain(() -> retry.async(() -> announcements.markAnnounced(id)))
                .subscribe().with(ok -> record.ack(), record::nack);
        return CompletableFuture.completedFuture(null);
    }

    /** A newer version of a comment already queued: edited (redraft) or removed (retract). */
    private void changed(TriagedComment triaged, QueueItem existing) {
        QueueItem.State state = service.current(existing).state();
        if (triaged.isRemoval()) {
            if (Workflow.allowed(Action.RETRACT, state)) {
                service.system(existing.id(), new QueueService.Step(Action.RETRACT, Actor.SYSTEM, QueueStore.LockMode.CLEAR,
                        null, "the comment was removed on " + existing.platform(),
                        i -> i.withComment(c -> c.withVersion(triaged.comment().version()))
                                .withStateReason("the comment was removed"),
                        QueueStore.OutboxOp.REMOVE, null));
            } else {
                LOG.infof("comment of %s removed while the item is %s: nothing to retract", existing.id(), state);
            }
            return;
        }
        if (!Workflow.allowed(Action.REDRAFT, state)) {
            LOG.infof("comment of %s edited while the item is %s: the reply stands", existing.id(), state);
            return;
        }
        QueueItem updated = QueueItems.withComment(existing, triaged);
        QueueItem.Draft draft = drafter.draft(updated);
        service.system(existing.id(), new QueueService.Step(Action.REDRAFT, Actor.SYSTEM, QueueStore.LockMode.NONE, null,
                "the comment was edited; the draft for the old text was replaced",
                i -> QueueItems.withComment(i, triaged).withDraft(draft).withApproval(null)
                        .withHandling(h -> h.withSuggestion(QueueItems.noReply(updated) ? "hide" : null)),
                QueueStore.OutboxOp.REMOVE, null));
    }

    private void autoHide(QueueItem item) {
        if (config.autoHideSpamAbove().isEmpty() || !item.flags().contains("spam")) {
            return;
        }
        double score = item.scores() == null ? 1.0 : item.scores().getOrDefault("spam", 1.0);
        if (score >= config.autoHideSpamAbove().getAsDouble()) {
            try {
                retry.run(() -> moderation.moderate(item.id(), Actor.policy("auto-hide-spam"), Action.HIDE,
                        "spam score " + score));
            } catch (RuntimeException e) {
                LOG.warnf("auto-hide of spam %s failed: %s", item.id(), e.getMessage());
            }
        }
    }
}
