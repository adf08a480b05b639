package io.earshot.commons.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * One platform access token that renews itself with the OAuth {@code refresh_token} grant: shortly before it expires,
 * and once after the platform refused it (the caller then retries once). Shared by ingest-service's pollers and
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
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

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
    private Instant failedAt;

    /**
     * @param accessToken the configured access token, if any (its expiry is unknown: it is renewed when refused)
     * @param client how to renew it; empty: the token is used as configured and never renewed
     * @param store where renewed tokens are shared, or null
     * @param timeout of one call to the token endpoint
     * @param skew how long before the expiry a token is renewed
     */
    public TokenRefresher(Optional<String> accessToken, Optional<OAuthClient> client, TokenStore store, Duration timeout,
            Duration skew, Clock clock) {
        this.accessToken = accessToken.filter(t -> !t.isBlank()).orElse(null);
        this.client = client.orElse(null);
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
        if (client != null && !dead && (accessToken == null || nearExpiry())) {
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
                failedAt = null;
            }
        });
    }

    private Result refresh() {
        if (dead) {
            return new Failed(failure, true);
        }
        Instant now = clock.instant();
        if (failedAt != null && now.isBefore(failedAt.plus(RETRY_AFTER_FAILURE))) {
            return new Failed(failure, false);
        }
        StringBuilder form = new StringBuilder("grant_type=refresh_token&refresh_token=").append(enc(refreshToken));
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(client.tokenUrl())).timeout(timeout)
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json");
        } catch (IllegalArgumentException e) {
            return fail("the token URL is not valid", true, now);
        }
        if (client.provider().basicAuth()) {
            String basic = Base64.getEncoder().encodeToString((client.clientId() + ":" + client.clientSecret()).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + basic);
        } else {
            form.append("&client_id=").append(enc(client.clientId())).append("&client_secret=").append(enc(client.clientSecret()));
        }
        if (client.userAgent() != null) {
            request.header("User-Agent", client.userAgent());
        }
        HttpResponse<String> response;
        try {
            response = HTTP.send(request.POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return fail("the token endpoint is unreachable (" + e.getClass().getSimpleName() + ")", false, now);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted", false, now);
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body() == null || response.body().isBlank() ? "{}" : response.body());
        } catch (IOException e) {
            body = JSON.createObjectNode();
        }
        String token = body.path("access_token").asText("");
        if (response.statusCode() == 200 && !token.isEmpty()) {
            accessToken = token;
            long seconds = body.path("expires_in").asLong(0); // Trustpilot sends it as a string
            expiresAt = seconds > 0 ? now.plusSeconds(seconds) : null;
            String rotated = body.path("refresh_token").asText("");
            if (!rotated.isEmpty()) {
                refreshToken = rotated;
            }
            failure = null;
            failedAt = null;
            if (store != null) {
                store.save(storeKey, new TokenStore.Stored(accessToken, expiresAt, refreshToken));
            }
            LOG.infof("renewed the %s access token of %s; it expires at %s", client.provider().platform(), client.label(),
                    expiresAt == null ? "an unknown time" : expiresAt);
            return new Fresh(accessToken);
        }
        String error = body.path("error").isTextual() ? body.path("error").asText() : "";
        String description = body.path("error_description").asText("");
        int status = response.statusCode();
        boolean permanent = "invalid_grant".equals(error) || "invalid_client".equals(error) || "unauthorized_client".equals(error)
                || (status >= 400 && status < 500 && status != 429 && status != 408);
        String reason = "token refresh refused (HTTP " + status + (error.isEmpty() ? "" : ", " + error)
                + (description.isEmpty() ? "" : ": " + cut(description)) + ")";
        return fail(reason, permanent, now);
    }

    private Failed fail(String reason, boolean permanent, Instant now) {
        failure = reason;
        failedAt = now;
        dead = permanent;
        LOG.warnf("could not renew the %s access token of %s: %s%s", client.provider().platform(), client.label(), reason,
                permanent ? "; a new refresh token is needed" : "; will retry");
        return new Failed(reason, permanent);
    }

    private static String cut(String s) {
        String oneLine = s.replaceAll("[\\r\\n\\t]+", " ");
        return oneLine.length() > 160 ? oneLine.substring(0, 160) + "..." : oneLine;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
