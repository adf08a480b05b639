package io.earshot.reply.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One comment waiting for a human: what was said, triage's verdict, the drafted reply and where it stands.
 *
 * @param version incremented on every change, so a stale edit can be refused
 */
public record QueueItem(
        String id,
        String commentId,
        String platform,
        String threadKey,
        String threadId,
        String externalId,
        String parentId,
        Author author,
        String text,
        String permalink,
        Instant commentCreatedAt,
        String lang,
        String label,
        double confidence,
        Map<String, Double> scores,
        List<String> flags,
        int priority,
        List<String> explanation,
        Draft draft,
        State state,
        long version,
        Instant queuedAt,
        Instant updatedAt) {

    /** Where an item stands. */
    public enum State {
        pending, claimed, approved, publishing, published, failed, rejected, escalated, snoozed, retracted
    }

    public record Author(String id, String handle, String displayName) {
    }

    /** A proposed reply and what produced it. */
    public record Draft(String text, String lang, String source) {
    }
}
