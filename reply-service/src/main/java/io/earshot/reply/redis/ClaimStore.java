package io.earshot.reply.redis;

import io.lettuce.core.api.sync.RedisCommands;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Who holds the claim on an item, read-only: claims are taken and dropped only inside {@link ItemCommit}'s change. */
@ApplicationScoped
public class ClaimStore {

    private final RedisCommands<String, String> redis;

    @Inject
    public ClaimStore(RedisCommands<String, String> redis) {
        this.redis = redis;
    }

    /** Who holds the claim on an item now, or null. */
    public String holder(String id) {
        return redis.get(QueueKeys.lockKey(id));
    }

    /** Milliseconds left on the claim, or a negative number when there is none. */
    public long ttlMillis(String id) {
        Long ttl = redis.pttl(QueueKeys.lockKey(id));
        return ttl == null ? -2 : ttl;
    }
}
