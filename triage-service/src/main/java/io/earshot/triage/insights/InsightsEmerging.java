package io.earshot.triage.insights;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The {@code insights.emerging} event (docs/events/insights.emerging.schema.json). */
public record InsightsEmerging(
        String eventId,
        String issueId,
        int version,
        String status,
        List<Emerging.TermStat> terms,
        int count,
        List<String> languages,
        Map<String, Integer> platforms,
        List<String> exampleItemIds,
        Window window,
        Instant detectedAt) {

    /** The sliding window the counts are from. */
    public record Window(Instant start, Instant end) {
    }

    static InsightsEmerging of(Emerging e, Instant now) {
        String eventId = java.util.UUID.nameUUIDFromBytes(("emerging|" + e.issueId() + "|" + e.version())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        return new InsightsEmerging(eventId, e.issueId(), e.version(), e.version() == 1 ? "new" : "growing",
                e.terms(), e.count(), List.of(e.lang()), e.platforms(), e.exampleItemIds(),
                new Window(e.windowStart(), e.windowEnd()), now);
    }
}
