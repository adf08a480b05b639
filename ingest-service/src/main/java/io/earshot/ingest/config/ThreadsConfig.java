package io.earshot.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Threads (Meta's Threads API): which profiles are polled for replies to their own posts and for mentions, with which
 * long-lived user token ({@code threads_basic}, {@code threads_read_replies}, {@code threads_manage_mentions}), which
 * Earshot renews before it expires and shares with reply-service through Redis.
 */
@ConfigMapping(prefix = "earshot.ingest.threads")
public interface ThreadsConfig {

    /** The Threads Graph API with its version; tests point it at WireMock. */
    @WithDefault("https://graph.threads.net/v1.0")
    String baseUrl();

    /** Calls one pass of one feed makes at most (the own-posts list, then pages of each post's conversation). */
    @WithDefault("30")
    int maxPages();

    /** Time between two polls of every profile. */
    @WithDefault("PT2M")
    Duration interval();

    /** How far back the profile's own posts are read for new replies (older posts' replies are not looked at). */
    @WithDefault("P7D")
    Duration postsWindow();

    /** Own posts whose conversations one pass reads at most, newest first. */
    @WithDefault("25")
    int postsLimit();

    /** How long to wait after a rate limit that names no time (Threads sends no Retry-After). */
    @WithDefault("PT15M")
    Duration rateLimitPause();

    /** Whether the long-lived tokens are renewed ({@code th_refresh_token}); off: each is used until it expires. */
    @WithDefault("true")
    boolean renew();

    /** How long before its expiry a long-lived token is renewed (Threads renews only tokens at least 24 hours old). */
    @WithDefault("P7D")
    Duration renewBefore();

    /** Threads' token renewal endpoint; unset means {@code https://graph.threads.net/refresh_access_token}. */
    Optional<String> tokenUrl();

    /** The profiles to poll, by a name of your choice. */
    Map<String, Account> accounts();

    interface Account {
        /** The Threads user id of the business's profile. */
        String userId();

        /** The profile's username, so its own replies are not read as comments (also {@code is_reply_owned_by_me}). */
        Optional<String> username();

        /**
         * A long-lived Threads user access token; never logged, sent only in the Authorization header (and, to renew
         * it, in the query of the renewal call, as Meta asks).
         */
        String accessToken();

        /**
         * When the configured token expires (ISO instant, e.g. {@code 2027-01-30T10:00:00Z}); unset: it is renewed on
         * first use, which tells its expiry.
         */
        Optional<Instant> tokenExpiresAt();
    }
}
