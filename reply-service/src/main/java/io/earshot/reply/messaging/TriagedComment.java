package io.earshot.reply.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The part of a {@code comments.triaged} event that reply-service reads; unknown fields are tolerated so triage
 * and ingest can add fields without breaking it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TriagedComment(String eventId, Comment comment, Triage triage) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Comment(
            String eventId,
            String commentId,
            int version,
            String action,
            String platform,
            String account,
            String externalId,
            String threadId,
            String parentId,
            Author author,
            String text,
            String lang,
            Instant createdAt,
            String permalink) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Author(String id, String handle, String displayName, Long followers) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Triage(
            String lang,
            String label,
            double confidence,
            Map<String, Double> scores,
            List<String> flags,
            int priority,
            List<String> reasons,
            List<String> explanation,
            String model,
            List<Pii> pii,
            String topic) {
    }

    /** Personal data triage found in the comment text. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Pii(String type, int start, int end) {
    }

    /** Whether this record tells of an edit or a removal of a comment reply-service may already have queued. */
    public boolean isEdit() {
        return "edited".equals(comment.action());
    }

    public boolean isRemoval() {
        return "removed".equals(comment.action());
    }

    /** Checks what a queue item cannot be made without; a violation sends the record to the dead-letter topic. */
    public TriagedComment requireValid() {
        if (eventId == null || comment == null || triage == null || comment.commentId() == null
                || comment.platform() == null || comment.threadId() == null || comment.text() == null
                || triage.label() == null) {
            throw new IllegalArgumentException("comments.triaged record lacks eventId, comment ids, text or label");
        }
        return this;
    }
}
