package io.earshot.triage.redis;

import io.earshot.commons.redis.KeyFamily;

/**
 * Every Redis key family triage-service uses: its prefix, the shape of the rest, how long it lives and whether a
 * rebuild wipes it (triage keeps no view that is rebuilt, so none is). {@code RedisKeysDocTest} checks that
 * docs/redis-keys.md lists every family; the ACL in deploy/k8s gives triage {@code earshot:triage:*}.
 */
public enum RedisKeys implements KeyFamily {

    REPEAT("earshot:triage:repeat:", "<64-bit FNV-1a of the normalised text, 16 hex>:<bucket>", "the bucket's end plus earshot.triage.repeat-window", false,
            "the event ids that posted one normalised text within the repetition window (a set)"),

    INSIGHTS_ALARM("earshot:triage:insights:alarm:", "<issue id>:<version>", "earshot.triage.insights.claim-ttl", false,
            "a replica's claim to send one version of an emerging-issue alarm (SET NX)");

    private final Spec spec;

    RedisKeys(String prefix, String rest, String ttl, boolean wipedByRebuild, String purpose) {
        this.spec = new Spec(prefix, rest, ttl, wipedByRebuild, purpose);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
