package io.earshot.reply.redis;

import io.lettuce.core.api.StatefulRedisConnection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Remembers which queue items were announced on {@code replies}, so that a redelivered comment is not announced
 * twice, while one whose announcement was lost (a crash before Kafka acknowledged it) is announced on redelivery.
 */
@ApplicationScoped
public class Announcements {

    @Inject
    StatefulRedisConnection<String, String> redis;

    public boolean isAnnounced(String itemId) {
        return redis.sync().exists(key(itemId)) > 0;
    }

    /** Non-blocking, so it can run on Kafka's acknowledgement thread. */
    public Uni<Void> markAnnounced(String itemId) {
        return Uni.createFrom().completionStage(redis.async().set(key(itemId), "1")).replaceWithVoid();
    }

    private static String key(String itemId) {
        return RedisKeys.ANNOUNCED.key(itemId);
    }
}
