package io.earshot.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** Reddit: whose inbox mentions are polled, with what token, and how much of the per-client rate limit to keep. */
@ConfigMapping(prefix = "earshot.ingest.reddit")
public interface RedditConfig {

    /** The OAuth API base; tests point it at WireMock. */
    @WithDefault("https://oauth.reddit.com")
    String baseUrl();

    /** Reddit asks every client for a unique, descriptive User-Agent and throttles generic ones. */
    @WithDefault("server:io.earshot.ingest:0.1 (self-hosted Earshot)")
    String userAgent();

    /** Pages read per poll at most (100 mentions a page). */
    @WithDefault("3")
    int maxPages();

    /** Stop paging when fewer requests than this are left in Reddit's window (100 a minute per client). */
    @WithDefault("10")
    int rateLimitFloor();

    /** Time between two polls of every account. */
    @WithDefault("PT1M")
    Duration interval();

    /** The accounts whose mentions are read, by a name of your choice. */
    Map<String, Account> accounts();

    interface Account {
        /** OAuth access token of the account (scopes privatemessages, read); never logged. */
        String accessToken();
    }
}
