package io.earshot.reply.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An {@code insights.emerging} event as reply-service reads it (docs/events/insights.emerging.schema.json): terms,
 * counts, languages, platforms and item ids, never comment text. Its own record rather than triage's class, so the
 * services share only the schema; {@code EmergingConsumerTest} proves it against that schema.
 */
public record EmergingIssue(
        String eventId,
        String issueId,
        int version,
        String status,
        List<Term> terms,
        int count,
        List<String> languages,
        Map<String, Integer> platforms,
        List<String> exampleItemIds,
        Window window,
        Instant detectedAt) {

    public EmergingIssue {
        platforms = platforms == null ? Map.of() : platforms;
        exampleItemIds = exampleItemIds == null ? List.of() : exampleItemIds;
    }

    /** One emerging term (a folded word or 2-word phrase) with its window count against the baseline's. */
    public record Term(String term, int count, double expected, double pValue) {
    }

    /** The detector's sliding window the counts are from. */
    public record Window(Instant start, Instant end) {
    }

    /** The most frequent term: what the panel's link searches the queue for. */
    public String topTerm() {
        return terms.get(0).term();
    }

    /** Checks what the panel and the store rely on; a record failing it goes to the dead-letter topic. */
    public EmergingIssue requireValid() {
        if (eventId == null || eventId.isBlank() || issueId == null || issueId.isBlank() || version < 1
                || !("new".equals(status) || "growing".equals(status)) || terms == null || terms.isEmpty()
                || terms.stream().anyMatch(t -> t == null || t.term() == null || t.term().isBlank())
                || count < 1 || languages == null || languages.isEmpty() || window == null || window.start() == null
                || window.end() == null || detectedAt == null) {
            throw new IllegalArgumentException("insights.emerging record lacks eventId, issueId, version, status, "
                    + "terms, count, languages, window or detectedAt");
        }
        return this;
    }
}
