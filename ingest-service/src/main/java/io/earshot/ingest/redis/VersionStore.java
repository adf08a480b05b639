package io.earshot.ingest.redis;

import io.earshot.ingest.config.IngestConfig;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Gives each revision of a comment (an edit with a given text, a removal) its version number, the same number
 * however often that revision is delivered, so the dedup key platform + id + version publishes each revision once.
 *
 * <p>Version 1 is always the comment as first created; edits and the removal count up from 2 in the order they are
 * first seen. One Lua script, so two concurrent deliveries of one edit agree on its number.
 */
@ApplicationScoped
public class VersionStore {

    private static final String SCRIPT = """
            local v = redis.call('HGET', KEYS[1], ARGV[1])
            if v then return tonumber(v) end
            local n = redis.call('HINCRBY', KEYS[1], '#', 1)
            if n < 2 then n = redis.call('HINCRBY', KEYS[1], '#', 1) end
            redis.call('HSET', KEYS[1], ARGV[1], n)
            redis.call('EXPIRE', KEYS[1], ARGV[2])
            return n
            """;

    @Inject
    RedisCommands<String, String> redis;

    @Inject
    IngestConfig config;

    /**
     * The version of one revision.
     *
     * @param revision what distinguishes the revision: {@code removed}, or {@code edited:<hash of the text>}
     */
    public int versionOf(String platform, String externalId, String revision) {
        Long version = redis.eval(SCRIPT, ScriptOutputType.INTEGER,
                new String[] {"earshot:ingest:versions:" + platform + ":" + externalId},
                revision, Long.toString(config.dedupTtl().toSeconds()));
        return version.intValue();
    }
}
