package io.earshot.reply.workflow;

import io.earshot.reply.config.ApprovalConfig;
import io.earshot.reply.domain.ApprovalSignature;
import io.earshot.reply.domain.ApprovalSignature.Claims;
import io.earshot.reply.domain.ApprovalSignature.Verdict;
import io.earshot.reply.domain.AuditEntry;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.domain.Replay;
import io.earshot.reply.messaging.ReplyEvent;
import io.earshot.reply.metrics.ReplyMetrics;
import io.earshot.reply.redis.QueueStore;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Signs the approvals this service makes and checks every approval it reads back, from Kafka (the view consumer,
 * the rebuild) or from Redis (the publisher, just before it sends). Created at start, so a pod without valid keys
 * does not start. A refusal is counted ({@code earshot_reply_forged_events_total}) and written to the item's audit.
 */
@Startup
@Singleton
public class Approvals {

    private static final Logger LOG = Logger.getLogger(Approvals.class);

    /** Where a refused approval was read. */
    public enum Source { view, rebuild, publish }

    private final ApprovalSignature signature;
    private final ReplyMetrics metrics;
    private final QueueStore store;

    public Approvals(ApprovalConfig config, ReplyMetrics metrics, QueueStore store) {
        this.signature = new ApprovalSignature(config.keyId(), config.keys());
        this.metrics = metrics;
        this.store = store;
    }

    /** A signed approval by {@code by} of exactly {@code text}, for the item's current comment version. */
    public QueueItem.Approval sign(QueueItem item, String by, Instant at, String text, String idempotencyKey,
                                   List<String> lintOverride) {
        Instant when = at.truncatedTo(ChronoUnit.MILLIS);
        Claims claims = new Claims(item.id(), item.platform(), item.externalId(), item.commentVersion(), text, by, when,
                idempotencyKey);
        return new QueueItem.Approval(by, when, text, idempotencyKey, lintOverride, item.commentVersion(),
                signature.currentKeyId(), signature.sign(claims));
    }

    /** Whether the approval an item carries is one this service (with a key it holds) signed for that item. */
    public Verdict verify(QueueItem item) {
        QueueItem.Approval a = item.approval();
        return a == null ? Verdict.UNSIGNED : signature.verify(Claims.of(item, a), a.keyId(), a.signature());
    }

    /** Whether an {@code approved} event read from Kafka carries a valid approval for {@code item}. */
    public Verdict verify(QueueItem item, ReplyEvent event) {
        QueueItem.Approval a = Replay.approval(event);
        return signature.verify(Claims.of(item, a), a.keyId(), a.signature());
    }

    /** Counts and audits a refused approval; {@code item} may be null when the view has no such item. */
    public void refused(Source source, String itemId, QueueItem item, String eventId, Verdict verdict, String claimedBy) {
        metrics.forgedApproval(source.name(), verdict.label());
        String what = "approval refused (" + verdict.label() + ") from " + source
                + (eventId == null ? "" : ", event " + eventId) + ", claiming approver " + claimedBy
                + ": nothing is published without a signed approval";
        LOG.warnf("item %s: %s", itemId, what);
        if (item != null) {
            store.appendAudit(itemId, store.json(new AuditEntry(Instant.now(), "system", "approval_refused",
                    item.state().name(), item.state().name(), item.version(), null, null, what)));
        }
    }
}
