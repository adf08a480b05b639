package io.earshot.reply.messaging;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.earshot.reply.domain.QueueItem;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One step in the life of a reply, on topic {@code replies} ({@code docs/events/replies.schema.json}). Together with
 * {@code comments.triaged} these events are the truth the queue is rebuilt from, so each carries what its step
 * changed.
 *
 * @param version the item's version after this step
 * @param previousText the draft before an edit
 * @param idempotencyKey the key an approved reply is published with
 * @param lintOverride lint findings a supervisor overrode when approving
 * @param draftSource what wrote the draft (template, llm, staff)
 * @param commentVersion the comment version the item reflects
 * @param moderation the comment's visibility after a moderation action
 * @param translation on an edit that put a machine translation in the draft: what the responder wrote, in which
 *        language, the back-translation and the model
 * @param approvedAt on {@code approved}: the approval time the signature covers
 * @param approvalKeyId on {@code approved}: the id of the key that signed it
 * @param approvalSignature on {@code approved}: the HMAC over the approval ({@code domain/ApprovalSignature}); an
 *        approval without a valid one is refused by every reader
 * @param account on {@code sla_breached}: the platform account the comment was posted to (null when unknown)
 * @param deadline on {@code sla_breached}: the reply deadline that passed
 * @param label on {@code sla_breached}: triage's label (complaint, question, ...)
 * @param priority on {@code sla_breached}: triage's priority, 0 to 100
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReplyEvent(
        String eventId,
        String type,
        String itemId,
        String commentId,
        String platform,
        String threadKey,
        String state,
        String lang,
        String text,
        String actor,
        String reason,
        String platformReplyId,
        Instant occurredAt,
        Long version,
        String previousText,
        String assignee,
        String team,
        Instant snoozedUntil,
        String idempotencyKey,
        List<String> lintOverride,
        String draftSource,
        Integer commentVersion,
        String moderation,
        QueueItem.Translation translation,
        Instant approvedAt,
        String approvalKeyId,
        String approvalSignature,
        String account,
        Instant deadline,
        String label,
        Integer priority) {

    /** Notices about an item that change nothing in it; the view and the rebuild skip them. */
    public static final Set<String> NOTICES = java.util.Set.of("sla_breached");

    /** Whether this event only tells of an item (a breach) rather than being a step of its workflow. */
    @JsonIgnore
    public boolean notice() {
        return NOTICES.contains(type);
    }
}
