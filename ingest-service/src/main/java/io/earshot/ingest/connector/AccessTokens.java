package io.earshot.ingest.connector;

import io.earshot.commons.oauth.OAuthClient;
import io.earshot.commons.oauth.OAuthProvider;
import io.earshot.commons.oauth.RedisTokenStore;
import io.earshot.commons.oauth.TokenRefresher;
import io.earshot.ingest.config.OAuthClientConfig;
import io.earshot.ingest.config.ThreadsConfig;
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

/**
 * The access token of every connector that has one, renewed by refresh token where one is configured (Threads: by its
 * own long-lived token), and shared
 * through Redis with reply-service (which renews the same tokens). Their expiry is shown in health and as the gauge
 * {@code earshot_connector_token_expires_at_seconds{platform,account}}.
 */
@ApplicationScoped
public class AccessTokens {

    @Inject
    RedisCommands<String, String> redis;

    @Inject
    MeterRegistry metrics;

    private final Map<String, TokenRefresher> tokens = new ConcurrentHashMap<>();

    /** The token of one connector (made once, on first use). */
    public TokenRefresher of(OAuthProvider provider, String account, Optional<String> accessToken,
            Optional<String> refreshToken, OAuthClientConfig oauth, String userAgent) {
        String connector = provider.platform() + ":" + account;
        return tokens.computeIfAbsent(connector, c -> {
            Optional<OAuthClient> client = OAuthClient.of(provider, c, oauth.tokenUrl(), oauth.clientId(),
                    oauth.clientSecret(), refreshToken, userAgent);
            return gauged(provider, account, new TokenRefresher(accessToken, client, new RedisTokenStore(redis),
                    Duration.ofSeconds(10), oauth.renewBefore(), Clock.systemUTC()));
        });
    }

    /**
     * The long-lived token of one Threads profile, renewed with {@code th_refresh_token} when {@code renew} is on (the
     * renewed token is shared with reply-service, which holds the same token).
     */
    public TokenRefresher threads(String account, ThreadsConfig config) {
        String connector = OAuthProvider.THREADS.platform() + ":" + account;
        return tokens.computeIfAbsent(connector, c -> {
            ThreadsConfig.Account a = config.accounts().get(account);
            Optional<String> token = Optional.ofNullable(a.accessToken());
            return gauged(OAuthProvider.THREADS, account, new TokenRefresher(token, a.tokenExpiresAt(),
                    OAuthClient.threads(c, config.tokenUrl(), token, config.renew()), new RedisTokenStore(redis),
                    Duration.ofSeconds(10), config.renewBefore(), Clock.systemUTC()));
        });
    }

    private TokenRefresher gauged(OAuthProvider provider, String account, TokenRefresher refresher) {
        Gauge.builder("earshot.connector.token.expires.at", refresher,
                r -> TokenRefresher.epochSecondsOrNaN(r.expiresAt()))
                .baseUnit("seconds").description("when the connector's access token expires (NaN: unknown)")
                .tags("platform", provider.platform(), "account", account).register(metrics);
        return refresher;
    }

    /** Why each connector's last token renewal failed, while it has not succeeded since (shown in health). */
    public Map<String, String> renewalFailures() {
        Map<String, String> failures = new TreeMap<>();
        tokens.forEach((connector, t) -> t.failure().ifPresent(f -> failures.put(connector, f)));
        return failures;
    }

    /** When each connector's token expires, where known. */
    public Map<String, Instant> expiries() {
        Map<String, Instant> expiries = new TreeMap<>();
        tokens.forEach((connector, t) -> t.expiresAt().ifPresent(e -> expiries.put(connector, e)));
        return expiries;
    }
}
