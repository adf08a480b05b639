package io.earshot.reply.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.reply.config.EmergingConfig;
import io.earshot.reply.messaging.EmergingIssue;
import io.lettuce.core.KeyValue;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The emerging issues the queue page shows: the latest version of each {@code insights.emerging} event by issue
 * id, when it was first seen, and the issues by their latest detection. A version not newer than the stored one
 * changes nothing (one script, so a redelivery or two instances writing the same record are safe). Issues age out
 * after {@code keep} and beyond {@code max-issues}. Not a view of the queue's topics, so a rebuild keeps it.
 */
@ApplicationScoped
public class EmergingStore {

    static final String ISSUES = RedisKeys.EMERGING.key("issues");
    static final String SINCE = RedisKeys.EMERGING.key("since");
    static final String RECENT = RedisKeys.EMERGING.key("recent");

    /** KEYS issues, since, recent; ARGV id, version, json, detected ms, cutoff ms, cap. 1 when stored and kept. */
    private static final String PUT = """
            local old = redis.call('HGET', KEYS[1], ARGV[1])
            if old then
              local ok, o = pcall(cjson.decode, old)
              if ok and type(o) == 'table' and tonumber(o.version) and tonumber(o.version) >= tonumber(ARGV[2]) then
                return 0
              end
            end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
            redis.call('HSETNX', KEYS[2], ARGV[1], ARGV[4])
            redis.call('ZADD', KEYS[3], ARGV[4], ARGV[1])
            local function drop(ids)
              for _, id in ipairs(ids) do
                redis.call('HDEL', KEYS[1], id)
                redis.call('HDEL', KEYS[2], id)
                redis.call('ZREM', KEYS[3], id)
              end
            end
            drop(redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', '(' .. ARGV[5]))
            local over = redis.call('ZCARD', KEYS[3]) - tonumber(ARGV[6])
            if over > 0 then drop(redis.call('ZRANGE', KEYS[3], 0, over - 1)) end
            if redis.call('ZSCORE', KEYS[3], ARGV[1]) then return 1 end
            return 0
            """;

    /** One stored issue: its latest event and when reply-service first saw it detected. */
    public record Stored(EmergingIssue issue, Instant since) {
    }

    private final RedisCommands<String, String> redis;
    private final ObjectMapper mapper;
    private final EmergingConfig config;

    public EmergingStore(RedisCommands<String, String> redis, ObjectMapper mapper, EmergingConfig config) {
        this.redis = redis;
        this.mapper = mapper;
        this.config = config;
    }

    /** Stores {@code issue} unless a version as new is there; true when it was stored and is still kept. */
    public boolean put(EmergingIssue issue, Instant now) {
        String json;
        try {
            json = mapper.writeValueAsString(issue);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        Long stored = redis.eval(PUT, ScriptOutputType.INTEGER, new String[] {ISSUES, SINCE, RECENT}, issue.issueId(),
                Integer.toString(issue.version()), json, Long.toString(issue.detectedAt().toEpochMilli()),
                Long.toString(now.minus(config.keep()).toEpochMilli()), Integer.toString(config.maxIssues()));
        return stored != null && stored == 1L;
    }

    public Optional<Stored> find(String issueId) {
        String json = redis.hget(ISSUES, issueId);
        if (json == null) {
            return Optional.empty();
        }
        return Optional.of(new Stored(read(json), since(redis.hget(SINCE, issueId))));
    }

    /** Up to {@code max} issues, the latest detection first. */
    public List<Stored> recent(int max) {
        List<String> ids = redis.zrevrange(RECENT, 0, max - 1L);
        List<Stored> found = new ArrayList<>(ids.size());
        if (ids.isEmpty()) {
            return found;
        }
        String[] fields = ids.toArray(String[]::new);
        List<KeyValue<String, String>> issues = redis.hmget(ISSUES, fields);
        List<KeyValue<String, String>> since = redis.hmget(SINCE, fields);
        for (int i = 0; i < issues.size(); i++) {
            if (issues.get(i).hasValue()) {
                found.add(new Stored(read(issues.get(i).getValue()), since(since.get(i).getValueOrElse(null))));
            }
        }
        return found;
    }

    private Instant since(String millis) {
        return millis == null ? null : Instant.ofEpochMilli(Long.parseLong(millis));
    }

    private EmergingIssue read(String json) {
        try {
            return mapper.readValue(json, EmergingIssue.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
