package io.earshot.triage.redis;

import io.earshot.triage.config.TriageConfig;
import io.earshot.triage.domain.model.Text;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Counts how many distinct comments posted the same (normalised) text within the repetition window, in Redis so
 * every replica sees the same count. A set of event ids per text: a redelivered event is not counted twice.
 * Keys: {@code earshot:triage:repeat:<sha-256 of the normalised text, 16 hex>}, expiring after the window. One round trip
 * per comment (a script does SADD, EXPIRE and SCARD): three synchronous calls were a third of the service's
 * per-comment overhead (docs/benchmarks.md, Triage).
 */
@ApplicationScoped
public class RepetitionStore {

    static final String PREFIX = RedisKeys.REPEAT.prefix();

    /** KEYS[1] the text's set, ARGV[1] the event id, ARGV[2] the window in seconds; returns the set's size. */
    static final String RECORD = "redis.call('SADD', KEYS[1], ARGV[1]) "
            + "redis.call('EXPIRE', KEYS[1], tonumber(ARGV[2])) return redis.call('SCARD', KEYS[1])";

    @Inject
    RedisCommands<String, String> redis;

    @Inject
    TriageConfig config;

    /** Records {@code eventId} as a post of {@code text}; returns how many distinct posts of it the window holds. */
    public int record(String text, String eventId) {
        String key = PREFIX + key(text);
        Long size = redis.eval(RECORD, ScriptOutputType.INTEGER, new String[] {key}, eventId,
                Long.toString(config.repeatWindow().toSeconds()));
        return (int) Math.min(Integer.MAX_VALUE, size == null ? 0 : size);
    }

    static String key(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(Text.canonical(text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
