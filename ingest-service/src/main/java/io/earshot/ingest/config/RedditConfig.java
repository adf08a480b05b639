package io.earshot.ingest.config;

import io.smallrye.config.WithDefault;
import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reddit: whose inbox mentions are polled, which subreddits are searched for the business's name, with what token,
 * and how much of the per-client rate limit (100 queries a minute) polling may use.
 */
@ConfigMapping(prefix = "earshot.ingest.reddit")
public interface RedditConfig {

    /** The OAuth API base; tests point it at WireMock. */
    @WithDefault("https://oauth.reddit.com")
    String baseUrl();

    /** Reddit asks every client for a unique, descriptive User-Agent and throttles generic ones. */
    @WithDefault("server:io.earshot.ingest:0.1 (self-hosted Earshot)")
    String userAgent();

    /** Pages read per poll at most, for mentions and for each search (100 things a page). */
    @WithDefault("3")
    int maxPages();

    /** Stop paging when fewer requests than this are left in Reddit's window (100 a minute per client). */
    @WithDefault("10")
    int rateLimitFloor();

    /**
     * Queries a minute polling may spend per OAuth client, mentions and searches together (Reddit allows 100 per
     * client; reply-service uses the same client).
     */
    @WithDefault("60")
    int queriesPerMinute();

    /**
     * How far behind the newest mention (or search result) seen paging still goes, so that mentions edited after they
     * were read are read again and published as edits.
     */
    @WithDefault("PT24H")
    Duration editWindow();

    /** Time between two polls of every account. */
    @WithDefault("PT1M")
    Duration interval();

    /** The OAuth client (the app's id and secret) that renews the accounts' tokens; accounts share its query budget. */
    OAuthClientConfig oauth();

    /** The accounts whose mentions are read, by a name of your choice. */
    Map<String, Account> accounts();

    interface Account {
        /** OAuth access token of the account (scopes privatemessages, read); never logged. */
        Optional<String> accessToken();

        /** Refresh token of the account (a permanent token), to renew the access token; never logged. */
        Optional<String> refreshToken();

        /** The account's username, so its own posts found by a search are skipped. */
        Optional<String> username();

        /** A search of subreddits for posts that name the business without mentioning the account. */
        Search search();
    }

    /** {@code GET /r/{sub1+sub2}/search?q=...&restrict_sr=1&sort=new}. */
    interface Search {
        /** Subreddits to search (without {@code r/}); none: no search. */
        Optional<List<String>> subreddits();

        /** Reddit search syntax, at most 512 characters, e.g. {@code "Acme Kettles" OR acmekettles}. */
        Optional<String> query();

        /** Result types Reddit documents: {@code link} (posts); {@code sr} and {@code user} are not comments. */
        @WithDefault("link")
        String type();
    }
}
