package io.earshot.reply.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Where and how approved replies are published. Base URLs are configurable so tests point them at WireMock. */
@ConfigMapping(prefix = "earshot.reply.publish")
public interface PublishConfig {

    /** Publishing on/off (the outbox keeps approved replies until it is on). */
    @WithDefault("true")
    boolean enabled();

    /** How often the outbox is looked at. */
    @WithDefault("1s")
    String pollEvery();

    /** Attempts before a transient failure becomes {@code failed}. */
    @WithDefault("6")
    int maxAttempts();

    /** First retry delay; doubles per attempt, with full jitter. */
    @WithDefault("PT2S")
    Duration backoffBase();

    /** Longest retry delay. */
    @WithDefault("PT5M")
    Duration backoffMax();

    /** How long one worker owns an outbox entry; after it, another may resume it (checking for an existing reply). */
    @WithDefault("PT60S")
    Duration lease();

    /** Timeout of one platform call. */
    @WithDefault("PT10S")
    Duration requestTimeout();

    Platform facebook();

    Platform instagram();

    Platform youtube();

    Platform mastodon();

    Platform x();

    /** Google Business Profile reviews (base URL with version; the token of a location manager). */
    Platform google();

    /** Trustpilot (account id: the business user id replies are written as). */
    Platform trustpilot();

    /** Reddit (account id: our username, to recognise our comments). */
    Platform reddit();

    /** Threads (account id: the profile's Threads user id, {@code me} when unset; a long-lived user token). */
    Platform threads();

    Generic generic();

    /** One platform's API. */
    interface Platform {
        /** The API's base URL. */
        Optional<String> baseUrl();

        /** The access token (page token, bearer token). */
        Optional<String> token();

        /** Our own account id there (page id, channel id, user id), to recognise our replies. */
        Optional<String> accountId();

        /** Visibility of Mastodon replies. */
        @WithDefault("public")
        String visibility();
    }

    /** The integrator's callback for platform {@code generic}. */
    interface Generic {
        /** Callback URL ({@code EARSHOT_GENERIC_CALLBACK_URL}). */
        Optional<String> callbackUrl();

        /** HMAC-SHA256 key of the {@code X-Earshot-Signature} header ({@code EARSHOT_GENERIC_CALLBACK_SECRET}). */
        Optional<String> secret();
    }
}
