package io.earshot.reply.support;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** insights.emerging events as triage-service publishes them (its InsightsEmerging), for the tests. */
public final class Emerging {

    private Emerging() {
    }

    /** Version {@code version} of issue {@code issueId}: terms {@code term} and "{@code term} tarde", {@code count} comments. */
    public static String event(String issueId, int version, String term, String lang, int count, Instant detectedAt) {
        return """
                {"eventId":"%s","issueId":"%s","version":%d,"status":"%s",
                 "terms":[{"term":"%s","count":%d,"expected":0.42,"pValue":1.2E-9},{"term":"%s tarde","count":%d,"expected":0.1,"pValue":3.0E-8}],
                 "count":%d,"languages":["%s"],"platforms":{"facebook":%d},"exampleItemIds":["c-1","c-2"],
                 "window":{"start":"%s","end":"%s"},"detectedAt":"%s"}"""
                .formatted(UUID.randomUUID(), issueId, version, version == 1 ? "new" : "growing", term, count, term,
                        count - 1, count, lang, count, detectedAt.minus(Duration.ofHours(1)), detectedAt, detectedAt);
    }
}
