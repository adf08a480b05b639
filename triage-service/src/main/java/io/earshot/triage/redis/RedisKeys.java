package io.earshot.triage.redis;

/**
 * Every Redis key family triage-service uses: its prefix, the shape of the rest, how long it lives and whether a
 * rebuild wipes it (triage keeps no view that is rebuilt, so none is). {@code RedisKeysDocTest} checks that
 * docs/redis-keys.md lists every family; the ACL in deploy/k8s gives triage {@code earshot:triage:*}.
 */
public enum RedisKeys {

    REPEAT("earshot:triage:repeat:", "<64-bit FNV-1a of the normalised text, 16 hex>:<bucket>", "the bucket's end plus earshot.triage.repeat-window", false,
            "the event ids that posted one normalised text within the repetition window (a set)"),

    INSIGHTS_ALARM("earshot:triage:insights:alarm:", "<issue id>:<version>", "earshot.triage.insights.claim-ttl", false,
            "a replica's claim to send one version of an emerging-issue alarm (SET NX)");

    private final String prefix;
    private final String rest;
    private final String ttl;
    private final boolean wipedByRebuild;
    private final String purpose;

    RedisKeys(String prefix, String rest, String ttl, boolean wipedByRebuild, String purpose) {
        this.prefix = prefix;
        this.rest = rest;
        this.ttl = ttl;
        this.wipedByRebuild = wipedByRebuild;
        this.purpose = purpose;
    }

    /** The fixed start of every key of the family. */
    public String prefix() {
        return prefix;
    }

    /** The key pattern as the docs show it. */
    public String pattern() {
        return prefix + rest;
    }

    /** How long a key lives (a duration, or the config property that sets it). */
    public String ttl() {
        return ttl;
    }

    public boolean wipedByRebuild() {
        return wipedByRebuild;
    }

    public String purpose() {
        return purpose;
    }

    /** The key of one member of the family: the prefix then the parts joined by {@code :}. */
    public String key(String... parts) {
        return prefix + String.join(":", parts);
    }
}
