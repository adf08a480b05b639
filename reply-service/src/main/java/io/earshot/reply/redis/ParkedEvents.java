package io.earshot.reply.redis;

import static io.earshot.reply.redis.QueueKeys.PENDING_EVENTS;

import io.lettuce.core.api.sync.RedisCommands;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Events written with a change (inside {@link ItemCommit}) and not yet acknowledged by Kafka, for the relay to send:
 * a change is never lost between Redis and Kafka.
 */
@ApplicationScoped
public class ParkedEvents {

    private final RedisCommands<String, String> redis;

    @Inject
    public ParkedEvents(RedisCommands<String, String> redis) {
        this.redis = redis;
    }

    /** Event id to {@code millis|json}. */
    public Map<String, String> all() {
        return redis.hgetall(PENDING_EVENTS);
    }

    /** Forgets a parked event once Kafka acknowledged it. */
    public void sent(String eventId) {
        redis.hdel(PENDING_EVENTS, eventId);
    }
}
