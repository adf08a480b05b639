package io.earshot.triage.redis;

import io.earshot.triage.config.TriageConfig;
import io.earshot.triage.domain.model.Text;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Counts how many distinct comments posted the same (normalised) text within the repetition window, in Redis so
 * every replica sees the same count. Event ids are counted, so a redelivered event is not counted twice.
 *
 * <p><b>Time buckets, so the sets stop growing.</b> The window is cut into {@value #BUCKETS} buckets; a post goes into
 * the set of its text's current bucket ({@code <prefix><hash>:<bucket>}), which expires at a fixed instant (the
 * bucket's end plus the window) however many posts it receives. The count is the number of distinct ids in the
 * current bucket and the {@value #BUCKETS} before it, so it covers at least the window and at most a fifth more.
 * (The previous single set per text had its EXPIRE refreshed by every SADD: a text posted steadily never expired.)
 *
 * <p><b>One round trip per batch.</b> {@link #record(List)} sends one {@code EVALSHA} per post on a connection of its
 * own with auto-flush off, flushes once and awaits the replies: a batch costs one network round trip. Redis runs the
 * scripts in order, so two posts of one text in a batch see each other. The script is loaded once ({@code SCRIPT
 * LOAD}) and again whenever Redis answers {@code NOSCRIPT} (a restart or {@code SCRIPT FLUSH}).
 *
 * <p><b>A cheap key.</b> The text's key is a 64-bit FNV-1a hash of its canonical form (16 hex digits, as before):
 * not a secret, only a name, so a cryptographic digest per comment bought nothing. Two texts share a key with
 * probability about n²/2⁶⁵ for n distinct texts per window (3 million texts: one chance in four million).
 */
@ApplicationScoped
public class RepetitionStore {

    static final String PREFIX = RedisKeys.REPEAT.prefix();

    /** How many buckets the window is cut into. */
    static final int BUCKETS = 5;

    /**
     * KEYS[1] the current bucket's set, KEYS[2..] the earlier buckets of the window; ARGV[1] the event id, ARGV[2]
     * the current bucket's expiry (Unix seconds). Adds the id unless a bucket of the window has it already; returns
     * the number of ids in the window.
     */
    static final String RECORD = """
            local seen = false
            for i = 1, #KEYS do
              if redis.call('SISMEMBER', KEYS[i], ARGV[1]) == 1 then seen = true break end
            end
            if not seen then
              redis.call('SADD', KEYS[1], ARGV[1])
              redis.call('EXPIREAT', KEYS[1], tonumber(ARGV[2]))
            end
            local n = 0
            for i = 1, #KEYS do n = n + redis.call('SCARD', KEYS[i]) end
            return n""";

    /** One post to count: its text and the id of its event. */
    public record Post(String text, String eventId) {
    }

    private final RedisClient client;
    private final Duration window;
    private final Duration timeout;
    private final Clock clock;
    private StatefulRedisConnection<String, String> connection;
    private String sha;

    @Inject
    public RepetitionStore(RedisClient client, TriageConfig config) {
        this(client, config.repeatWindow(), Clock.systemUTC());
    }

    RepetitionStore(RedisClient client, Duration window, Clock clock) {
        this.client = client;
        this.window = window;
        this.timeout = client.getDefaultTimeout();
        this.clock = clock;
    }

    /** Records {@code eventId} as a post of {@code text}; returns how many distinct posts of it the window holds. */
    public int record(String text, String eventId) {
        return record(List.of(new Post(text, eventId))).get(0);
    }

    /**
     * Records every post of {@code posts}, in order, in one round trip; returns, for each, how many distinct posts of
     * its text the window holds once it is counted. Safe to call again with the same posts (a retry after a fault).
     */
    public synchronized List<Integer> record(List<Post> posts) {
        if (posts.isEmpty()) {
            return List.of();
        }
        try {
            return send(posts);
        } catch (RedisNoScriptException e) {
            sha = null; // Redis lost its scripts: load it again and redo the batch (counting is idempotent)
            return send(posts);
        }
    }

    private List<Integer> send(List<Post> posts) {
        RedisAsyncCommands<String, String> redis = connection().async();
        if (sha == null) {
            RedisFuture<String> loaded = redis.scriptLoad(RECORD);
            connection.flushCommands();
            sha = await(loaded);
        }
        long width = bucketSeconds();
        long now = clock.instant().getEpochSecond();
        long bucket = now / width;
        String expireAt = Long.toString((bucket + 1) * width + window.toSeconds());
        List<RedisFuture<Long>> replies = new ArrayList<>(posts.size());
        for (Post post : posts) {
            replies.add(redis.evalsha(sha, ScriptOutputType.INTEGER, keys(key(post.text()), bucket), post.eventId(),
                    expireAt));
        }
        connection.flushCommands();
        List<Integer> counts = new ArrayList<>(posts.size());
        for (RedisFuture<Long> reply : replies) {
            Long n = await(reply);
            counts.add((int) Math.min(Integer.MAX_VALUE, n == null ? 0 : n));
        }
        return counts;
    }

    /** The sets of the window for one text, current bucket first. */
    static String[] keys(String textKey, long bucket) {
        String[] keys = new String[BUCKETS + 1];
        String base = PREFIX + textKey + ':';
        for (int i = 0; i <= BUCKETS; i++) {
            keys[i] = base + (bucket - i);
        }
        return keys;
    }

    long bucketSeconds() {
        return Math.max(1, window.toSeconds() / BUCKETS);
    }

    private <T> T await(RedisFuture<T> future) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new io.lettuce.core.RedisException("interrupted while waiting for Redis", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new io.lettuce.core.RedisException(e.getCause());
        } catch (TimeoutException e) {
            throw new io.lettuce.core.RedisCommandTimeoutException("no reply from Redis in " + timeout);
        }
    }

    /**
     * The store's own connection, opened on first use (the service starts while Redis is still coming up); commands
     * on it wait for {@link StatefulRedisConnection#flushCommands()}, so it is not shared with anything else.
     */
    private StatefulRedisConnection<String, String> connection() {
        if (connection == null) {
            StatefulRedisConnection<String, String> c = client.connect();
            c.setAutoFlushCommands(false);
            connection = c;
        }
        return connection;
    }

    @PreDestroy
    synchronized void close() {
        if (connection != null) {
            connection.close();
        }
    }

    /** The text's name in Redis: 64-bit FNV-1a of its canonical form over UTF-16 units, 16 hex digits. */
    static String key(String text) {
        String canonical = Text.canonical(text);
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < canonical.length(); i++) {
            char c = canonical.charAt(i);
            h = (h ^ (c & 0xff)) * 0x100000001b3L;
            h = (h ^ (c >>> 8)) * 0x100000001b3L;
        }
        String hex = Long.toHexString(h);
        return hex.length() == 16 ? hex : "0".repeat(16 - hex.length()) + hex;
    }
}
