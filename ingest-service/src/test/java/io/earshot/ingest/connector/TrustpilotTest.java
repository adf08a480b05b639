package io.earshot.ingest.connector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.earshot.ingest.config.TrustpilotConfig;
import io.earshot.ingest.redis.CursorStore;
import io.earshot.ingest.domain.Versions;
import io.earshot.ingest.support.Ingested;
import io.earshot.ingest.support.WireMockResource;
import io.earshot.testsupport.EventSchemas;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Trustpilot private service reviews against WireMock answers shaped as the Business Units API documents them:
 * {@code reviews} with {@code stars}, {@code title}, {@code text}, {@code createdAt}/{@code updatedAt}, numbered pages
 * of {@code perPage}, 401 for an expired token and 429 with {@code Retry-After}.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
@QuarkusTestResource(WireMockResource.class)
class TrustpilotTest {

    private static final WireMockServer MOCK = WireMockResource.server();
    private static final String SHOP = "/tp/v1/private/business-units/46d6a890000064000500e0c3/reviews";
    private static final String TOKEN = "/tp/v1/oauth/oauth-business-users-for-applications/refresh";
    private static final String BUSY = "/tp/v1/private/business-units/46d6a890000064000500e0c4/reviews";
    private static Ingested ingested;

    @Inject
    TrustpilotConfig config;

    @Inject
    TrustpilotPoller poller;

    @Inject
    AccessTokens tokens;

    @Inject
    CursorStore cursors;

    @BeforeAll
    static void open() {
        ingested = new Ingested();
    }

    @AfterAll
    static void close() {
        ingested.close();
    }

    static String review(String id, int stars, String title, String text, String created, String updated) {
        return """
                {"id":"%1$s","consumer":{"id":"5c1a4f0b0000ff0001a2b3c4","displayName":"Omar K","email":"omar@example.com",
                 "numberOfReviews":3},"businessUnit":{"id":"46d6a890000064000500e0c3","identifyingName":"shop.example"},
                 "stars":%2$d,"title":"%3$s","text":"%4$s","language":"%7$s","location":null,"status":"active",
                 "isVerified":true,"createdAt":"%5$s","updatedAt":%6$s,"experiencedAt":"2026-11-01T00:00:00Z",
                 "referralEmail":"omar@example.com"}"""
                .formatted(id, stars, title, text, created, updated == null ? "null" : "\"" + updated + "\"",
                        id.endsWith("ar") ? "ar" : "en");
    }

    @Test
    void readsPagesCarriesStarsAndLanguageKeepsNoEmailAndPublishesEdits() {
        List<String> full = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            full.add(review("r1-" + i, 4, "Fine", "ok " + i, "2026-11-10T10:00:00Z", null));
        }
        full.set(0, review("r1-newar", 1, "سيء", "لم يصل الطلب", "2026-11-20T10:00:00Z", null));
        MOCK.stubFor(get(urlPathEqualTo(SHOP)).withQueryParam("page", equalTo("1")).withQueryParam("orderBy", equalTo("createdat.desc"))
                .withHeader("Authorization", equalTo("Bearer tp-token"))
                .willReturn(okJson("{\"reviews\":[" + String.join(",", full) + "]}")));
        MOCK.stubFor(get(urlPathEqualTo(SHOP)).withQueryParam("page", equalTo("2"))
                .willReturn(okJson("{\"reviews\":[" + review("r0-old", 5, "Great", "Quick delivery", "2026-09-01T10:00:00Z", null) + "]}")));
        cursors.reset("trustpilot", "shop");

        PollResult first = poller.poll("shop", config.businessUnits().get("shop"));
        assertEquals(101, first.read());
        assertTrue(first.cursorAdvanced());
        assertEquals("2026-11-20T10:00:00Z", cursors.get("trustpilot", "shop").orElseThrow());
        await().atMost(Duration.ofSeconds(10)).until(() -> ingested.of("trustpilot", "r1-newar").size() == 1);
        JsonNode event = ingested.of("trustpilot", "r1-newar").get(0);
        assertEquals(1, event.get("context").get("starRating").asInt());
        assertEquals("ar", event.get("lang").asText());
        assertEquals("سيء\n\nلم يصل الطلب", event.get("text").asText());
        assertFalse(event.toString().contains("omar@example.com"), "the reviewer's e-mail stays at Trustpilot");
        assertEquals(List.of(), EventSchemas.violations("comments.ingested", event.toString()));

        // a recent review is edited; the next poll reads back through the edit window (page 1 only) and publishes it once
        full.set(1, review("r1-1", 2, "Fine", "ok 1, but the second order was lost", "2026-11-10T10:00:00Z", "2026-11-21T09:00:00Z"));
        MOCK.stubFor(get(urlPathEqualTo(SHOP)).withQueryParam("page", equalTo("1"))
                .willReturn(okJson("{\"reviews\":[" + String.join(",", full) + "]}")));
        int pageTwo = MOCK.findAll(getRequestedFor(urlPathEqualTo(SHOP)).withQueryParam("page", equalTo("2"))).size();
        PollResult second = poller.poll("shop", config.businessUnits().get("shop"));
        assertEquals(1, second.accepted());
        await().atMost(Duration.ofSeconds(10)).until(() -> ingested.of("trustpilot", "r1-1").size() == 2);
        JsonNode edit = ingested.of("trustpilot", "r1-1").get(1);
        assertEquals("edited", edit.get("action").asText());
        assertEquals(Versions.fromTime(Instant.parse("2026-11-21T09:00:00Z"), Instant.now()), edit.get("version").asInt(),
                "an edit is numbered by its updatedAt");
        assertEquals(2, edit.get("context").get("starRating").asInt());
        assertEquals(pageTwo + 1, MOCK.findAll(getRequestedFor(urlPathEqualTo(SHOP)).withQueryParam("page", equalTo("2"))).size(),
                "page 2 is read again up to the edit window, and no further");
        assertEquals(0, poller.poll("shop", config.businessUnits().get("shop")).accepted(), "nothing twice");
    }

    @Test
    void a429WaitsForRetryAfterAndAnExpiredTokenKeepsTheCursor() {
        MOCK.stubFor(get(urlPathEqualTo(BUSY)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));
        cursors.advance("trustpilot", "busy", "2026-11-01T00:00:00Z");
        assertEquals("rate_limited", poller.poll("busy", config.businessUnits().get("busy")).stop());
        int calls = MOCK.findAll(getRequestedFor(urlPathEqualTo(BUSY))).size();
        assertEquals("rate_limited", poller.poll("busy", config.businessUnits().get("busy")).stop());
        assertEquals(calls, MOCK.findAll(getRequestedFor(urlPathEqualTo(BUSY))).size(), "no call before Retry-After");

        cursors.reset("trustpilot", "shop-expired");
        MOCK.stubFor(get(urlPathEqualTo(SHOP)).withHeader("Authorization", equalTo("Bearer expired"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"fault\":{\"faultstring\":\"Access Token expired\",\"detail\":{\"errorcode\":\"keymanagement.service.access_token_expired\"}}}")));
        TrustpilotConfig.BusinessUnit expired = new TrustpilotConfig.BusinessUnit() {
            @Override
            public String id() {
                return "46d6a890000064000500e0c3";
            }

            @Override
            public Optional<String> accessToken() {
                return Optional.of("expired");
            }

            @Override
            public Optional<String> refreshToken() {
                return Optional.empty();
            }
        };
        PollResult result = poller.poll("shop-expired", expired);
        assertEquals("token", result.stop());
        assertFalse(result.cursorAdvanced());
        assertTrue(cursors.get("trustpilot", "shop-expired").isEmpty());
    }

    @Test
    void aBusinessUnitWithOnlyARefreshTokenGetsItsAccessTokenFirstAndKeepsTheRotatedRefreshToken() {
        String path = "/tp/v1/private/business-units/46d6a890000064000500e0c5/reviews";
        MOCK.stubFor(post(urlPathEqualTo(TOKEN)).withBasicAuth("tp-api-key", "tp-api-secret")
                .withRequestBody(equalTo("grant_type=refresh_token&refresh_token=tp-refresh"))
                .willReturn(okJson("{\"access_token\": \"tp-new\", \"refresh_token\": \"tp-refresh-2\", \"expires_in\": \"359999\"}")));
        MOCK.stubFor(get(urlPathEqualTo(path)).withHeader("Authorization", equalTo("Bearer tp-new"))
                .willReturn(okJson("{\"reviews\":[],\"links\":[]}")));
        cursors.reset("trustpilot", "renewing");
        PollResult result = poller.poll("renewing", config.businessUnits().get("renewing"));
        assertNull(result.stop());
        assertEquals(1, MOCK.findAll(postRequestedFor(urlPathEqualTo(TOKEN))).size());
        Instant expires = tokens.expiries().get("trustpilot:renewing");
        assertTrue(expires.isAfter(Instant.now().plus(Duration.ofHours(99))), "expires_in arrives as a string: " + expires);

        // the access token is refused later (revoked): renewed with the rotated refresh token, then the call retried
        MOCK.stubFor(get(urlPathEqualTo(path)).withHeader("Authorization", equalTo("Bearer tp-new"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"fault\":{\"faultstring\":\"Invalid Access Token\",\"detail\":{\"errorcode\":\"keymanagement.service.invalid_access_token\"}}}")));
        MOCK.stubFor(post(urlPathEqualTo(TOKEN)).withRequestBody(equalTo("grant_type=refresh_token&refresh_token=tp-refresh-2"))
                .willReturn(okJson("{\"access_token\": \"tp-newer\", \"refresh_token\": \"tp-refresh-3\", \"expires_in\": \"359999\"}")));
        MOCK.stubFor(get(urlPathEqualTo(path)).withHeader("Authorization", equalTo("Bearer tp-newer"))
                .willReturn(okJson("{\"reviews\":[],\"links\":[]}")));
        assertNull(poller.poll("renewing", config.businessUnits().get("renewing")).stop());
        assertEquals(2, MOCK.findAll(postRequestedFor(urlPathEqualTo(TOKEN))).size());
    }
}
