package io.earshot.ingest.health;

import io.earshot.ingest.connector.AccessTokens;
import io.earshot.ingest.connector.ConnectorStatus;
import io.earshot.ingest.connector.ConnectorStatus.State;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The connectors' health as a warning: always UP (webhooks and the other connectors still work), with
 * {@code status: WARNING} and the state of every connector that is not ok, for dashboards and alerts; and when each
 * renewable access token expires, and why a renewal failed (the old token stays in use meanwhile).
 */
@Readiness
@ApplicationScoped
public class ConnectorsHealthCheck implements HealthCheck {

    @Inject
    ConnectorStatus status;

    @Inject
    AccessTokens tokens;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("connectors").up();
        boolean warning = false;
        for (var entry : status.all().entrySet()) {
            response.withData(entry.getKey(), entry.getValue().state().name()
                    + (entry.getValue().reason() == null ? "" : ": " + entry.getValue().reason()));
            warning |= entry.getValue().state() != State.ok;
        }
        for (var failed : tokens.renewalFailures().entrySet()) {
            response.withData(failed.getKey() + " token renewal", failed.getValue());
            warning = true;
        }
        tokens.expiries().forEach((connector, expiresAt) -> response.withData(connector + " token expires", expiresAt.toString()));
        return response.withData("status", warning ? "WARNING" : "OK").build();
    }
}
