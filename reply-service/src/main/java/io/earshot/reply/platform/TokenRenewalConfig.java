package io.earshot.reply.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * How reply-service renews the access tokens of the platforms whose tokens expire (Google, Trustpilot, Reddit) with
 * the OAuth refresh_token grant. A platform without a client id and refresh token keeps its configured token.
 */
@ConfigMapping(prefix = "earshot.reply.oauth")
public interface TokenRenewalConfig {

    /** Google Business Profile (token URL default https://oauth2.googleapis.com/token). */
    Client google();

    /** Trustpilot (client id/secret: the API key and secret). */
    Client trustpilot();

    /** Reddit (the app's client id and secret). */
    Client reddit();

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
