package io.earshot.reply.support;

import io.earshot.reply.redis.RedisKeys;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * What a lost Redis looks like to reply-service: every family {@link RedisKeys} marks as wiped by a rebuild is gone
 * (the rebuild itself wipes inside its swap script, {@code RebuildStaging#swap()}). For tests of recovery.
 */
public final class LostRedis {

    private LostRedis() {
    }

    /** Deletes the queue view; returns how many keys went. */
    public static long wipe(RedisCommands<String, String> redis) {
        long deleted = 0;
        for (RedisKeys family : RedisKeys.values()) {
            if (!family.wipedByRebuild()) {
                continue;
            }
            ScanArgs match = ScanArgs.Builder.matches(family.scanPattern()).limit(500);
            KeyScanCursor<String> cursor = redis.scan(match);
            while (true) {
                if (!cursor.getKeys().isEmpty()) {
                    deleted += redis.del(cursor.getKeys().toArray(String[]::new));
                }
                if (cursor.isFinished()) {
                    break;
                }
                cursor = redis.scan(cursor, match);
            }
        }
        return deleted;
    }
}
