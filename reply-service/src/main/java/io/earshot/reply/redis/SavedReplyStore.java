package io.earshot.reply.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.reply.domain.SavedReply;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Saved replies, one hash per owner ({@link RedisKeys#SAVED_REPLIES}) and an index from id to owner
 * ({@link RedisKeys#SAVED_REPLY_OWNERS}), changed together by Lua scripts so that a version check and the write are
 * one step and the index never names a reply that is gone. Not part of the queue: a rebuild keeps them.
 */
@ApplicationScoped
public class SavedReplyStore {

    /** KEYS: owner hash, index. ARGV: id, json, owner, most replies per owner. 1 = created, 0 = the owner is full. */
    private static final String CREATE = """
            if redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[4]) then return 0 end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
            return 1
            """;

    /** KEYS: owner hash, index. ARGV: id, expected version or '*', new JSON or '' to delete. */
    private static final String CHANGE = """
            local current = redis.call('HGET', KEYS[1], ARGV[1])
            if not current then return 'missing' end
            local version = tostring(cjson.decode(current)['version'])
            if ARGV[2] ~= '*' and version ~= ARGV[2] then return 'stale:' .. version end
            if ARGV[3] == '' then
              redis.call('HDEL', KEYS[1], ARGV[1])
              redis.call('HDEL', KEYS[2], ARGV[1])
            else
              redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
            end
            return 'ok'
            """;

    static final String OWNERS = RedisKeys.SAVED_REPLY_OWNERS.prefix();

    /** What a change came to: done, no such reply, or edited from another version than the stored one. */
    public record Outcome(boolean done, boolean missing, Long currentVersion) {
    }

    private final RedisCommands<String, String> redis;
    private final ObjectMapper mapper;

    public SavedReplyStore(RedisCommands<String, String> redis, ObjectMapper mapper) {
        this.redis = redis;
        this.mapper = mapper;
    }

    public Optional<SavedReply> find(String id) {
        String owner = redis.hget(OWNERS, id);
        if (owner == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(redis.hget(RedisKeys.SAVED_REPLIES.key(owner), id)).map(this::read);
    }

    /** Every saved reply of the given owners. */
    public List<SavedReply> of(Collection<String> owners) {
        List<SavedReply> all = new ArrayList<>();
        for (String owner : owners) {
            redis.hvals(RedisKeys.SAVED_REPLIES.key(owner)).forEach(json -> all.add(read(json)));
        }
        return all;
    }

    /** Stores a new reply; false when its owner already has {@code max} replies. */
    public boolean create(SavedReply reply, int max) {
        Long created = redis.eval(CREATE, ScriptOutputType.INTEGER,
                new String[] {RedisKeys.SAVED_REPLIES.key(reply.owner()), OWNERS},
                reply.id(), write(reply), reply.owner(), Integer.toString(max));
        return created != null && created == 1L;
    }

    /** Replaces a reply edited from {@code expectedVersion}. */
    public Outcome update(SavedReply after, long expectedVersion) {
        return change(after.owner(), after.id(), Long.toString(expectedVersion), write(after));
    }

    /** Deletes a reply; {@code expectedVersion} null deletes whatever version is stored. */
    public Outcome delete(SavedReply reply, Long expectedVersion) {
        return change(reply.owner(), reply.id(), expectedVersion == null ? "*" : expectedVersion.toString(), "");
    }

    private Outcome change(String owner, String id, String expected, String json) {
        String result = redis.eval(CHANGE, ScriptOutputType.STATUS,
                new String[] {RedisKeys.SAVED_REPLIES.key(owner), OWNERS}, id, expected, json);
        if ("ok".equals(result)) {
            return new Outcome(true, false, null);
        }
        if ("missing".equals(result)) {
            return new Outcome(false, true, null);
        }
        return new Outcome(false, false, Long.valueOf(result.substring("stale:".length())));
    }

    private SavedReply read(String json) {
        try {
            return mapper.readValue(json, SavedReply.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String write(SavedReply reply) {
        try {
            return mapper.writeValueAsString(reply);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
