package io.earshot.ingest.redis;

import io.earshot.commons.oauth.RedisTokenStore;

/**
 * Every Redis key family ingest-service (and the ingest-poller) uses: its prefix, the shape of the rest, how long it
 * lives and whether a rebuild wipes it (ingest keeps no rebuilt view, so none is). Stores build keys through
 * {@link #key}; {@code RedisKeysDocTest} checks that docs/redis-keys.md lists every family; the ACL in deploy/k8s
 * gives ingest {@code earshot:ingest:*} and {@code earshot:oauth:*}.
 */
public enum RedisKeys {

    SEEN("earshot:ingest:seen:", "<platform>:<id>:v<version>", "pending 3x earshot.ingest.publish-timeout, "
            + "published earshot.ingest.dedup-ttl", false, "dedup mark of one comment version (pending, then published)"),
    VERSIONS("earshot:ingest:versions:", "<platform>:<id>", "earshot.ingest.version-ttl", false,
            "the version each revision of a comment was given (a hash)"),
    CURSOR("earshot:ingest:cursor:", "<platform>:<account>[:search]", "until replaced", false,
            "where a poller stopped reading, moved after Kafka acknowledged"),
    QUOTA("earshot:ingest:quota:", "<platform>:<Pacific date>", "2 days", false, "quota units spent that day"),
    OAUTH(RedisTokenStore.PREFIX, "<platform>:<hash>", "30 days", false, "renewed OAuth tokens, shared with reply");

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
