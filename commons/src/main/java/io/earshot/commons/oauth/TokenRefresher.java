package io.earshot.commons.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * One platform access token that renews itself with the OAuth {@code refresh_token} grant (Threads: its own
 * {@code th_refresh_token} grant): shortly before it expires, and once after the platform refused it (the caller then
 * retries once). Shared by ingest-service's pollers and
 * reply-service's publishers, so both renew tokens the same way, and through a {@link TokenStore} they share the
 * renewed token instead of each refreshing.
 *
 * <p>A refresh the token endpoint refuses for good ({@code invalid_grant}: the refresh token expired or was revoked;
 * {@code invalid_client}) is not tried again until a renewed token appears in the store or the service restarts with
 * a new secret; other failures (endpoint down, 429, 5xx) are retried at most every 30 seconds. Tokens and secrets are
 * never logged and never part of a failure reason.
 */
public final class TokenRefresher {

    /** What asking for a renewed token came to. */
    public sealed interface Result {
    }

    /** A token to retry with. */
    public record Fresh(String accessToken) implements Result {
        @Override
        public String toString() {
            return "Fresh[token hidden]";
        }
    }

    /** No token: why (safe to show), and whether asking again can help. */
    public record Failed(String reason, boolean permanent) implements Result {
    }

    private static final Logger LOG = Logger.getLogger(TokenRefresher.class);
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(30);
    /** A Threads renewal refused for a reason other than an expired token (it may be under 24 hours old). */
    private static final Duration RETRY_AFTER_REFUSAL = Duration.ofHours(1);

    private final OAuthClient client;
    private final TokenStore store;
    private final String storeKey;
    private final Duration timeout;
    private final Duration skew;
    private final Clock clock;

    private String accessToken;
    private Instant expiresAt;
    private String refreshToken;
    private String failure;
    private boolean dead;
    private Instant retryAt;

    /**
     * @param accessToken the configured access token, if any (its expiry is unknown: it is renewed when refused)
     * @param client how to renew it; empty: the token is used as configured and never renewed
     * @param store where renewed tokens are shared, or null
     * @param timeout of one call to the token endpoint
     * @param skew how long before the expiry a token is renewed
     */
    public TokenRefresher(Optional<String> accessToken, Optional<OAuthClient> client, TokenStore store, Duration timeout,
            Duration skew, Clock clock) {
        this(accessToken, Optional.empty(), client, store, timeout, skew, clock);
    }

    /**
     * A token whose expiry is configured (Threads: the long-lived token's, when known). A Threads token of unknown
     * expiry is renewed on first use, which tells its expiry.
     */
    public TokenRefresher(Optional<String> accessToken, Optional<Instant> expiresAt, Optional<OAuthClient> client,
            TokenStore store, Duration timeout, Duration skew, Clock clock) {
        this.client = client.orElse(null);
        boolean own = this.client != null && this.client.provider().renewsOwnToken();
        this.accessToken = accessToken.filter(t -> !t.isBlank()).orElse(own ? this.client.refreshToken() : null);
        this.expiresAt = expiresAt.orElse(null);
        this.store = this.client == null ? null : store;
        this.refreshToken = this.client == null ? null : this.client.refreshToken();
        this.storeKey = this.client == null ? null
                : this.client.provider().platform() + ":" + sha256(this.client.clientId() + "|" + this.client.refreshToken()).substring(0, 24);
        this.timeout = timeout;
        this.skew = skew;
        this.clock = clock;
    }

    public TokenRefresher(Optional<String> accessToken, Optional<OAuthClient> client, TokenStore store) {
        this(accessToken, client, store, Duration.ofSeconds(10), Duration.ofMinutes(5), Clock.systemUTC());
    }

    /** Whether a refresh token is configured. */
    public boolean refreshable() {
        return client != null;
    }

    /** The token to call with: renewed first when it is missing or about to expire (and that is possible). */
    public synchronized Optional<String> current() {
        adoptShared();
        if (client != null && !dead && (accessToken == null || due())) {
            refresh();
        }
        return Optional.ofNullable(accessToken);
    }

    /**
     * The platform refused {@code rejected}: a token to retry with once (renewed now, or already renewed by another
     * caller or the other service), or why there is none.
     */
    public synchronized Result refreshAfterRejection(String rejected) {
        if (client == null) {
            return new Failed("the access token was refused and no refresh token is configured", true);
        }
        adoptShared();
        if (accessToken != null && !accessToken.equals(rejected) && !nearExpiry()) {
            return new Fresh(accessToken);
        }
        return refresh();
    }

    /** When the current token expires, when known (a configured token's expiry is not). */
    public synchronized Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    /**
     * An expiry as a gauge value: epoch seconds, or NaN while unknown. Not 0: the expiry alerts compare the value with
     * the time, and an unknown expiry must not read as one long past.
     */
    public static double epochSecondsOrNaN(Optional<Instant> expiresAt) {
        return expiresAt.map(e -> (double) e.getEpochSecond()).orElse(Double.NaN);
    }

    /** Why the last refresh failed, while it has not succeeded since. */
    public synchronized Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    private boolean nearExpiry() {
        return expiresAt != null && !clock.instant().isBefore(expiresAt.minus(skew));
    }

    /**
     * Whether to renew before calling: near its expiry; for a token that renews itself (Threads) also when its expiry
     * is unknown, but never while it is younger than the platform's minimum age (told by its lifetime left).
     */
    private boolean due() {
        if (!client.provider().renewsOwnToken()) {
            return nearExpiry();
        }
        if (expiresAt == null) {
            return true;
        }
        Instant issued = expiresAt.minus(client.provider().lifetime());
        return nearExpiry() && !clock.instant().isBefore(issued.plus(client.provider().minimumAge()));
    }

    private void adoptShared() {
        if (store == null) {
            return;
        }
        store.load(storeKey).ifPresent(s -> {
            boolean newer = s.expiresAt() != null && (expiresAt == null || s.expiresAt().isAfter(expiresAt));
            if (newer && !s.accessToken().equals(accessToken)) {
                accessToken = s.accessToken();
                expiresAt = s.expiresAt();
                if (s.refreshToken() != null && !s.refreshToken().isEmpty()) {
                    refreshToken = s.refreshToken();
                }
                dead = false;
                failure = null;
                retryAt = null;
            }
        });
    }

    private Result refresh() {
        if (dead) {
            return new Failed(failure, true);
        }
        Instant now = clock.instant();
        if (retryAt != null && now.isBefore(retryAt)) {
            return new Failed(failure, false);
        }
        TokenEndpoint.Answer answer;
        try {
            answer = TokenEndpoint.call(client, refreshToken, timeout);
        } catch (IllegalArgumentException e) {
            return fail("the token URL is not valid", true, now);
        } catch (IOException e) {
            return fail("the token endpoint is unreachable (" + e.getClass().getSimpleName() + ")", false, now);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted", false, now);
        }
        JsonNode body = answer.body();
        String token = body.path("access_token").asText("");
        int status = answer.status();
        if (status == 200 && !token.isEmpty()) {
            accessToken = token;
            long seconds = body.path("expires_in").asLong(0); // Trustpilot sends it as a string
            expiresAt = seconds > 0 ? now.plusSeconds(seconds) : null;
            String rotated = client.provider().renewsOwnToken() ? token : body.path("refresh_token").asText("");
            if (!rotated.isEmpty()) {
                refreshToken = rotated;
            }
            failure = null;
            retryAt = null;
            if (store != null) {
                store.save(storeKey, new TokenStore.Stored(accessToken, expiresAt, refreshToken));
            }
            LOG.infof("renewed the %s access token of %s; it expires at %s", client.provider().platform(), client.label(),
                    expiresAt == null ? "an unknown time" : expiresAt);
            return new Fresh(accessToken);
        }
        boolean refused = status >= 400 && status < 500 && status != 429 && status != 408;
        if (client.provider().renewsOwnToken()) {
            // a Graph error: 190 is a token expired or revoked; anything else (e.g. a token under 24 hours old) may pass later
            JsonNode graph = body.path("error");
            int code = graph.path("code").asInt(-1);
            String message = graph.path("message").asText("");
            String reason = "token renewal refused (HTTP " + status + (code < 0 ? "" : ", Graph error " + code)
                    + (message.isEmpty() ? "" : ": " + cut(message)) + ")";
            return code == 190 ? fail(reason, true, now) : fail(reason, false, now, refused ? RETRY_AFTER_REFUSAL : RETRY_AFTER_FAILURE);
        }
        String error = body.path("error").isTextual() ? body.path("error").asText() : "";
        String description = body.path("error_description").asText("");
        boolean permanent = "invalid_grant".equals(error) || "invalid_client".equals(error) || "unauthorized_client".equals(error)
                || refused;
        String reason = "token refresh refused (HTTP " + status + (error.isEmpty() ? "" : ", " + error)
                + (description.isEmpty() ? "" : ": " + cut(description)) + ")";
        return fail(reason, permanent, now);
    }

    private Failed fail(String reason, boolean permanent, Instant now) {
        return fail(reason, permanent, now, RETRY_AFTER_FAILURE);
    }

    private Failed fail(String reason, boolean permanent, Instant now, Duration retryIn) {
        failure = reason;
        retryAt = now.plus(retryIn);
        dead = permanent;
        LOG.warnf("could not renew the %s access token of %s: %s%s", client.provider().platform(), client.label(), reason,
                permanent ? "; a new " + (client.provider().renewsOwnToken() ? "long-lived token" : "refresh token") + " is needed"
                        : "; will retry after " + retryIn);
        return new Failed(reason, permanent);
    }

    private static String cut(String s) {
        String oneLine = s.replaceAll("[\\r\\n\\t]+", " ");
        return oneLine.length() > 160 ? oneLine.substring(0, 160) + "..." : oneLine;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
