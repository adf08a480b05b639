package io.earshot.commons.health;

import io.earshot.commons.retry.TransientRetry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * A consumer waiting out a Redis or Kafka outage is not ready: it takes no new work until the store is back. It is
 * still live (a restart would not bring the store back), so this is a readiness check only.
 */
@Readiness
@ApplicationScoped
public class TransientRetryReadinessCheck implements HealthCheck {

    @Inject
    TransientRetry retry;

    @Override
    public HealthCheckResponse call() {
        Map<String, Instant> waiting = retry.waiting();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("consumers-waiting-for-stores").status(waiting.isEmpty());
        waiting.forEach((store, since) -> response.withData(store, "waiting since " + since));
        return response.build();
    }
}
