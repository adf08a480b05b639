package io.earshot.reply.redis;

import static io.earshot.reply.redis.QueueKeys.SLA;
import static io.earshot.reply.redis.QueueKeys.TIMERS;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/**
 * What the sweeps act on when it is due: claim expiries and snooze ends ({@code claim:<id>}, {@code snooze:<id>}),
 * and reply deadlines still to be checked (SlaWatch). Sorted sets by due time in millis.
 */
@ApplicationScoped
public class TimerStore {

    private final RedisCommands<String, String> redis;

    @Inject
    public TimerStore(RedisCommands<String, String> redis) {
        this.redis = redis;
    }

    /** Sets (or moves) a timer; the sweep looks at it when it is due. */
    public void at(String member, Instant at) {
        redis.zadd(TIMERS, at.toEpochMilli(), member);
    }

    /** Timers due by {@code now}, at most {@code max}. */
    public List<String> due(Instant now, int max) {
        return redis.zrangebyscore(TIMERS, Range.create(0, (double) now.toEpochMilli()), Limit.create(0, max));
    }

    public void done(String member) {
        redis.zrem(TIMERS, member);
    }

    /** Ids whose reply deadline is at or before {@code now}, oldest first. */
    public List<String> slaDue(Instant now, int limit) {
        return redis.zrangebyscore(SLA, Range.create(0, now.toEpochMilli()), Limit.create(0, limit));
    }

    /** Takes a due deadline off the watch; true for the one caller (of any replica) that took it. */
    public boolean slaTake(String id) {
        Long removed = redis.zrem(SLA, id);
        return removed != null && removed == 1L;
    }
}
