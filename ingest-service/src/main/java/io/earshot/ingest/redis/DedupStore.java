package io.earshot.ingest.redis;

import io.earshot.ingest.config.IngestConfig;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Remembers which comment versions were published, so a comment delivered twice (platform retries, a poller
 * re-reading after a crash, an integrator re-sending) is published once.
 *
 * <p>A version is first <em>reserved</em> (a short-lived "pending" mark, so two concurrent deliveries cannot both
 * publish), then <em>confirmed</em> once Kafka acknowledged it, or <em>released</em> if the publish failed, so that
 * nothing half-done stays behind and the platform's retry gets through.
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

    private static final String PENDING = "pending";
    private static final String PUBLISHED = "published";

    @Inject
    RedisCommands<String, String> redis;

    @Inject
    IngestConfig config;

    public Reservation reserve(String platform, String externalId, int version) {
        String key = key(platform, externalId, version);
        Duration pendingFor = config.publishTimeout().multipliedBy(3);
        if ("OK".equals(redis.set(key, PENDING, SetArgs.Builder.nx().px(pendingFor.toMillis())))) {
            return Reservation.RESERVED;
        }
        return PENDING.equals(redis.get(key)) ? Reservation.IN_PROGRESS : Reservation.PUBLISHED;
    }

    public void confirm(String platform, String externalId, int version) {
        redis.set(key(platform, externalId, version), PUBLISHED, SetArgs.Builder.ex(config.dedupTtl().toSeconds()));
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
        return "earshot:ingest:seen:" + platform + ":" + externalId + ":v" + version;
    }
}
