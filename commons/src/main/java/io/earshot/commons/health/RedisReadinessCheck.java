package io.earshot.commons.health;

import io.lettuce.core.api.StatefulRedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** A service that cannot reach Redis cannot deduplicate or queue, so it must not take traffic. */
@Readiness
@ApplicationScoped
public class RedisReadinessCheck implements HealthCheck {

    @Inject
    StatefulRedisConnection<String, String> redis;

    @Override
    public HealthCheckResponse call() {
        try {
            String pong = redis.sync().ping();
            return HealthCheckResponse.named("redis").status("PONG".equals(pong)).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("redis").down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
