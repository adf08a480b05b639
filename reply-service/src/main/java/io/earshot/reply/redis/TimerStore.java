package io.earshot.reply.redis;

import static io.earshot.reply.redis.QueueKeys.PENDING_EVENTS;
import static io.earshot.reply.redis.QueueKeys.SLA;
import static io.earshot.reply.redis.QueueKeys.TIMERS;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.ScriptOutputType;
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

    /** KEYS: sla, pending events. ARGV: item id, event id, parked value. Parks the event only for the taker. */
    private static final String TAKE_AND_PARK = """
            if redis.call('ZREM', KEYS[1], ARGV[1]) == 0 then return 0 end
            redis.call('HSET', KEYS[2], ARGV[2], ARGV[3])
            return 1
            """;

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

    /**
     * Takes a due deadline off the watch and, in the same atomic step, parks its breach event for Kafka
     * ({@link ParkedEvents}): true for the one caller (of any replica) that took it, and a crash after the take does
     * not lose the event, since the relay sends what is parked.
     */
    public boolean slaTakeAndPark(String id, String eventId, String eventJson) {
        Long taken = redis.eval(TAKE_AND_PARK, ScriptOutputType.INTEGER, new String[] {SLA, PENDING_EVENTS}, id, eventId,
                System.currentTimeMillis() + "|" + eventJson);
        return taken != null && taken == 1L;
    }
}
