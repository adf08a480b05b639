package io.earshot.ingest.config;

import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * The OAuth client a platform's access tokens are renewed with (refresh_token grant). Without a client id, or an
 * account without a refresh token, the configured access token is used until it expires.
 */
public interface OAuthClientConfig {

    /** The token endpoint; unset means the platform's own (tests point it at WireMock). */
    Optional<String> tokenUrl();

    /** OAuth client id (Trustpilot: the API key); never logged. */
    Optional<String> clientId();

    /** OAuth client secret (Trustpilot: the API secret); never logged. */
    Optional<String> clientSecret();

    /** How long before its expiry an access token is renewed. */
    @WithDefault("PT5M")
    Duration renewBefore();
}
