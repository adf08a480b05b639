package io.earshot.reply.domain;

import io.earshot.reply.messaging.ReplyEvent;
import java.util.List;

/**
 * Rebuilds an item's workflow from its {@code replies} events: Kafka is the truth, Redis a view. Each event carries
 * what its step changed and the item's version after it, so applying the events of an item in order (ignoring any
 * not newer than the item) gives back the item, and applying one twice changes nothing.
 */
public final class Replay {

    private Replay() {
    }

    /** Whether {@code event} is news for {@code item}. */
    public static boolean newer(QueueItem item, ReplyEvent event) {
        long v = event.version() == null ? 0 : event.version();
        return v > item.version() || "drafted".equals(event.type()) && v == 1 && item.version() == 1;
    }

    public static QueueItem apply(QueueItem item, ReplyEvent e) {
        if (!newer(item, e)) {
            return item;
        }
        QueueItem.Builder b = item.toBuilder()
                .state(QueueItem.State.valueOf(e.state()))
                .version(e.version() == null ? item.version() : e.version())
                .updatedAt(e.occurredAt());
        QueueItem.State state = QueueItem.State.valueOf(e.state());
        if (state != QueueItem.State.claimed) {
            b.claimedBy(null);
        }
        QueueItem.Publication p = item.publication() == null ? QueueItem.Publication.NONE : item.publication();
        switch (e.type()) {
            case "drafted", "edited", "redrafted" -> {
                b.draft(new QueueItem.Draft(e.text() == null ? "" : e.text(), e.lang(),
                        e.draftSource() == null ? "template" : e.draftSource(),
                        "edited".equals(e.type()) ? e.actor() : null, e.commentVersion(),
                        "edited".equals(e.type()) ? e.translation() : null));
                if ("redrafted".equals(e.type())) {
                    b.approval(null);
                }
            }
            case "claimed" -> b.claimedBy(e.actor());
            case "approved" -> b.approval(approval(e)).publication(QueueItem.Publication.NONE);
            case "approval_refused" -> b.approval(null).stateReason(e.reason());
            case "publishing" -> b.publication(new QueueItem.Publication(p.attempts() + 1, e.occurredAt(), null,
                    p.lastError(), null, null, false));
            case "published" -> b.publication(new QueueItem.Publication(p.attempts(), p.lastAttemptAt(), null, null,
                    e.platformReplyId(), e.occurredAt(), false)).stateReason(null);
            case "failed" -> b.publication(new QueueItem.Publication(p.attempts(), p.lastAttemptAt(), null, e.reason(),
                    null, null, e.reason() != null && e.reason().contains("token"))).stateReason(e.reason());
            case "rejected", "escalated", "retracted" -> b.stateReason(e.reason());
            case "snoozed" -> b.snoozedUntil(e.snoozedUntil());
            case "assigned" -> b.assignee(e.assignee()).team(e.team());
            case "hidden", "unhidden", "deleted" -> b.moderation(new QueueItem.Moderation(
                    e.moderation() != null ? e.moderation() : "hidden".equals(e.type()) ? "hidden"
                            : "unhidden".equals(e.type()) ? "visible" : "deleted", e.actor(), e.occurredAt()));
            default -> { }
        }
        if (state != QueueItem.State.snoozed) {
            b.snoozedUntil(null);
        }
        if ("snoozed".equals(e.type())) {
            b.snoozedUntil(e.snoozedUntil());
        }
        return b.build();
    }

    /** The approval an {@code approved} event carries, signature included (verified by the caller). */
    public static QueueItem.Approval approval(ReplyEvent e) {
        return new QueueItem.Approval(e.actor(), e.approvedAt() != null ? e.approvedAt() : e.occurredAt(), e.text(),
                e.idempotencyKey(), e.lintOverride() == null ? List.of() : e.lintOverride(), e.commentVersion(),
                e.approvalKeyId(), e.approvalSignature());
    }

    /** The audit line an event stands for. */
    public static AuditEntry audit(ReplyEvent e, String fromState) {
        return new AuditEntry(e.occurredAt(), e.actor(), e.type(), fromState, e.state(),
                e.version() == null ? 0 : e.version(), e.previousText(),
                e.previousText() != null || "drafted".equals(e.type()) ? e.text() : null, e.reason());
    }
}
