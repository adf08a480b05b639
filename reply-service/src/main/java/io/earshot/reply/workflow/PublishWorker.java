package io.earshot.reply.workflow;

import io.earshot.reply.config.PublishConfig;
import io.earshot.reply.domain.Actor;
import io.earshot.reply.domain.ApprovalSignature;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.domain.QueueItem.State;
import io.earshot.reply.domain.Workflow;
import io.earshot.reply.domain.Workflow.Action;
import io.earshot.reply.metrics.ReplyMetrics;
import io.earshot.reply.platform.ApprovedReply;
import io.earshot.reply.platform.Connectors;
import io.earshot.reply.platform.PlatformConnector;
import io.earshot.reply.platform.PlatformConnector.Done;
import io.earshot.reply.platform.PlatformConnector.Outcome;
import io.earshot.reply.platform.PlatformConnector.Permanent;
import io.earshot.reply.platform.PlatformConnector.Transient;
import io.earshot.reply.redis.OutboxStore;
import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.redis.QueueStore.LockMode;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * Publishes approved replies from the outbox, exactly once.
 *
 * <p>Approval puts the item in the outbox (a Redis sorted set, score = when it is due) in the same atomic step that
 * records the approval. This worker leases due entries, marks the item {@code publishing} (counting the attempt)
 * before it calls the platform, and only then sends, with the approval's idempotency key. If the service dies or the
 * call times out, the lease runs out and the entry is taken up again; because an attempt was counted, the platform is
 * first asked whether our reply already exists (Facebook, Instagram, YouTube, X) or the platform deduplicates by the
 * key (Mastodon, the generic callback). Transient failures are retried with exponential backoff and full jitter;
 * permanent ones, or too many attempts, set {@code failed} with the platform's reason, for staff to retry.
 *
 * <p>It sends only an {@link ApprovedReply}, which cannot be made from an item without a human's approval, and only
 * after that approval's signature verified against the item and text it is about to send ({@link Approvals}).
 */
@ApplicationScoped
public class PublishWorker {

    private static final Logger LOG = Logger.getLogger(PublishWorker.class);

    @Inject
    ReplyMetrics metrics;

    @Inject
    QueueStore store;

    @Inject
    OutboxStore outbox;

    @Inject
    QueueService service;

    @Inject
    Connectors connectors;

    @Inject
    PublishConfig config;

    @Inject
    Approvals approvals;

    @Scheduled(every = "${earshot.reply.publish.poll-every:1s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @WaitsForRebuild
    void poll() {
        if (!config.enabled()) {
            return;
        }
        try {
            drain();
        } catch (RuntimeException e) {
            LOG.warnf("outbox poll failed: %s", e.toString());
        }
    }

    /** Publishes every due entry; returns how many were taken up. */
    public int drain() {
        int n = 0;
        for (String id : outbox.leaseDue(service.now(), config.lease(), 20)) {
            n++;
            try {
                publish(id);
            } catch (RuntimeException e) {
                LOG.warnf("publishing %s failed, will retry after the lease: %s", id, e.toString());
            }
        }
        return n;
    }

    void publish(String id) {
        Optional<QueueItem> found = store.find(id);
        if (found.isEmpty()) {
            outbox.remove(id);
            return;
        }
        QueueItem item = found.get();
        if (!Workflow.publishable(item)) {
            // the approval invariant: whatever put it in the outbox, an item without a human's approval is not sent
            LOG.warnf("outbox entry %s is %s without a publishable approval: dropped, nothing sent", id, item.state());
            outbox.remove(id);
            return;
        }
        if (!signed(item)) {
            return;
        }
        Optional<PlatformConnector> connector = connectors.of(item.platform());
        boolean mayExist = item.publication() != null && item.publication().attempts() > 0;
        Instant now = service.now();
        QueueItem.Publication p0 = item.publication() == null ? QueueItem.Publication.NONE : item.publication();
        String lastError = outbox.lastFailure(id);
        QueueItem.Publication before = lastError == null ? p0 : new QueueItem.Publication(p0.attempts(), p0.lastAttemptAt(),
                p0.nextAttemptAt(), lastError, p0.platformReplyId(), p0.publishedAt(), p0.tokenExpired());
        QueueItem attempt = service.system(id, Step.of(Action.START_PUBLISH, Actor.SYSTEM, LockMode.NONE)
                .because(mayExist ? "attempt " + (before.attempts() + 1) + " after " + Optional.ofNullable(before.lastError()).orElse("an interruption") : null)
                .changing(i -> i.withPublication(new QueueItem.Publication(before.attempts() + 1, now, null, before.lastError(),
                        null, null, false))));
        if (connector.isEmpty()) {
            fail(attempt, "no connector for platform " + item.platform(), false);
            return;
        }
        // checked again on the very object sent: Redis may have changed between the first check and this read
        if (!signed(attempt)) {
            return;
        }
        ApprovedReply reply = ApprovedReply.of(attempt);
        PlatformConnector platform = connector.get();
        if (mayExist && !platform.idempotent()) {
            Optional<String> existing;
            try {
                existing = platform.findExisting(reply);
            } catch (RuntimeException e) {
                // cannot tell whether it went out: do not send blind; try again later
                retryLater(attempt, "could not check for an earlier reply: " + e.getMessage(), null);
                return;
            }
            if (existing.isPresent()) {
                published(attempt, existing.get(), "found the reply an earlier attempt made");
                return;
            }
        }
        Outcome outcome = platform.send(reply);
        if (outcome instanceof Done done) {
            published(attempt, done.platformId(), null);
        } else if (outcome instanceof Transient t) {
            if (attempt.publication().attempts() >= config.maxAttempts()) {
                fail(attempt, t.reason() + " (gave up after " + attempt.publication().attempts() + " attempts)", false);
            } else {
                retryLater(attempt, t.reason(), t.notBefore());
            }
        } else if (outcome instanceof Permanent p) {
            fail(attempt, p.reason(), p.tokenExpired());
        }
    }

    /**
     * Whether the approval about to be acted on is one this service signed for exactly this item and text. If not
     * (anyone who can write to Redis or Kafka could have put it there), nothing is sent: the refusal is counted and
     * audited and the item goes back to a human, without its approval.
     */
    private boolean signed(QueueItem item) {
        ApprovalSignature.Verdict verdict = approvals.verify(item);
        if (verdict == ApprovalSignature.Verdict.VALID) {
            return true;
        }
        approvals.refused(Approvals.Source.publish, item.id(), item, null, verdict,
                item.approval() == null ? null : item.approval().by());
        try {
            service.system(item.id(), Step.of(Action.REFUSE_APPROVAL, Actor.SYSTEM, LockMode.NONE)
                    .because("the approval's signature does not verify (" + verdict.label() + "): nothing was sent; approve it again")
                    .changing(i -> i.withApproval(null).withStateReason("approval refused: its signature does not verify"))
                    .outbox(Step.Outbox.REMOVE));
        } catch (RuntimeException e) {
            LOG.warnf("could not send %s back to the queue after refusing its approval: %s", item.id(), e.toString());
            outbox.remove(item.id());
        }
        return false;
    }

    private void published(QueueItem item, String platformId, String note) {
        connectors.tokenWorks(item.platform());
        Instant now = service.now();
        service.system(item.id(), Step.of(Action.PUBLISHED, Actor.SYSTEM, LockMode.NONE).because(note)
                .changing(i -> i.withPublication(new QueueItem.Publication(item.publication().attempts(), item.publication().lastAttemptAt(),
                        null, null, platformId, now, false)).withStateReason(null))
                .outbox(Step.Outbox.REMOVE));
    }

    private void fail(QueueItem item, String reason, boolean tokenExpired) {
        if (tokenExpired) {
            connectors.tokenExpired(item.platform(), reason);
        }
        QueueItem.Publication p = item.publication() == null ? QueueItem.Publication.NONE : item.publication();
        if (item.state() != State.publishing) {
            outbox.remove(item.id());
            return;
        }
        service.system(item.id(), Step.of(Action.FAIL, Actor.SYSTEM, LockMode.NONE).because(reason)
                .changing(i -> i.withPublication(new QueueItem.Publication(p.attempts(), p.lastAttemptAt(), null, reason, null, null, tokenExpired))
                        .withStateReason(reason))
                .outbox(Step.Outbox.REMOVE));
        metrics.publishFailed(item.platform(), tokenExpired);
    }

    /** Keeps the entry, due again after a backoff with full jitter (or when the platform said). */
    private void retryLater(QueueItem item, String reason, Instant notBefore) {
        int attempts = item.publication().attempts();
        long cap = Math.min(config.backoffMax().toMillis(), config.backoffBase().toMillis() * (1L << Math.min(20, attempts - 1)));
        long delay = config.backoffBase().toMillis() / 2 + ThreadLocalRandom.current().nextLong(Math.max(1, cap));
        Instant at = service.now().plus(Duration.ofMillis(delay));
        if (notBefore != null && notBefore.isAfter(at)) {
            at = notBefore;
        }
        LOG.infof("reply %s not published yet (%s); next attempt at %s", item.id(), reason, at);
        outbox.at(item.id(), at);
        outbox.noteFailure(item.id(), reason);
    }

    /** Used by tests and by staff tooling: whether an item is waiting in the outbox. */
    public boolean queued(String id) {
        return store.outboxScore(id) != null;
    }
}
