package io.earshot.reply.messaging;

import java.time.Instant;

/** One step in the life of a reply, on topic {@code replies} ({@code docs/events/replies.schema.json}). */
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
        Instant occurredAt) {
}
