package io.earshot.reply.redis;

import io.lettuce.core.api.sync.RedisCommands;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.TreeMap;

/**
 * Templates an admin wrote or changed through the API, by key {@code lang:kind} or {@code lang:kind:topic}; they take
 * precedence over the built-in files. Kept apart from the queue, so a rebuild of the queue keeps them.
 */
@ApplicationScoped
public class TemplateStore {

    static final String KEY = RedisKeys.TEMPLATES.prefix();

    @Inject
    RedisCommands<String, String> redis;

    public String get(String key) {
        return redis.hget(KEY, key);
    }

    public Map<String, String> all() {
        return new TreeMap<>(redis.hgetall(KEY));
    }

    public void put(String key, String text) {
        redis.hset(KEY, key, text);
    }

    public boolean delete(String key) {
        return redis.hdel(KEY, key) > 0;
    }
}
