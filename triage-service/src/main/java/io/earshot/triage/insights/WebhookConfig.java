package io.earshot.triage.insights;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The optional signed webhook announcing each raised emerging issue (docs/insights.md, "Webhook"). Off unless a URL is set. */
@ConfigMapping(prefix = "earshot.insights.webhook")
public interface WebhookConfig {

    /** Receiver URL; unset (the default) turns the webhook off. */
    Optional<String> url();

    /** HMAC-SHA256 secret (from a Kubernetes Secret / env var); required when a URL is set, never logged. */
    Optional<String> secret();

    /** Attempts per alarm, the first included, before the webhook gives up on it. */
    @WithDefault("4")
    int attempts();

    /** Delay before the second attempt; doubled after each failed attempt. */
    @WithDefault("1s")
    Duration backoff();

    /** Connect and response timeout of one attempt. */
    @WithDefault("5s")
    Duration timeout();
}
