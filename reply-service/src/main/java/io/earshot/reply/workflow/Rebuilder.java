package io.earshot.reply.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.reply.config.WorkflowConfig;
import io.earshot.reply.domain.ApprovalSignature;
import io.earshot.reply.domain.AuditEntry;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.domain.QueueItems;
import io.earshot.reply.domain.Replay;
import io.earshot.reply.domain.WorkflowException;
import io.earshot.reply.messaging.ReplyEvent;
import io.earshot.reply.messaging.Topics;
import io.earshot.reply.messaging.TriagedComment;
import io.earshot.reply.redis.ParkedEvents;
import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.redis.RebuildStaging;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Rebuilds the queue from Kafka, the truth: every comment from {@code comments.triaged} (its latest version), then
 * every {@code replies} event of each item in order. Both topics keep their records without a time limit
 * (deploy/k8s Strimzi topics and the local runtime), so an item of any age comes back. Nothing is lost (both topics
 * are read to their end offsets), and nothing is published twice: an item that ends approved or publishing goes back
 * into the outbox with its approval's idempotency key and its attempt count, so the publisher checks the platform
 * before sending again. An {@code approved} event whose signature does not verify is skipped (counted, audited), and an
 * item that would end approved without a valid approval goes back to pending for a human. Staff actions and
 * publishing wait while it runs.
 *
 * <p>The log is streamed through Redis ({@link RebuildStaging}), not held in memory, and the new view is written
 * under a staging prefix: the live queue is replaced only once both topics were read to their end, so a rebuild that
 * fails part-way leaves the queue as it was.
 */
@ApplicationScoped
public class Rebuilder {

    private static final Logger LOG = Logger.getLogger(Rebuilder.class);

    static final String UNSIGNED = "its approval carries no valid signature (forged, or approved before approvals "
            + "were signed): read the reply and approve it again";

    /** What a rebuild did. */
    public record Report(int comments, int events, int items, int inOutbox, long millis) {
    }

    /** Fired after each item is staged: how far a rebuild got (the tests also use it to fail one part-way). */
    public record Progress(String itemId, int staged) {
    }

    @Inject
    QueueStore store;

    @Inject
    RebuildStaging staging;

    @Inject
    KafkaLog log;

    @Inject
    Event<Progress> progress;

    @Inject
    RebuildGate gate;

    @Inject
    EventRelay relay;

    @Inject
    Drafter drafter;

    @Inject
    VipBoost vips;

    @Inject
    WorkflowConfig config;

    @Inject
    SlaPolicy slaPolicy;

    @Inject
    ObjectMapper mapper;

    @Inject
    QueueService service;

    @Inject
    Approvals approvals;

    void onStart(@Observes StartupEvent start) {
        if (!config.rebuildWhenEmpty()) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                if (store.size() == 0) {
                    LOG.info("the queue in Redis is empty: rebuilding it from Kafka");
                    Report report = rebuild();
                    LOG.infof("rebuilt the queue from Kafka: %s", report);
                }
            } catch (RuntimeException e) {
                LOG.warnf("start-up rebuild skipped: %s", e.toString());
            }
        }, "queue-rebuild");
        thread.setDaemon(true);
        thread.start();
    }

    public Report rebuild() {
        if (!gate.tryClose()) {
            throw new WorkflowException(WorkflowException.Reason.BUSY, "a rebuild is already running");
        }
        long started = System.currentTimeMillis();
        boolean swapping = false;
        try {
            int parked = relay.flush(0);
            if (parked > 0) {
                throw new IllegalStateException(parked + " events are not in Kafka yet; rebuild refused so nothing is lost");
            }
            log.probe();
            staging.clear();
            int comments = log.readAll(Topics.COMMENTS_TRIAGED, r -> {
                try {
                    TriagedComment t = mapper.readValue(r.value(), TriagedComment.class).requireValid();
                    staging.noteComment(t.comment().commentId(), t.comment().version(), r.value(),
                            Instant.ofEpochMilli(r.timestamp()));
                } catch (Exception e) {
                    // the live consumer sent it to the dead-letter topic; so does the rebuild
                }
            });
            int eventCount = log.readAll(Topics.REPLIES, r -> {
                try {
                    ReplyEvent e = mapper.readValue(r.value(), ReplyEvent.class);
                    if (e.itemId() != null && e.type() != null && e.state() != null) {
                        staging.noteEvent(e.itemId(), r.value());
                    }
                } catch (Exception e) {
                    // unreadable: skipped, as the replies consumer sends it to its dead-letter topic
                }
            });
            int[] counts = {0, 0};
            Instant now = service.now();
            staging.forEachComment(c -> {
                boolean publishable = stageItem(c, now);
                counts[0]++;
                counts[1] += publishable ? 1 : 0;
                progress.fire(new Progress(c.id(), counts[0]));
            });
            swapping = true;
            staging.swap();
            return new Report(comments, eventCount, counts[0], counts[1], System.currentTimeMillis() - started);
        } catch (RuntimeException e) {
            if (!swapping) {
                // the live queue was not touched: only the staged copy goes (a failed swap keeps it for a retry)
                staging.clear();
            }
            throw e;
        } finally {
            gate.open();
        }
    }

    /** Rebuilds one item from its latest comment and its events into the staged view; true when it goes to the outbox. */
    private boolean stageItem(RebuildStaging.StagedComment c, Instant now) {
        String id = c.id();
        TriagedComment t = vips.apply(read(c.json(), TriagedComment.class));
        QueueItem item = QueueItems.fromTriaged(t, drafter::templateDraft, slaPolicy.sla(),
                c.firstSeen() == null ? now : c.firstSeen());
        List<String> audit = new ArrayList<>();
        boolean drafted = false;
        for (String json : c.events()) {
            ReplyEvent e = read(json, ReplyEvent.class);
            if (!Replay.newer(item, e)) {
                continue;
            }
            if ("approved".equals(e.type())) {
                ApprovalSignature.Verdict verdict = approvals.verify(item, e);
                if (verdict != ApprovalSignature.Verdict.VALID) {
                    approvals.refused(Approvals.Source.rebuild, id, null, e.eventId(), verdict, e.actor());
                    audit.add(store.json(refusal(e, item, verdict)));
                    continue;
                }
            }
            String from = "drafted".equals(e.type()) ? null : item.state().name();
            item = Replay.apply(item, e);
            audit.add(store.json(Replay.audit(e, from)));
            drafted |= "drafted".equals(e.type());
        }
        if (!drafted) {
            audit.add(0, store.json(new AuditEntry(item.queuedAt(), "system", "drafted", null, "pending", 1, null,
                    item.draftText(), "rebuilt")));
        }
        boolean publishable = item.state() == QueueItem.State.approved || item.state() == QueueItem.State.publishing;
        if (publishable && approvals.verify(item) != ApprovalSignature.Verdict.VALID) {
            // its approval was refused above (forged, or from before approvals were signed): a human again
            audit.add(store.json(new AuditEntry(now, "system", "approval_refused", item.state().name(),
                    "pending", item.version(), null, null, UNSIGNED)));
            item = item.withApproval(null).withHandling(h -> h.withState(QueueItem.State.pending)
                    .withClaimedBy(null).withStateReason(UNSIGNED));
            publishable = false;
        }
        ParkedEvents.Event unannounced = null;
        if (!drafted) { // queued, but its announcement never reached the log: the relay sends it after the swap
            ReplyEvent event = QueueItems.drafted(item, now);
            unannounced = new ParkedEvents.Event(event.eventId(), store.json(event));
        }
        staging.stage(item, audit, unannounced, publishable ? now : null);
        return publishable;
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The audit line of an {@code approved} event the rebuild refused. */
    private static AuditEntry refusal(ReplyEvent e, QueueItem item, ApprovalSignature.Verdict verdict) {
        return new AuditEntry(e.occurredAt(), "system", "approval_refused", item.state().name(), item.state().name(),
                item.version(), null, null, "approved event " + e.eventId() + " by " + e.actor() + " refused ("
                + verdict.label() + "): its signature does not verify");
    }
}
