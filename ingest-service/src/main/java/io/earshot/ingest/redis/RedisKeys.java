package io.earshot.ingest.redis;

import io.earshot.commons.redis.KeyFamily;
import io.earshot.commons.oauth.RedisTokenStore;

/**
 * Every Redis key family ingest-service (and the ingest-poller) uses: its prefix, the shape of the rest, how long it
 * lives and whether a rebuild wipes it (ingest keeps no rebuilt view, so none is). Stores build keys through
 * {@link #key}; {@code RedisKeysDocTest} checks that docs/redis-keys.md lists every family; the ACL in deploy/k8s
 * gives ingest {@code earshot:ingest:*} and {@code earshot:oauth:*}.
 */
public enum RedisKeys implements KeyFamily {

    SEEN("earshot:ingest:seen:", "<platform>:<id>:v<version>", "pending 3x earshot.ingest.publish-timeout, "
            + "published earshot.ingest.dedup-ttl", false, "dedup mark of one comment version (pending, then published)"),
    VERSIONS("earshot:ingest:versions:", "<platform>:<id>", "earshot.ingest.version-ttl", false,
            "the version each revision of a comment was given (a hash)"),
    CURSOR("earshot:ingest:cursor:", "<platform>:<account>[:search]", "until replaced", false,
            "where a poller stopped reading, moved after Kafka acknowledged"),
    QUOTA("earshot:ingest:quota:", "<platform>:<Pacific date>", "2 days", false, "quota units spent that day"),
    OAUTH(RedisTokenStore.PREFIX, "<platform>:<hash>", "30 days", false, "renewed OAuth tokens, shared with reply");

    private final Spec spec;

    RedisKeys(String prefix, String rest, String ttl, boolean wipedByRebuild, String purpose) {
        this.spec = new Spec(prefix, rest, ttl, wipedByRebuild, purpose);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
