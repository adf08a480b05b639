package io.earshot.ingest.redis;

import io.lettuce.core.api.sync.RedisCommands;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Where each poller stopped reading, and what it spent. A cursor is only written after Kafka acknowledged every
 * comment read up to it, so a crash between reading and publishing makes the next poll read again instead of
 * losing comments (the dedup store absorbs the repeats).
 */
@ApplicationScoped
public class CursorStore {

    /** YouTube's quota day starts at midnight Pacific time. */
    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

    @Inject
    RedisCommands<String, String> redis;

    public Optional<String> get(String platform, String account) {
        return Optional.ofNullable(redis.get(cursorKey(platform, account)));
    }

    public void advance(String platform, String account, String cursor) {
        redis.set(cursorKey(platform, account), cursor);
    }

    public void reset(String platform, String account) {
        redis.del(cursorKey(platform, account));
    }

    /**
     * Spends quota units of today's budget if that stays within the limit.
     *
     * @return whether the units were granted
     */
    public boolean spendQuota(String platform, int units, int dailyLimit) {
        String key = RedisKeys.QUOTA.key(platform, LocalDate.now(PACIFIC).toString());
        long used = redis.incrby(key, units);
        if (used == units) {
            redis.expire(key, 2 * 24 * 3600);
        }
        if (used > dailyLimit) {
            redis.decrby(key, units);
            return false;
        }
        return true;
    }

    /** Units spent today (Pacific time). */
    public long quotaUsed(String platform) {
        String value = redis.get(RedisKeys.QUOTA.key(platform, LocalDate.now(PACIFIC).toString()));
        return value == null ? 0 : Long.parseLong(value);
    }

    private static String cursorKey(String platform, String account) {
        return RedisKeys.CURSOR.key(platform, account);
    }
}
