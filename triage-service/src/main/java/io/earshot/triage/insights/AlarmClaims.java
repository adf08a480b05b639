package io.earshot.triage.insights;

import io.earshot.triage.redis.RedisKeys;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Makes "one event per issue version" hold across replicas and restarts: before sending, a replica claims
 * {@code earshot:triage:insights:alarm:<issue id>:<version>} with SET NX; only the winner sends. Issue ids are derived
 * from language, anchor term and bucket, so replicas that saw the same comments name the same issue. A failed send
 * releases the claim, so the alarm is not lost.
 */
@ApplicationScoped
public class AlarmClaims {

    static final String PREFIX = RedisKeys.INSIGHTS_ALARM.prefix();

    private final RedisCommands<String, String> redis;
    private final InsightsConfig config;

    public AlarmClaims(RedisCommands<String, String> redis, InsightsConfig config) {
        this.redis = redis;
        this.config = config;
    }

    /** True when this replica is the first to claim the alarm and must send it. */
    public boolean claim(String issueId, int version) {
        return "OK".equals(redis.set(key(issueId, version), "1",
                SetArgs.Builder.nx().ex(config.claimTtl().toSeconds())));
    }

    /** Gives the claim back after a failed send, so a redelivery (or another replica) sends it. */
    public void release(String issueId, int version) {
        redis.del(key(issueId, version));
    }

    static String key(String issueId, int version) {
        return PREFIX + issueId + ":" + version;
    }
}
