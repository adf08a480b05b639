package io.earshot.reply.redis;

import static io.earshot.reply.redis.QueueKeys.OUTBOX;
import static io.earshot.reply.redis.QueueKeys.PUBLISH_ERRORS;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The publishing outbox: approved replies by due time, leased to one publisher at a time, and why the last attempt
 * of each failed. An approval adds its entry inside {@link ItemCommit}'s change, so none is lost between the two.
 */
@ApplicationScoped
public class OutboxStore {

    /** Leases due outbox entries: moves each to score now+lease and returns them. */
    private static final String LEASE = """
            local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
            for _, id in ipairs(due) do redis.call('ZADD', KEYS[1], ARGV[2], id) end
            return due
            """;

    private final RedisCommands<String, String> redis;

    @Inject
    public OutboxStore(RedisCommands<String, String> redis) {
        this.redis = redis;
    }

    /** Leases up to {@code max} outbox entries due by {@code now} for {@code lease}. */
    public List<String> leaseDue(Instant now, Duration lease, int max) {
        return redis.eval(LEASE, ScriptOutputType.MULTI, new String[] {OUTBOX}, Long.toString(now.toEpochMilli()),
                Long.toString(now.plus(lease).toEpochMilli()), Integer.toString(max));
    }

    /** Schedules (or reschedules) an outbox entry. */
    public void at(String id, Instant at) {
        redis.zadd(OUTBOX, at.toEpochMilli(), id);
    }

    public void remove(String id) {
        redis.zrem(OUTBOX, id);
    }

    public Double score(String id) {
        return redis.zscore(OUTBOX, id);
    }

    /** Remembers why the last publishing attempt did not succeed (shown on the item; no state change). */
    public void noteFailure(String id, String reason) {
        redis.hset(PUBLISH_ERRORS, id, reason);
    }

    public String lastFailure(String id) {
        return redis.hget(PUBLISH_ERRORS, id);
    }
}
