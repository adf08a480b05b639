package io.earshot.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Threads (Meta's Threads API): which profiles are polled for replies to their own posts and for mentions, with which
 * long-lived user token ({@code threads_basic}, {@code threads_read_replies}, {@code threads_manage_mentions}).
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

    /** The profiles to poll, by a name of your choice. */
    Map<String, Account> accounts();

    interface Account {
        /** The Threads user id of the business's profile. */
        String userId();

        /** The profile's username, so its own replies are not read as comments (also {@code is_reply_owned_by_me}). */
        Optional<String> username();

        /** A long-lived Threads user access token; never logged, sent only in the Authorization header. */
        String accessToken();
    }
}
