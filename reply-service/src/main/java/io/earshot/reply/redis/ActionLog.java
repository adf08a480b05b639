package io.earshot.reply.redis;

import io.lettuce.core.api.sync.RedisCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The newest staff and system actions (template edits, rebuilds, settings, reveals, translations) as JSON, newest
 * first, capped: what the audit API shows without reading Kafka. A rebuild keeps it (it is no view of a topic).
 */
@ApplicationScoped
public class ActionLog {

    /** How many actions the log keeps; older ones remain on the {@code audit} topic. */
    public static final int CAPACITY = 10_000;

    private static final String KEY = RedisKeys.ACTIONS.prefix();

    private final RedisCommands<String, String> redis;

    public ActionLog(RedisCommands<String, String> redis) {
        this.redis = redis;
    }

    public void append(String json) {
        redis.lpush(KEY, json);
        redis.ltrim(KEY, 0, CAPACITY - 1);
    }

    /** Up to {@code limit} actions, newest first, skipping the {@code offset} newest. */
    public List<String> page(int offset, int limit) {
        return redis.lrange(KEY, offset, offset + limit - 1L);
    }
}
