package io.earshot.reply.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** How the human queue works: SLAs, claims, the reply lint, suggestions, moderation policy. */
@ConfigMapping(prefix = "earshot.reply.workflow")
public interface WorkflowConfig {

    /** Time to answer per label, as {@code label=ISO-8601 duration} pairs separated by commas. */
    @WithDefault("complaint=PT1H,question=PT4H,neutral=PT24H,praise=PT24H")
    String sla();

    /** {@link #sla()} as a map. */
    default Map<String, Duration> slaByLabel() {
        return pairs(sla(), Duration::parse);
    }

    /** Time to answer an item at or above {@link #urgentPriority()}, when shorter than its label's. */
    @WithDefault("PT30M")
    Duration urgentSla();

    /** Priority from which an item counts as urgent. */
    @WithDefault("80")
    int urgentPriority();

    /** How long a claim lasts without renewal; claiming again renews it. */
    @WithDefault("PT5M")
    Duration claimTtl();

    /**
     * The longest an item may be snoozed: a snooze further ahead is refused (problem+json), so every snoozed item
     * comes back to the queue within this time rather than waiting unseen for years.
     */
    @WithDefault("P30D")
    Duration maxSnooze();

    /** Reply length limits per platform in characters, {@code platform=n} pairs (Mastodon: as the instance says). */
    @WithDefault("x=280,mastodon=500,threads=500,instagram=2200,facebook=8000,youtube=10000,generic=10000,google=4096,reddit=10000")
    String lengthLimits();

    /** {@link #lengthLimits()} as a map. */
    default Map<String, Integer> lengthLimitByPlatform() {
        return pairs(lengthLimits(), Integer::valueOf);
    }

    private static <T> Map<String, T> pairs(String spec, java.util.function.Function<String, T> parse) {
        Map<String, T> map = new java.util.HashMap<>();
        for (String pair : spec.split(",")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2 && !kv[0].isBlank()) {
                map.put(kv[0].strip(), parse.apply(kv[1].strip()));
            }
        }
        return Map.copyOf(map);
    }

    /** Limit for a platform not listed in {@link #lengthLimits()}. */
    @WithDefault("2000")
    int defaultLengthLimit();

    /** Hosts (and their subdomains) replies may link to or name: the business's own domains. */
    Optional<List<String>> allowedLinkHosts();

    /** The business's own accounts ({@code @handle}), the only ones a reply may mention without a lint finding. */
    Optional<List<String>> ownHandles();

    /** The business's own phone numbers, the only ones a reply may give without a lint finding. */
    Optional<List<String>> ownPhones();

    /** Approved replies kept per language to suggest from. */
    @WithDefault("2000")
    int learnedRepliesPerLanguage();

    /** Least text similarity (0..1) for an approved reply to be suggested. */
    @WithDefault("0.2")
    double suggestionMinSimilarity();

    /** Auto-hide comments triage flags as spam with a spam score at or above this; off when absent. */
    OptionalDouble autoHideSpamAbove();

    /** Priority points a VIP author's new comment gets on top of triage's (the sum is capped at 100). */
    @WithDefault("30")
    int vipBoost();

    /** Rebuild the queue from Kafka at start-up when Redis holds no queue. */
    @WithDefault("true")
    boolean rebuildWhenEmpty();
}
