package io.earshot.triage.insights;

import java.time.Duration;

/**
 * The detector's parameters (docs/insights.md). The window is {@code windowBuckets} buckets of {@code bucket}; a bucket
 * leaving the window joins the baseline, which decays with {@code baselineHalfLife}.
 *
 * @param bucket           the step of the sliding window
 * @param windowBuckets    buckets in the window (12 x 5 min = 1 h)
 * @param baselineHalfLife half-life of the decayed baseline counts
 * @param minCount         comments with a term in the window before it can be emerging
 * @param pValue           Poisson upper-tail probability under which a term is emerging
 * @param minBaselineDocs  decayed comments of a language in the baseline before any alarm (warm-up)
 * @param growthFactor     an issue is announced again when its comments have grown by this factor
 * @param minChars         words shorter than this (code points) are not terms
 * @param examples         example item ids per event
 * @param groupOverlap     share of the smaller comment set two terms must share to be one issue
 */
public record DetectorSettings(Duration bucket, int windowBuckets, Duration baselineHalfLife, int minCount,
                               double pValue, double minBaselineDocs, double growthFactor, int minChars, int examples,
                               double groupOverlap) {

    /** The documented defaults: 1 h window in 5-minute buckets against a baseline with a 12-hour half-life. */
    public static DetectorSettings defaults() {
        return new DetectorSettings(Duration.ofMinutes(5), 12, Duration.ofHours(12), 8, 1e-7, 100, 2.0, 3, 5, 0.5);
    }
}
