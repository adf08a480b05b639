package io.earshot.ingest.connector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.earshot.commons.oauth.OAuthClient;
import io.earshot.commons.oauth.RedisTokenStore;
import io.earshot.commons.oauth.TokenRefresher;
import io.earshot.ingest.config.ThreadsConfig;
import io.earshot.ingest.redis.CursorStore;
import io.earshot.ingest.support.WireMockResource;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.lettuce.core.api.sync.RedisCommands;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The Threads poller's long-lived token, renewed against WireMock answering as Meta documents
 * {@code GET /refresh_access_token?grant_type=th_refresh_token}: a token 3 days from expiry is renewed once and the
 * renewed one used from the next call on; another holder of the same token (a second replica, reply-service) reads the
 * renewed token from Redis instead of renewing again; a refused renewal keeps the old token and shows in health.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
@QuarkusTestResource(WireMockResource.class)
class ThreadsTokenTest {

    private static final WireMockServer MOCK = WireMockResource.server();
    private static final String API = "/threads/v1.0";
    private static final String RENEW = "/threads/refresh_access_token";

    @Inject
    ThreadsConfig config;

    @Inject
    ThreadsPoller poller;

    @Inject
    CursorStore cursors;

    @Inject
    ConnectorStatus status;

    @Inject
    AccessTokens tokens;

    @Inject
    RedisCommands<String, String> redis;

    private static void mentionsWith(String account, String token) {
        MOCK.stubFor(get(urlPathEqualTo(API + "/1789" + account + "/mentions")).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(okJson("{\"data\":[]}")));
    }

    private static int renewals(String token) {
        return MOCK.findAll(getRequestedFor(urlPathEqualTo(RENEW)).withQueryParam("access_token", equalTo(token))).size();
    }

    @Test
    void aTokenNearExpiryIsRenewedOnceUsedNextAndReadFromRedisByTheOtherHolder() {
        MOCK.stubFor(get(urlPathEqualTo(RENEW)).withQueryParam("grant_type", equalTo("th_refresh_token"))
                .withQueryParam("access_token", equalTo("th-renewing-token"))
                .willReturn(okJson("{\"access_token\":\"th-renewed-token\",\"token_type\":\"bearer\",\"expires_in\":5183944}")));
        mentionsWith("renewing", "th-renewed-token");
        cursors.reset("threads", "renewing:mentions");

        assertNull(poller.poll("renewing", config.accounts().get("renewing"), "mentions").stop());
        assertNull(poller.poll("renewing", config.accounts().get("renewing"), "mentions").stop());
        assertEquals(1, renewals("th-renewing-token"), "renewed once");
        assertEquals(2, MOCK.findAll(getRequestedFor(urlPathEqualTo(API + "/1789renewing/mentions"))
                .withHeader("Authorization", equalTo("Bearer th-renewed-token"))).size(), "the renewed token is used");
        assertEquals(0, MOCK.findAll(getRequestedFor(urlPathEqualTo(API + "/1789renewing/mentions"))
                .withHeader("Authorization", equalTo("Bearer th-renewing-token"))).size());
        Instant expires = tokens.expiries().get("threads:renewing");
        assertTrue(expires.isAfter(Instant.now().plus(Duration.ofDays(59))), "60 days again: " + expires);
        assertEquals(ConnectorStatus.State.ok, status.of("threads", "renewing").state());

        // a second replica (or reply-service) configured with the same long-lived token: it reads Redis, not Threads
        String key = redis.keys(RedisTokenStore.PREFIX + "threads:*").stream()
                .filter(k -> "th-renewed-token".equals(redis.hget(k, "access_token"))).findFirst().orElseThrow();
        assertTrue(redis.ttl(key) > Duration.ofDays(59).toSeconds(), "kept while the renewed token lives");
        TokenRefresher other = new TokenRefresher(Optional.of("th-renewing-token"),
                Optional.of(Instant.now().plus(Duration.ofDays(3))),
                OAuthClient.threads("threads:renewing", config.tokenUrl(), Optional.of("th-renewing-token"), true),
                new RedisTokenStore(redis), Duration.ofSeconds(5), config.renewBefore(), Clock.systemUTC());
        assertEquals("th-renewed-token", other.current().orElseThrow());
        assertEquals(1, renewals("th-renewing-token"), "not renewed again");
    }

    @Test
    void aRefusedRenewalKeepsTheOldTokenInUseAndShowsInHealth() {
        MOCK.stubFor(get(urlPathEqualTo(RENEW)).withQueryParam("access_token", equalTo("th-refused-token"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
                        {"error":{"message":"Unsupported get request.","type":"THApiException","code":100,
                         "fbtrace_id":"AbC9"}}""")));
        mentionsWith("refused", "th-refused-token");
        cursors.reset("threads", "refused:mentions");

        assertNull(poller.poll("refused", config.accounts().get("refused"), "mentions").stop());
        assertNull(poller.poll("refused", config.accounts().get("refused"), "mentions").stop());
        assertEquals(1, renewals("th-refused-token"), "a refused renewal waits before the next attempt");
        assertEquals(2, MOCK.findAll(getRequestedFor(urlPathEqualTo(API + "/1789refused/mentions"))
                .withHeader("Authorization", equalTo("Bearer th-refused-token"))).size(), "the old token stays in use");
        Map<String, String> failures = tokens.renewalFailures();
        assertTrue(failures.get("threads:refused").contains("HTTP 400, Graph error 100"), failures.toString());

        String health = given().get("/q/health/ready").then().statusCode(200).extract().asString();
        assertTrue(health.contains("threads:refused token renewal") && health.contains("Graph error 100"), health);
        assertTrue(health.contains("WARNING"), health);
        assertFalse(health.contains("th-refused-token"), "the token is never shown");
    }
}
