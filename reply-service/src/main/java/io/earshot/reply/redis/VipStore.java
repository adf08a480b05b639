package io.earshot.reply.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.reply.domain.Vip;
import io.lettuce.core.KeyValue;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The VIP authors, one hash by {@code <platform>:<author id>}; kept apart from the queue, so a rebuild keeps it. */
@ApplicationScoped
public class VipStore {

    static final String KEY = RedisKeys.VIPS.prefix();

    private final RedisCommands<String, String> redis;
    private final ObjectMapper mapper;

    public VipStore(RedisCommands<String, String> redis, ObjectMapper mapper) {
        this.redis = redis;
        this.mapper = mapper;
    }

    public Optional<Vip> find(String platform, String authorId) {
        return Optional.ofNullable(redis.hget(KEY, Vip.key(platform, authorId))).map(this::read);
    }

    public boolean isVip(String platform, String authorId) {
        return platform != null && authorId != null && redis.hexists(KEY, Vip.key(platform, authorId));
    }

    /** Which of the given {@code <platform>:<author id>} keys are VIPs, in one round trip. */
    public Set<String> vips(Collection<String> keys) {
        Set<String> found = new HashSet<>();
        if (keys.isEmpty()) {
            return found;
        }
        for (KeyValue<String, String> kv : redis.hmget(KEY, keys.toArray(String[]::new))) {
            if (kv.hasValue()) {
                found.add(kv.getKey());
            }
        }
        return found;
    }

    public List<Vip> all() {
        return redis.hvals(KEY).stream().map(this::read)
                .sorted(Comparator.comparing(Vip::platform).thenComparing(Vip::authorId)).toList();
    }

    public void put(Vip vip) {
        try {
            redis.hset(KEY, vip.key(), mapper.writeValueAsString(vip));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean delete(String platform, String authorId) {
        return redis.hdel(KEY, Vip.key(platform, authorId)) > 0;
    }

    private Vip read(String json) {
        try {
            return mapper.readValue(json, Vip.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
