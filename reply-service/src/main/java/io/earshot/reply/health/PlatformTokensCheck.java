package io.earshot.reply.health;

import io.earshot.reply.platform.Connectors;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Platform access tokens a call found expired or revoked: DOWN until a call with that platform works again. In the
 * wellness group ({@code /q/health/well}), so an expired token is visible without taking the service out of traffic.
 * A renewal that failed while the old token still works is shown as data ({@code <platform> token renewal}), UP.
 */
@Wellness
@ApplicationScoped
public class PlatformTokensCheck implements HealthCheck {

    private final Connectors connectors;

    @Inject
    public PlatformTokensCheck(Connectors connectors) {
        this.connectors = connectors;
    }

    @Override
    public HealthCheckResponse call() {
        var expired = connectors.expiredTokens();
        var builder = HealthCheckResponse.named("platform-tokens").status(expired.isEmpty());
        expired.forEach(builder::withData);
        connectors.renewalFailures().forEach((platform, reason) -> builder.withData(platform + " token renewal", reason));
        return builder.build();
    }
}
