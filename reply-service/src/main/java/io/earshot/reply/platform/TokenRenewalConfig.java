package io.earshot.reply.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How reply-service renews the access tokens of the platforms whose tokens expire (Google, Trustpilot, Reddit) with
 * the OAuth refresh_token grant, and Threads' long-lived token with its own th_refresh_token grant. A platform without
 * a client id and refresh token keeps its configured token.
 */
@ConfigMapping(prefix = "earshot.reply.oauth")
public interface TokenRenewalConfig {

    /** Google Business Profile (token URL default https://oauth2.googleapis.com/token). */
    Client google();

    /** Trustpilot (client id/secret: the API key and secret). */
    Client trustpilot();

    /** Reddit (the app's client id and secret). */
    Client reddit();

    /** Threads: the long-lived token {@code earshot.reply.publish.threads.token} renews itself. */
    Threads threads();

    /** How the Threads token is renewed; the same token as ingest-service's, so the renewal is shared through Redis. */
    interface Threads {
        /** Whether the token is renewed ({@code th_refresh_token}); off: it is used until it expires. */
        @WithDefault("true")
        boolean renew();

        /** How long before its expiry the token is renewed (Threads renews only tokens at least 24 hours old). */
        @WithDefault("P7D")
        Duration renewBefore();

        /** Threads' renewal endpoint; unset means {@code https://graph.threads.net/refresh_access_token}. */
        Optional<String> tokenUrl();

        /** When the configured token expires (ISO instant); unset: it is renewed on first use, which tells its expiry. */
        Optional<Instant> tokenExpiresAt();
    }

    /** One platform's OAuth client and refresh token. */
    interface Client {
        /** The token endpoint; unset means the platform's own (tests point it at WireMock). */
        Optional<String> tokenUrl();

        /** OAuth client id; never logged. */
        Optional<String> clientId();

        /** OAuth client secret; never logged. */
        Optional<String> clientSecret();

        /** Refresh token of the account replies are written as; never logged. */
        Optional<String> refreshToken();

        /** How long before its expiry an access token is renewed. */
        @WithDefault("PT5M")
        Duration renewBefore();
    }
}
