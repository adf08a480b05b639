package io.earshot.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How ingest-service accepts comments: limits, secrets and the accounts of every connector. Secrets are only ever
 * read from here (configuration or a Kubernetes Secret mapped to environment variables); they are never logged.
 */
@ConfigMapping(prefix = "earshot.ingest")
public interface IngestConfig {

    /** How long a comment version is remembered, so a redelivery within this window is not published again. */
    @WithDefault("P7D")
    Duration dedupTtl();

    /**
     * How long the version a comment revision got is remembered after its last revision. Versions come from the
     * revision's time, so they grow also after this (or after Redis was lost); the hash only keeps a redelivered
     * revision on its first number and keeps two revisions in one second apart.
     */
    @WithDefault("P90D")
    Duration versionTtl();

    /** How long a caller waits for Kafka to acknowledge a comment before it is told to retry (503). */
    @WithDefault("10s")
    Duration publishTimeout();

    /** The largest body {@code POST /api/comments} accepts; larger gets 413. */
    @WithDefault("65536")
    int maxCommentBytes();

    /** The largest webhook delivery (Meta, generic) accepted; larger gets 413. */
    @WithDefault("1048576")
    int maxWebhookBytes();

    /** What a caller told to retry (503) is advised to wait, in the {@code Retry-After} header. */
    @WithDefault("5s")
    Duration retryAfter();

    /** The largest raw platform payload kept on an event for audit; longer ones are cut and marked. */
    @WithDefault("4096")
    int maxRawChars();

    /**
     * The key service-to-service and integrator calls to {@code /api/*} present as {@code Authorization: Bearer}
     * (env {@code EARSHOT_INGEST_API_KEY}). Without one, every {@code /api} call is refused.
     */
    Optional<String> apiKey();

    /**
     * The platforms the shared {@code api-key} may submit comments for ({@code *}: any); env
     * {@code EARSHOT_INGEST_API_KEY_PLATFORMS}. Platform comments come through their connectors; give a platform here
     * only to a caller that really speaks for it.
     */
    @WithDefault("generic")
    List<String> apiKeyPlatforms();

    /**
     * Integrators by a name of your choice, each with its own API key and/or generic-webhook secret, bound to the
     * platforms (and accounts) it may submit for; a comment for any other is refused with 403.
     */
    Map<String, Integrator> integrators();

    interface Integrator {
        /** Its {@code Authorization: Bearer} key for {@code /api/*}. */
        Optional<String> apiKey();

        /** Its HMAC secret for {@code /webhooks/generic}. */
        Optional<String> webhookSecret();

        /** The platforms it may submit comments for ({@code *}: any). */
        @WithDefault("generic")
        List<String> platforms();

        /** The accounts it may submit comments for; unset: any. */
        Optional<List<String>> accounts();
    }

    /** Meta (Facebook Page feed, Instagram comments) webhooks and reconciliation. */
    Meta meta();

    /** The signed generic webhook for other integrators. */
    Generic generic();

    /** Bulk import. */
    @WithName("import")
    Import importing();

    /** YouTube Data API v3 poller. */
    YouTube youtube();

    /** Mastodon mentions poller. */
    Mastodon mastodon();

    /** X API v2 mentions poller. */
    X x();

    /** Pollers and reconciliation scheduling. */
    Pollers pollers();

    /** Requests per second each source may send before it gets 429 (a burst of twice that is allowed). */
    RateLimits rateLimit();

    interface RateLimits {
        /** Meta webhook deliveries per second. */
        @WithDefault("500")
        double meta();

        /** Generic webhook deliveries per second. */
        @WithDefault("200")
        double generic();

        /** {@code POST /api/comments} calls per second. */
        @WithDefault("500")
        double api();

        /** {@code POST /api/import} calls per second. */
        @WithName("import")
        @WithDefault("2")
        double importing();
    }

    interface Meta {
        /** The Meta app secret that signs every delivery ({@code X-Hub-Signature-256}); env EARSHOT_META_APP_SECRET. */
        Optional<String> appSecret();

        /** The token Meta echoes in the verification handshake; env EARSHOT_META_VERIFY_TOKEN. */
        Optional<String> verifyToken();

        /** The Graph API base, with version; tests point it at WireMock. */
        @WithDefault("https://graph.facebook.com/v21.0")
        String graphUrl();

        /** The business's Facebook pages and Instagram accounts, by a name of your choice. */
        Map<String, MetaAccount> accounts();

        /** How far back reconciliation looks for posts and their comments. */
        @WithDefault("PT6H")
        Duration reconcileWindow();

        /** How many recent posts or media per account reconciliation reads. */
        @WithDefault("10")
        int reconcilePosts();

        /** Graph API reads of one Instagram mention before it is set aside as {@code mention-unreachable} (5xx, 429, timeouts). */
        @WithDefault("4")
        int mentionAttempts();

        /** The wait before the second read of a mention; doubled for each further one. */
        @WithDefault("PT1S")
        Duration mentionBackoff();
    }

    interface MetaAccount {
        /** {@code facebook} for a Page, {@code instagram} for an Instagram professional account. */
        @WithDefault("facebook")
        String platform();

        /** The Page id or Instagram account id (the {@code entry.id} of deliveries). */
        String id();

        /** The Page or system-user access token reconciliation reads the Graph API with. */
        Optional<String> accessToken();
    }

    interface Generic {
        /** The HMAC-SHA256 secret integrators sign with; env EARSHOT_GENERIC_WEBHOOK_SECRET. */
        Optional<String> secret();

        /** The platforms comments signed with this secret may be for ({@code *}: any). */
        @WithDefault("generic")
        List<String> platforms();

        /** How old a signed timestamp may be (either way) before the request counts as a replay. */
        @WithDefault("PT5M")
        Duration tolerance();

        /** How many comments one generic delivery may carry. */
        @WithDefault("1000")
        int maxBatch();
    }

    interface Import {
        /** Comments published to Kafka together, awaited as one batch. */
        @WithDefault("500")
        int batchSize();

        /** The longest line (JSON Lines) or record (CSV) accepted; longer is rejected with its line number. */
        @WithDefault("65536")
        int maxLineBytes();
    }

    interface YouTube {
        /** The YouTube Data API base; tests point it at WireMock. */
        @WithDefault("https://www.googleapis.com/youtube/v3")
        String baseUrl();

        /** Quota units polling may spend per day (Pacific time); one per list call. Leave room for replies. */
        @WithDefault("10000")
        int dailyQuota();

        /** Pages read per poll at most (100 threads a page). */
        @WithDefault("5")
        int maxPages();

        /** The channels to poll, by a name of your choice. */
        Map<String, YouTubeChannel> channels();
    }

    interface YouTubeChannel {
        /** The channel id ({@code UC...}). */
        String channelId();

        /** OAuth access token of the channel owner (needed for held-for-review comments). */
        String accessToken();
    }

    interface Mastodon {
        /** Pages read per poll at most (40 notifications a page). */
        @WithDefault("5")
        int maxPages();

        /** Stop paging when fewer requests than this are left in the rate-limit window. */
        @WithDefault("5")
        int rateLimitFloor();

        /** The accounts to poll, by a name of your choice. */
        Map<String, MastodonAccount> accounts();
    }

    interface MastodonAccount {
        /** The instance, e.g. {@code https://mastodon.social}; tests point it at WireMock. */
        String baseUrl();

        /** The account's access token (scope read:notifications). */
        String accessToken();
    }

    interface X {
        /** The X API base; tests point it at WireMock. */
        @WithDefault("https://api.x.com")
        String baseUrl();

        /** Pages read per poll at most (100 posts a page). */
        @WithDefault("5")
        int maxPages();

        /** The accounts to poll, by a name of your choice. */
        Map<String, XAccount> accounts();
    }

    interface XAccount {
        /** The numeric user id whose mentions are read. */
        String userId();

        /** A user-context or app bearer token allowed to read the mentions timeline. */
        String bearerToken();
    }

    interface Pollers {
        /** Whether pollers and reconciliation run on their own (tests call them directly). */
        @WithDefault("true")
        boolean enabled();

        /** Time between two polls of YouTube. */
        @WithDefault("PT5M")
        Duration youtubeInterval();

        /** Time between two polls of Mastodon. */
        @WithDefault("PT1M")
        Duration mastodonInterval();

        /** Time between two polls of X (mentions: 450 requests per 15 minutes per app). */
        @WithDefault("PT2M")
        Duration xInterval();

        /** Time between two Meta reconciliation runs. */
        @WithDefault("PT15M")
        Duration metaReconcileInterval();

        /** HTTP timeout of every platform call. */
        @WithDefault("PT10S")
        Duration httpTimeout();
    }
}
