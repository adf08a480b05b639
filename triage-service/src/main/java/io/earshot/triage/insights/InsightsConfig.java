package io.earshot.triage.insights;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The emerging-issue detector's parameters (docs/insights.md explains each choice). */
@ConfigMapping(prefix = "earshot.insights")
public interface InsightsConfig {

    /** Step of the sliding window: the window moves, and issues can be announced, once per bucket. */
    @WithDefault("5m")
    Duration bucket();

    /** Buckets in the window: 12 x 5 min is the 1-hour window a burst must stand out in. */
    @WithDefault("12")
    int windowBuckets();

    /** Half-life of the baseline counts: comments that left the window weigh half as much after this. */
    @WithDefault("12h")
    Duration baselineHalfLife();

    /** Comments with a term in the window before it can be emerging: "twenty people", not two. */
    @WithDefault("8")
    int minCount();

    /** Poisson upper-tail probability under which a term is emerging; small because thousands of terms are tested. */
    @WithDefault("1e-7")
    double pValue();

    /** Decayed comments of a language in the baseline before it raises anything: no alarms from a cold start. */
    @WithDefault("100")
    double minBaselineDocs();

    /** An issue is announced again (a new version of the event) when it has grown by this factor. */
    @WithDefault("2.0")
    double growthFactor();

    /** Words shorter than this many code points are no terms (articles, particles). */
    @WithDefault("3")
    int minChars();

    /** Example item ids per event. */
    @WithDefault("5")
    int examples();

    /** Share of the smaller comment set two emerging terms must share to be one issue. */
    @WithDefault("0.5")
    double groupOverlap();

    /** How long a claimed alarm is remembered in Redis, so another replica does not send it again. */
    @WithDefault("48h")
    Duration claimTtl();

    /** The detector's settings from this configuration. */
    default DetectorSettings settings() {
        return new DetectorSettings(bucket(), windowBuckets(), baselineHalfLife(), minCount(), pValue(),
                minBaselineDocs(), growthFactor(), minChars(), examples(), groupOverlap());
    }
}
