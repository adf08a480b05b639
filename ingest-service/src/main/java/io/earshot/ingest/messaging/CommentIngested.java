package io.earshot.ingest.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * The {@code comments.ingested} event as ingest-service writes it ({@code docs/events/comments.ingested.schema.json}).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CommentIngested(
        String eventId,
        String commentId,
        int version,
        Action action,
        String platform,
        String account,
        String externalId,
        String threadId,
        String parentId,
        Author author,
        String text,
        String lang,
        Instant createdAt,
        Instant receivedAt,
        String permalink,
        Map<String, Object> context,
        String moderationStatus,
        String raw) {

    /** What happened to the comment on its platform. */
    public enum Action {
        created, edited, removed
    }

    public record Author(String id, String handle, String displayName, Long followers) {
    }

    /** The same comment as another revision: another version and action, same identity. */
    public CommentIngested revision(int newVersion, Action newAction) {
        return new CommentIngested(io.earshot.ingest.domain.CommentIds.eventId(platform, externalId, newVersion), commentId,
                newVersion, newAction, platform, account, externalId, threadId, parentId, author, text, lang, createdAt,
                receivedAt, permalink, context, moderationStatus, raw);
    }

    /** The record key: one conversation stays on one partition, in order. */
    public String conversationKey() {
        return platform + ":" + threadId;
    }
}
