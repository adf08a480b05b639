package io.earshot.reply.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.reply.domain.HoursSpec;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Business hours an admin edited, over the configured ones: one hash field per {@code default} or
 * {@code platform:account}, the hours as JSON. Every replica reads it (see {@code SlaPolicy}), so an edit reaches them
 * all; deleting a field goes back to the configuration.
 */
@ApplicationScoped
public class HoursStore {

    private static final Logger LOG = Logger.getLogger(HoursStore.class);
    static final String KEY = RedisKeys.BUSINESS_HOURS.prefix();

    private final RedisCommands<String, String> redis;
    private final ObjectMapper mapper;

    public HoursStore(RedisCommands<String, String> redis, ObjectMapper mapper) {
        this.redis = redis;
        this.mapper = mapper;
    }

    /** Every edited set of hours by key; an entry that no longer reads is skipped (and logged), not fatal. */
    public Map<String, HoursSpec> all() {
        Map<String, HoursSpec> edited = new TreeMap<>();
        redis.hgetall(KEY).forEach((key, json) -> {
            try {
                edited.put(key, mapper.readValue(json, HoursSpec.class));
            } catch (JsonProcessingException e) {
                LOG.warnf("edited business hours of %s unreadable, the configured ones apply: %s", key, e.getOriginalMessage());
            }
        });
        return edited;
    }

    public void put(String key, HoursSpec hours) {
        try {
            redis.hset(KEY, key, mapper.writeValueAsString(hours));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when there were edited hours to remove. */
    public boolean remove(String key) {
        return redis.hdel(KEY, key) > 0;
    }
}
