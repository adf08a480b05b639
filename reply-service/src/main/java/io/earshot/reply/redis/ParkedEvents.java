package io.earshot.reply.redis;

import static io.earshot.reply.redis.QueueKeys.PENDING_EVENTS;

import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;

/**
 * Events written with a change (inside {@link ItemCommit}, a new item's {@code drafted} event included) and not yet
 * acknowledged by Kafka, for the relay to send: a change is never lost between Redis and Kafka, and an event still
 * parked is one a redelivered input may send again, while one gone from here was acknowledged.
 */
@ApplicationScoped
public class ParkedEvents {

    /** An event to park with a change: its stable id and its JSON. */
    public record Event(String id, String json) {
    }

    private final StatefulRedisConnection<String, String> connection;
    private final RedisCommands<String, String> redis;

    @Inject
    public ParkedEvents(StatefulRedisConnection<String, String> connection) {
        this.connection = connection;
        this.redis = connection.sync();
    }

    /** Event id to {@code millis|json}. */
    public Map<String, String> all() {
        return redis.hgetall(PENDING_EVENTS);
    }

    /** The JSON of an event still waiting for Kafka's acknowledgement, if it is. */
    public Optional<String> find(String eventId) {
        String value = redis.hget(PENDING_EVENTS, eventId);
        return value == null ? Optional.empty() : Optional.of(value.substring(value.indexOf('|') + 1));
    }

    /** Forgets a parked event once Kafka acknowledged it. */
    public void sent(String eventId) {
        redis.hdel(PENDING_EVENTS, eventId);
    }

    /** As {@link #sent}, without blocking: it runs on Kafka's acknowledgement thread. */
    public Uni<Void> sentAsync(String eventId) {
        return Uni.createFrom().completionStage(connection.async().hdel(PENDING_EVENTS, eventId)).replaceWithVoid();
    }
}
