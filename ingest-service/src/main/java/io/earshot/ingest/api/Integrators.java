package io.earshot.ingest.api;

import io.earshot.ingest.config.IngestConfig;
import io.earshot.ingest.domain.Hashes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds whose key or signature a request carries: the shared {@code earshot.ingest.api-key} and generic secret (with
 * the platforms {@code api-key-platforms} and {@code generic.platforms} give them), or one of
 * {@code earshot.ingest.integrators.<name>}. Every configured secret is compared, in constant time, whichever matches.
 */
@ApplicationScoped
public class Integrators {

    @Inject
    IngestConfig config;

    /** The grant of a {@code Bearer} key, if it is one of ours. */
    public Optional<Grant> byApiKey(String given) {
        Grant found = null;
        if (Hashes.secretEquals(config.apiKey().orElse(null), given)) {
            found = Grant.of("api-key", config.apiKeyPlatforms(), List.of());
        }
        for (Map.Entry<String, IngestConfig.Integrator> e : config.integrators().entrySet()) {
            if (Hashes.secretEquals(e.getValue().apiKey().orElse(null), given) && found == null) {
                found = grant(e.getKey(), e.getValue());
            }
        }
        return Optional.ofNullable(found);
    }

    /** Whether any key is configured at all (without one, every {@code /api} call is refused). */
    public boolean anyApiKey() {
        return config.apiKey().isPresent() || config.integrators().values().stream().anyMatch(i -> i.apiKey().isPresent());
    }

    /** The grant whose generic-webhook secret signed these bytes, if any. */
    public Optional<Grant> byWebhookSignature(String signature, byte[]... signed) {
        Grant found = null;
        if (Hashes.signatureMatches(signature, config.generic().secret().orElse(null), signed)) {
            found = Grant.of("generic-webhook", config.generic().platforms(), List.of());
        }
        for (Map.Entry<String, IngestConfig.Integrator> e : config.integrators().entrySet()) {
            if (Hashes.signatureMatches(signature, e.getValue().webhookSecret().orElse(null), signed) && found == null) {
                found = grant(e.getKey(), e.getValue());
            }
        }
        return Optional.ofNullable(found);
    }

    /** Whether the generic webhook has any secret (without one it refuses everything). */
    public boolean anyWebhookSecret() {
        return config.generic().secret().isPresent()
                || config.integrators().values().stream().anyMatch(i -> i.webhookSecret().isPresent());
    }

    private static Grant grant(String name, IngestConfig.Integrator integrator) {
        return Grant.of(name, integrator.platforms(), integrator.accounts().orElse(new ArrayList<>()));
    }
}
