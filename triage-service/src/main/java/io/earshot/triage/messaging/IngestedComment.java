package io.earshot.triage.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.earshot.triage.domain.stance.StarRatingPrior;
import java.time.Instant;
import java.util.Map;

/**
 * The part of a {@code comments.ingested} event that triage reads. Unknown fields are tolerated (ingest may add
 * some); the full event is forwarded untouched inside {@code comments.triaged}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IngestedComment(
        String eventId,
        String commentId,
        int version,
        String action,
        String platform,
        String threadId,
        Author author,
        String text,
        String lang,
        String moderationStatus,
        Instant createdAt,
        Instant receivedAt,
        Map<String, Object> context) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Author(String id, String handle, String displayName, Long followers) {
    }

    /** The review's star rating from {@code context.starRating} (Google, Trustpilot), or null when there is none. */
    public Integer starRating() {
        return context == null ? null : StarRatingPrior.parse(context.get("starRating"));
    }

    /** Checks what triage cannot work without; a violation sends the record to the dead-letter topic. */
    public IngestedComment requireValid() {
        if (eventId == null || eventId.isBlank() || platform == null || threadId == null || text == null) {
            throw new IllegalArgumentException("comments.ingested record lacks eventId, platform, threadId or text");
        }
        return this;
    }
}
