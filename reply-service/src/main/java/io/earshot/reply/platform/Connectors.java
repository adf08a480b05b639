package io.earshot.reply.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.commons.oauth.OAuthClient;
import io.earshot.commons.oauth.OAuthProvider;
import io.earshot.commons.oauth.RedisTokenStore;
import io.earshot.commons.oauth.TokenRefresher;
import io.earshot.commons.oauth.TokenStore;
import io.earshot.reply.config.BlueskyPublishConfig;
import io.earshot.reply.config.PublishConfig;
import io.lettuce.core.api.sync.RedisCommands;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** The connector of each platform, and which platforms' tokens were found expired (shown in health). */
@ApplicationScoped
public class Connectors {

    private final Map<String, PlatformConnector> byPlatform;
    private final Map<String, String> expiredTokens = new ConcurrentHashMap<>();

    private final Map<String, HttpPlatform> renewing = new TreeMap<>();

    @Inject
    public Connectors(ObjectMapper mapper, PublishConfig config, TokenRenewalConfig renewal,
            RedisCommands<String, String> redis, MeterRegistry metrics, BlueskyPublishConfig bluesky) {
        TokenStore shared = new RedisTokenStore(redis);
        byPlatform = Map.ofEntries(
                Map.entry("facebook", new Facebook(mapper, config)),
                Map.entry("instagram", new Instagram(mapper, config)),
                Map.entry("youtube", new YouTube(mapper, config)),
                Map.entry("mastodon", new Mastodon(mapper, config)),
                Map.entry("x", new XPlatform(mapper, config)),
                Map.entry("threads", threads(new Threads(mapper, config), renewal.threads(), shared, metrics)),
                Map.entry("google", renewing(new GoogleReviews(mapper, config), OAuthProvider.GOOGLE, renewal.google(), null, shared, metrics)),
                Map.entry("trustpilot", renewing(new Trustpilot(mapper, config), OAuthProvider.TRUSTPILOT, renewal.trustpilot(), null, shared, metrics)),
                Map.entry("reddit", renewing(new Reddit(mapper, config), OAuthProvider.REDDIT, renewal.reddit(), Reddit.USER_AGENT, shared, metrics)),
                Map.entry("generic", new GenericCallback(mapper, config)),
                Map.entry("bluesky", new Bluesky(mapper, config, bluesky)));
    }

    /**
     * A platform whose token renews itself when a refresh token is configured, shared through Redis with
     * ingest-service; its expiry is the gauge (see {@link #gauged}) {@code earshot_connector_token_expires_at_seconds{platform}}.
     */
    private HttpPlatform renewing(HttpPlatform platform, OAuthProvider provider, TokenRenewalConfig.Client client,
            String userAgent, TokenStore shared, MeterRegistry metrics) {
        var oauth = OAuthClient.of(provider, "reply:" + provider.platform(), client.tokenUrl(), client.clientId(),
                client.clientSecret(), client.refreshToken(), userAgent);
        if (oauth.isEmpty()) {
            return platform;
        }
        return gauged(platform.withTokens(new TokenRefresher(platform.settings().token(), oauth, shared, Duration.ofSeconds(10),
                client.renewBefore(), Clock.systemUTC())), provider, metrics);
    }

    /** Threads, whose long-lived token renews itself (th_refresh_token) unless switched off, shared with ingest-service. */
    private HttpPlatform threads(HttpPlatform platform, TokenRenewalConfig.Threads threads, TokenStore shared, MeterRegistry metrics) {
        Optional<String> token = platform.settings().token();
        var own = OAuthClient.threads("reply:threads", threads.tokenUrl(), token, threads.renew());
        if (own.isEmpty()) {
            return platform;
        }
        return gauged(platform.withTokens(new TokenRefresher(token, threads.tokenExpiresAt(), own, shared,
                Duration.ofSeconds(10), threads.renewBefore(), Clock.systemUTC())), OAuthProvider.THREADS, metrics);
    }

    private HttpPlatform gauged(HttpPlatform platform, OAuthProvider provider, MeterRegistry metrics) {
        Gauge.builder("earshot.connector.token.expires.at", platform,
                p -> TokenRefresher.epochSecondsOrNaN(p.tokenExpiresAt()))
                .baseUnit("seconds").description("when the platform's access token expires (NaN: unknown)")
                .tags("platform", provider.platform()).register(metrics);
        renewing.put(provider.platform(), platform);
        return platform;
    }

    /** Why each platform's last token renewal failed, while it has not succeeded since (the old token stays in use). */
    public Map<String, String> renewalFailures() {
        Map<String, String> failures = new TreeMap<>();
        renewing.forEach((platform, p) -> p.tokenRenewalFailure().ifPresent(f -> failures.put(platform, f)));
        return failures;
    }

    /** When each renewable platform token expires, where known. */
    public Map<String, Instant> tokenExpiries() {
        Map<String, Instant> expiries = new TreeMap<>();
        renewing.forEach((platform, p) -> p.tokenExpiresAt().ifPresent(e -> expiries.put(platform, e)));
        return expiries;
    }

    public Optional<PlatformConnector> of(String platform) {
        return Optional.ofNullable(byPlatform.get(platform));
    }

    public void tokenExpired(String platform, String reason) {
        expiredTokens.put(platform, reason);
    }

    public void tokenWorks(String platform) {
        expiredTokens.remove(platform);
    }

    public Map<String, String> expiredTokens() {
        return Map.copyOf(expiredTokens);
    }
}
