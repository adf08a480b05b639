package io.earshot.reply.redis;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Notification mails held for a recipient's quiet hours: a sorted set of JSON members scored by when they may be sent.
 * A replica takes a due one with ZREM before sending it, so across replicas each held mail is sent once.
 */
@ApplicationScoped
public class HeldMails {

    private static final String KEY = RedisKeys.NOTIFY_HELD.prefix();

    private final RedisCommands<String, String> redis;

    public HeldMails(RedisCommands<String, String> redis) {
        this.redis = redis;
    }

    /** Holds a mail (its JSON, unique per mail) until {@code until}. */
    public void hold(String json, Instant until) {
        redis.zadd(KEY, (double) until.toEpochMilli(), json);
    }

    /** Held mails that may be sent by {@code now}, oldest first, at most {@code limit}. */
    public List<String> due(Instant now, int limit) {
        return redis.zrangebyscore(KEY, Range.create(0, (double) now.toEpochMilli()), Limit.create(0, limit));
    }

    /** Takes a held mail off the set; true for the one caller (of any replica) that took it. */
    public boolean take(String json) {
        Long removed = redis.zrem(KEY, json);
        return removed != null && removed == 1L;
    }

    /** How many mails are held. */
    public long size() {
        return redis.zcard(KEY);
    }
}
