package io.earshot.triage.insights;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One alarm of the detector: an issue (comments sharing terms that rise far above their baseline) when it is first
 * found ({@code version} 1) and each time it has grown by the configured factor since the last alarm.
 */
public record Emerging(
        String issueId,
        int version,
        String lang,
        List<TermStat> terms,
        int count,
        Map<String, Integer> platforms,
        List<String> exampleItemIds,
        Instant windowStart,
        Instant windowEnd) {

    /** A term of the issue: comments with it in the window, the count the baseline expects, the Poisson tail. */
    public record TermStat(String term, int count, double expected, double pValue) {
    }
}
