package io.earshot.ingest.redis;

import io.earshot.ingest.config.IngestConfig;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Remembers which comment versions were published, so a comment delivered twice (platform retries, a poller
 * re-reading after a crash, an integrator re-sending) is published once.
 *
 * <p>A version is first <em>reserved</em> (a short-lived "pending" mark, so two concurrent deliveries cannot both
 * publish), then <em>confirmed</em> once Kafka acknowledged it, or <em>released</em> if the publish failed, so that
 * nothing half-done stays behind and the platform's retry gets through. Batches are pipelined: a delivery of 1,000
 * changes costs two or three Redis round trips, not 2,000.
 */
@ApplicationScoped
public class DedupStore {

    /** What a reservation found. */
    public enum Reservation {
        /** This caller holds the reservation and must confirm or release it. */
        RESERVED,
        /** Already published. */
        PUBLISHED,
        /** Another delivery of the same version is being published right now. */
        IN_PROGRESS
    }

    /** One comment version, as the dedup key sees it. */
    public record Key(String platform, String externalId, int version) {
        String redisKey() {
            return key(platform, externalId, version);
        }
    }

    private static final String PENDING = "pending";
    private static final String PUBLISHED = "published";

    @Inject
    RedisCommands<String, String> redis;

    @Inject
    StatefulRedisConnection<String, String> connection;

    @Inject
    IngestConfig config;

    public Reservation reserve(String platform, String externalId, int version) {
        return reserveAll(List.of(new Key(platform, externalId, version))).get(0);
    }

    /** Reserves every version in two pipelined round trips at most; one answer per key, in order. */
    public List<Reservation> reserveAll(List<Key> keys) {
        RedisAsyncCommands<String, String> async = connection.async();
        long pendingMillis = config.publishTimeout().multipliedBy(3).toMillis();
        List<RedisFuture<String>> sets = new ArrayList<>(keys.size());
        for (Key key : keys) {
            sets.add(async.set(key.redisKey(), PENDING, SetArgs.Builder.nx().px(pendingMillis)));
        }
        List<Reservation> result = new ArrayList<>(keys.size());
        List<Integer> taken = new ArrayList<>();
        for (int i = 0; i < sets.size(); i++) {
            if ("OK".equals(await(sets.get(i)))) {
                result.add(Reservation.RESERVED);
            } else {
                result.add(null);
                taken.add(i);
            }
        }
        if (!taken.isEmpty()) {
            List<RedisFuture<String>> gets = new ArrayList<>(taken.size());
            for (int i : taken) {
                gets.add(async.get(keys.get(i).redisKey()));
            }
            for (int j = 0; j < taken.size(); j++) {
                result.set(taken.get(j), PENDING.equals(await(gets.get(j))) ? Reservation.IN_PROGRESS : Reservation.PUBLISHED);
            }
        }
        return result;
    }

    public void confirm(String platform, String externalId, int version) {
        confirmAll(List.of(new Key(platform, externalId, version)));
    }

    /** Marks every version published, pipelined. */
    public void confirmAll(List<Key> keys) {
        RedisAsyncCommands<String, String> async = connection.async();
        SetArgs ttl = SetArgs.Builder.ex(config.dedupTtl().toSeconds());
        List<RedisFuture<String>> sets = new ArrayList<>(keys.size());
        for (Key key : keys) {
            sets.add(async.set(key.redisKey(), PUBLISHED, ttl));
        }
        sets.forEach(DedupStore::await);
    }

    public void release(String platform, String externalId, int version) {
        redis.del(key(platform, externalId, version));
    }

    /** Whether this version was published (for tests and reconciliation). */
    public boolean isPublished(String platform, String externalId, int version) {
        return PUBLISHED.equals(redis.get(key(platform, externalId, version)));
    }

    /** Whether any mark, pending or published, exists for this version. */
    public boolean isKnown(String platform, String externalId, int version) {
        return redis.exists(key(platform, externalId, version)) > 0;
    }

    static String key(String platform, String externalId, int version) {
        return RedisKeys.SEEN.key(platform, externalId, "v" + version);
    }

    /** Waits for one pipelined reply the way the synchronous API would, with the same exceptions. */
    static <T> T await(RedisFuture<T> future) {
        try {
            return future.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedisException("interrupted while waiting for Redis", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RedisException redisException) {
                throw redisException;
            }
            throw new RedisCommandExecutionException(cause);
        } catch (TimeoutException e) {
            throw new RedisCommandTimeoutException("Redis did not answer within 5 s");
        }
    }
}
