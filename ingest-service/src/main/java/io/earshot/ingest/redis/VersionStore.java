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
 * <p>The number is the revision's time ({@code Versions.fromTime}), so it never depends on what Redis remembers: a
 * revision a week or a year later, or after Redis was flushed, still gets a larger number than every earlier one.
 * Redis only keeps a revision on the number it got the first time (a redelivery after a retry) and moves a revision
 * whose second is already taken by another revision of the same comment to the next free number. One Lua script, so
 * two concurrent deliveries of one revision agree on its number. Losing the hash is safe: a revision whose platform
 * gives its time gets the same number again.
 */
@ApplicationScoped
public class VersionStore {

    private static final String SCRIPT = """
            local v = redis.call('HGET', KEYS[1], ARGV[1])
            if v then return tonumber(v) end
            local n = tonumber(ARGV[3])
            while redis.call('HEXISTS', KEYS[1], 'v:' .. n) == 1 do n = n + 1 end
            redis.call('HSET', KEYS[1], ARGV[1], n, 'v:' .. n, ARGV[1])
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
     * @param timeVersion the number the revision's time gives ({@code Versions.fromTime})
     */
    public int versionOf(String platform, String externalId, String revision, int timeVersion) {
        Long version = redis.eval(SCRIPT, ScriptOutputType.INTEGER,
                new String[] {RedisKeys.VERSIONS.key(platform, externalId)},
                revision, Long.toString(config.versionTtl().toSeconds()), Integer.toString(timeVersion));
        return version.intValue();
    }
}
