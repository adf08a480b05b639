package io.earshot.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/**
 * Bluesky (AT Protocol) mentions and replies: which accounts are polled, on which PDS, with which app password. An
 * app password (Settings, App passwords) rather than the account password: it can be revoked alone.
 */
@ConfigMapping(prefix = "earshot.ingest.bluesky")
public interface BlueskyConfig {

    /** The PDS or entryway sessions are made on and XRPC calls go to; tests point it at WireMock. */
    @WithDefault("https://bsky.social")
    String serviceUrl();

    /** Pages read per poll at most (100 notifications a page, newest first). */
    @WithDefault("5")
    int maxPages();

    /** Stop paging when fewer requests than this are left in the {@code ratelimit-remaining} window. */
    @WithDefault("5")
    int rateLimitFloor();

    /** Time between two polls of every account. */
    @WithDefault("PT1M")
    Duration interval();

    /** The accounts to poll, by a name of your choice. */
    Map<String, Account> accounts();

    interface Account {
        /** The handle ({@code brand.bsky.social}) or DID the session is made for. */
        String identifier();

        /** An app password of that account; never logged. */
        String appPassword();
    }
}
