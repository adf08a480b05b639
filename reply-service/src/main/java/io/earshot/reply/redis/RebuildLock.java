package io.earshot.reply.redis;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;

/**
 * The one rebuild of the queue across all replicas: a Redis key set with NX and a lease, renewed while the rebuild
 * runs and released only by its holder. It lives outside the queue's key prefix, so the rebuild's wipe keeps it; if
 * its holder dies, the lease runs out and another replica may rebuild.
 */
@ApplicationScoped
public class RebuildLock {

    static final String KEY = RedisKeys.REBUILD_LOCK.prefix();
    private static final String RENEW = "if redis.call('get', KEYS[1]) == ARGV[1] then "
            + "return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";
    private static final String RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then "
            + "return redis.call('del', KEYS[1]) else return 0 end";

    /** This instance's token: another replica's lock never matches it. */
    private final String token = UUID.randomUUID().toString();

    @Inject
    RedisCommands<String, String> redis;

    /** Takes the lock for {@code lease}; false when another replica holds it. */
    public boolean tryAcquire(Duration lease) {
        return "OK".equals(redis.set(KEY, token, SetArgs.Builder.nx().px(lease.toMillis())));
    }

    /** Extends the lease; false when this instance no longer holds the lock (it ran out, or was never taken). */
    public boolean renew(Duration lease) {
        Long renewed = redis.eval(RENEW, ScriptOutputType.INTEGER, new String[] {KEY}, token, Long.toString(lease.toMillis()));
        return renewed != null && renewed == 1L;
    }

    public void release() {
        redis.eval(RELEASE, ScriptOutputType.INTEGER, new String[] {KEY}, token);
    }

    /** True while another replica rebuilds. */
    public boolean heldElsewhere() {
        String holder = redis.get(KEY);
        return holder != null && !holder.equals(token);
    }
}
