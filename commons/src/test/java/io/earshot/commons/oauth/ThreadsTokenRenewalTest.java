package io.earshot.commons.oauth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Threads provider against WireMock answering as Meta documents {@code GET /refresh_access_token}: the long-lived
 * token is renewed with {@code th_refresh_token} only within {@code renew-before} of its expiry and once it is 24 hours
 * old, the renewed token is the one renewed next, a second holder of the same token adopts the shared one instead of
 * renewing, and a refusal keeps the old token in use and says why without the token.
 */
class ThreadsTokenRenewalTest {

    private static final String PATH = "/refresh_access_token";
    private static WireMockServer mock;
    private final Instant now = Instant.parse("2026-12-01T10:00:00Z");
    private final Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    private final MemoryStore store = new MemoryStore();

    /** The shared store as Redis would hold it, in memory. */
    static final class MemoryStore implements TokenStore {
        final Map<String, Stored> tokens = new HashMap<>();

        @Override
        public Optional<Stored> load(String key) {
            return Optional.ofNullable(tokens.get(key));
        }

        @Override
        public void save(String key, Stored token) {
            tokens.put(key, token);
        }
    }

    @BeforeAll
    static void start() {
        mock = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        mock.start();
    }

    @AfterAll
    static void stop() {
        mock.stop();
    }

    @BeforeEach
    void reset() {
        mock.resetAll();
    }

    private TokenRefresher threads(String token, Instant expiresAt) {
        return new TokenRefresher(Optional.of(token), Optional.ofNullable(expiresAt),
                OAuthClient.threads("threads:brand", Optional.of(mock.baseUrl() + PATH), Optional.of(token), true), store,
                Duration.ofSeconds(5), Duration.ofDays(7), clock);
    }

    private static void renews(String from, String to) {
        mock.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("grant_type", equalTo("th_refresh_token"))
                .withQueryParam("access_token", equalTo(from))
                .willReturn(okJson("{\"access_token\":\"" + to + "\",\"token_type\":\"bearer\",\"expires_in\":5183944}")));
    }

    @Test
    void aTokenNearItsExpiryIsRenewedOnceAndTheRenewedOneIsRenewedNext() {
        renews("th-old", "th-new");
        TokenRefresher tokens = threads("th-old", now.plus(Duration.ofDays(3)));

        assertEquals("th-new", tokens.current().orElseThrow());
        assertEquals("th-new", tokens.current().orElseThrow(), "60 days left: not renewed again");
        assertEquals(1, mock.findAll(getRequestedFor(urlPathEqualTo(PATH))).size());
        assertEquals(now.plusSeconds(5183944), tokens.expiresAt().orElseThrow());
        TokenStore.Stored shared = store.tokens.values().iterator().next();
        assertEquals("th-new", shared.accessToken());
        assertEquals("th-new", shared.refreshToken(), "the renewed token is what is renewed next");
        assertFalse(shared.toString().contains("th-new"));

        renews("th-new", "th-newer");
        assertInstanceOf(TokenRefresher.Fresh.class, tokens.refreshAfterRejection("th-new"));
        assertEquals("th-newer", tokens.current().orElseThrow());
    }

    @Test
    void aTokenFarFromItsExpiryOrYoungerThanADayIsNotRenewed() {
        renews("th-fresh", "th-x");
        assertEquals("th-fresh", threads("th-fresh", now.plus(Duration.ofDays(30))).current().orElseThrow());
        TokenRefresher young = new TokenRefresher(Optional.of("th-fresh"), Optional.of(now.plus(Duration.ofDays(59)).plusSeconds(600)),
                OAuthClient.threads("threads:brand", Optional.of(mock.baseUrl() + PATH), Optional.of("th-fresh"), true), store,
                Duration.ofSeconds(5), Duration.ofDays(60), clock);
        assertEquals("th-fresh", young.current().orElseThrow(), "under 24 hours old, even with renew-before 60 days");
        assertEquals(0, mock.findAll(getRequestedFor(urlPathEqualTo(PATH))).size());
    }

    @Test
    void theOtherServiceAdoptsTheSharedTokenInsteadOfRenewing() {
        renews("th-old", "th-new");
        Instant soon = now.plus(Duration.ofDays(2));
        assertEquals("th-new", threads("th-old", soon).current().orElseThrow());
        TokenRefresher other = threads("th-old", soon);
        assertEquals("th-new", other.current().orElseThrow());
        assertEquals(1, mock.findAll(getRequestedFor(urlPathEqualTo(PATH))).size(), "renewed by one holder only");
        assertEquals(now.plusSeconds(5183944), other.expiresAt().orElseThrow());
    }

    @Test
    void aRefusedRenewalKeepsTheOldTokenAndSaysWhyWithoutIt() {
        mock.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Unsupported request - method type: get\",\"type\":\"THApiException\",\"code\":100}}")));
        TokenRefresher tokens = threads("th-old", now.plus(Duration.ofDays(1)));

        assertEquals("th-old", tokens.current().orElseThrow(), "the old token stays in use");
        assertEquals("th-old", tokens.current().orElseThrow());
        assertEquals(1, mock.findAll(getRequestedFor(urlPathEqualTo(PATH))).size(), "not asked again within the hour");
        String failure = tokens.failure().orElseThrow();
        assertTrue(failure.contains("HTTP 400") && failure.contains("Graph error 100"), failure);
        assertFalse(failure.contains("th-old"));
        assertTrue(store.tokens.isEmpty());
    }

    @Test
    void anExpiredTokenIsRefusedForGoodAndNotTriedAgain() {
        mock.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Error validating access token: Session has expired\",\"type\":\"OAuthException\",\"code\":190}}")));
        TokenRefresher tokens = threads("th-dead", now.minus(Duration.ofHours(1)));

        TokenRefresher.Failed failed = assertInstanceOf(TokenRefresher.Failed.class, tokens.refreshAfterRejection("th-dead"));
        assertTrue(failed.permanent());
        assertInstanceOf(TokenRefresher.Failed.class, tokens.refreshAfterRejection("th-dead"));
        assertEquals(1, mock.findAll(getRequestedFor(urlPathEqualTo(PATH))).size());
    }

    @Test
    void renewalIsOffWhenSwitchedOffOrNoTokenIsConfiguredAndTheClientHidesTheToken() {
        assertTrue(OAuthClient.threads("threads:brand", Optional.empty(), Optional.of("th-secret"), false).isEmpty());
        assertTrue(OAuthClient.threads("threads:brand", Optional.empty(), Optional.of(" "), true).isEmpty());
        OAuthClient client = OAuthClient.threads("threads:brand", Optional.empty(), Optional.of("th-secret"), true).orElseThrow();
        assertEquals("https://graph.threads.net/refresh_access_token", client.tokenUrl());
        assertFalse(client.toString().contains("th-secret"));
        assertFalse(new TokenRefresher.Fresh("th-secret").toString().contains("th-secret"));
    }
}
