package io.earshot.reply.domain;

import io.earshot.reply.messaging.ReplyEvent;
import java.time.Instant;
import java.util.List;

/**
 * Rebuilds an item's workflow from its {@code replies} events: Kafka is the truth, Redis a view. Each event carries
 * what its step changed and the item's version after it, so applying the events of an item in order (ignoring any
 * not newer than the item) gives back the item, and applying one twice changes nothing. Notices
 * ({@link ReplyEvent#NOTICES}, an {@code sla_breached}) are never news: they change nothing.
 */
public final class Replay {

    private Replay() {
    }

    /** Whether {@code event} is news for {@code item}. */
    public static boolean newer(QueueItem item, ReplyEvent event) {
        if (event.notice()) {
            return false; // a breach notice tells of the item and changes nothing in it
        }
        long v = event.version() == null ? 0 : event.version();
        return v > item.version() || "drafted".equals(event.type()) && v == 1 && item.version() == 1;
    }

    public static QueueItem apply(QueueItem item, ReplyEvent e) {
        if (!newer(item, e)) {
            return item;
        }
        QueueItem.State state = QueueItem.State.valueOf(e.state());
        long version = e.version() == null ? item.version() : e.version();
        QueueItem b = item.withHandling(h -> h.withState(state).withVersion(version).withUpdatedAt(e.occurredAt())
                .withClaimedBy(state == QueueItem.State.claimed ? h.claimedBy() : null));
        QueueItem.Publication p = item.publication() == null ? QueueItem.Publication.NONE : item.publication();
        switch (e.type()) {
            case "drafted", "edited", "redrafted" -> {
                b = b.withDraft(new QueueItem.Draft(e.text() == null ? "" : e.text(), e.lang(),
                        e.draftSource() == null ? "template" : e.draftSource(),
                        "edited".equals(e.type()) ? e.actor() : null, e.commentVersion(),
                        "edited".equals(e.type()) ? e.translation() : null));
                if ("redrafted".equals(e.type())) {
                    b = b.withApproval(null);
                }
            }
            case "claimed" -> b = b.withHandling(h -> h.withClaimedBy(e.actor()));
            case "approved" -> b = b.withApproval(approval(e)).withPublication(QueueItem.Publication.NONE);
            case "approval_refused" -> b = b.withApproval(null).withHandling(h -> h.withStateReason(e.reason()));
            case "publishing" -> b = b.withPublication(new QueueItem.Publication(p.attempts() + 1, e.occurredAt(), null,
                    p.lastError(), null, null, false));
            case "published" -> b = b.withPublication(new QueueItem.Publication(p.attempts(), p.lastAttemptAt(), null,
                    null, e.platformReplyId(), e.occurredAt(), false)).withHandling(h -> h.withStateReason(null));
            case "failed" -> b = b.withPublication(new QueueItem.Publication(p.attempts(), p.lastAttemptAt(), null,
                    e.reason(), null, null, e.reason() != null && e.reason().contains("token")))
                    .withHandling(h -> h.withStateReason(e.reason()));
            case "rejected", "escalated", "retracted" -> b = b.withHandling(h -> h.withStateReason(e.reason()));
            case "assigned" -> b = b.withHandling(h -> h.withAssignee(e.assignee()).withTeam(e.team()));
            case "reprioritised" -> b = e.priority() == null ? b : b.withVerdict(v -> v.withPriority(e.priority()));
            case "hidden", "unhidden", "deleted" -> b = b.withModeration(new QueueItem.Moderation(
                    e.moderation() != null ? e.moderation() : "hidden".equals(e.type()) ? "hidden"
                            : "unhidden".equals(e.type()) ? "visible" : "deleted", e.actor(), e.occurredAt()));
            default -> { }
        }
        // a snooze lasts only while the item is snoozed; the snoozed event sets it
        Instant snoozedUntil = "snoozed".equals(e.type()) ? e.snoozedUntil()
                : state == QueueItem.State.snoozed ? b.snoozedUntil() : null;
        return b.withHandling(h -> h.withSnoozedUntil(snoozedUntil));
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
