package io.earshot.ingest.connector;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
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
import io.earshot.ingest.config.GoogleReviewsConfig;
import io.earshot.ingest.messaging.Topics;
import io.earshot.ingest.redis.CursorStore;
import io.earshot.ingest.domain.Versions;
import io.earshot.ingest.support.Ingested;
import io.earshot.ingest.support.WireMockResource;
import io.earshot.testsupport.EventSchemas;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.earshot.testsupport.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Google Business Profile reviews against WireMock answers shaped as {@code accounts.locations.reviews.list}
 * documents them: {@code reviews}, {@code nextPageToken}, {@code starRating} ONE..FIVE, {@code updateTime} after
 * {@code createTime} for an edited review, and Google's error body for an expired token.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
@QuarkusTestResource(WireMockResource.class)
class GoogleReviewsTest {

    private static final WireMockServer MOCK = WireMockResource.server();
    private static final String TOKEN = "/google-oauth/token";
    private static final String UNAUTHENTICATED = """
            {"error":{"code":401,"message":"Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.","status":"UNAUTHENTICATED"}}""";
    private static final String SHOP = "/gbp/v4/accounts/111/locations/222/reviews";
    private static Ingested ingested;
    private static TopicReader statuses;

    @Inject
    GoogleReviewsConfig config;

    @Inject
    GoogleReviewsPoller poller;

    @Inject
    ConnectorStatus status;

    @Inject
    CursorStore cursors;

    @BeforeAll
    static void open() {
        ingested = new Ingested();
        statuses = new TopicReader(Topics.CONNECTOR_STATUS);
    }

    @AfterAll
    static void close() {
        ingested.close();
        statuses.close();
    }

    static String review(String id, String stars, String comment, String created, String updated) {
        return """
                {"name":"accounts/111/locations/222/reviews/%1$s","reviewId":"%1$s",
                 "reviewer":{"profilePhotoUrl":"https://lh3.googleusercontent.com/a/x","displayName":"Priya N","isAnonymous":false},
                 "starRating":"%2$s","comment":"%3$s","createTime":"%4$s","updateTime":"%5$s"}"""
                .formatted(id, stars, comment, created, updated);
    }

    static String page(String nextPageToken, String... reviews) {
        return "{\"reviews\":[" + String.join(",", reviews) + "],\"averageRating\":3.4,\"totalReviewCount\":57"
                + (nextPageToken == null ? "" : ",\"nextPageToken\":\"" + nextPageToken + "\"") + "}";
    }

    @Test
    void pagesByUpdateTimeCarriesTheStarsAndPublishesAnEditedReviewAsANewVersion() {
        MOCK.stubFor(get(urlPathEqualTo(SHOP)).withQueryParam("pageToken", absent())
                .withQueryParam("orderBy", equalTo("updateTime desc")).withHeader("Authorization", equalTo("Bearer gbp-token"))
                .willReturn(okJson(page("CiAKGAoQ",
                        review("AbFvOqn1", "ONE", "Cold food and a 40 minute wait.", "2026-11-20T18:02:11.338Z", "2026-11-20T18:02:11.338Z"),
                        review("AbFvOqn0", "FIVE", "Lovely staff!", "2026-11-19T09:00:00Z", "2026-11-19T09:00:00Z")))));
        MOCK.stubFor(get(urlPathEqualTo(SHOP)).withQueryParam("pageToken", equalTo("CiAKGAoQ"))
                .willReturn(okJson(page(null,
                        review("AbFvOqm9", "THREE", "", "2026-10-01T12:00:00Z", "2026-10-01T12:00:00Z")))));
        cursors.reset("google", "shop");

        PollResult first = poller.poll("shop", config.locations().get("shop"));
        assertEquals(3, first.read());
        assertTrue(first.cursorAdvanced());
        assertNull(first.stop());
        assertEquals("2026-11-20T18:02:11.338Z", cursors.get("google", "shop").orElseThrow());
        await().atMost(Duration.ofSeconds(10)).until(() -> ingested.of("google", "accounts/111/locations/222/reviews/AbFvOqn1").size() == 1);
        JsonNode event = ingested.of("google", "accounts/111/locations/222/reviews/AbFvOqn1").get(0);
        assertEquals(1, event.get("context").get("starRating").asInt());
        assertEquals("created", event.get("action").asText());
        assertEquals("accounts/111/locations/222", event.get("account").asText());
        assertEquals("Priya N", event.get("author").get("displayName").asText());
        assertEquals(List.of(), EventSchemas.violations("comments.ingested", event.toString()));
        await().atMost(Duration.ofSeconds(10)).until(() -> ingested.of("google", "accounts/111/locations/222/reviews/AbFvOqm9").size() == 1);
        assertEquals(3, ingested.of("google", "accounts/111/locations/222/reviews/AbFvOqm9").get(0).get("context").get("starRating").asInt(),
                "a rating without text is still a review to see");

        // the one-star reviewer edits: text and stars change, updateTime moves past the cursor; paging stops at the cursor
        MOCK.stubFor(get(urlPathEqualTo(SHOP)).withQueryParam("pageToken", absent())
                .willReturn(okJson(page("CiAKGAoQ",
                        review("AbFvOqn1", "THREE", "Cold food, but the manager called me and made it right.",
                                "2026-11-20T18:02:11.338Z", "2026-11-22T08:15:00Z"),
                        review("AbFvOqn0", "FIVE", "Lovely staff!", "2026-11-19T09:00:00Z", "2026-11-19T09:00:00Z")))));
        int pageTwoCalls = MOCK.findAll(getRequestedFor(urlPathEqualTo(SHOP)).withQueryParam("pageToken", equalTo("CiAKGAoQ"))).size();
        PollResult second = poller.poll("shop", config.locations().get("shop"));
        assertEquals(1, second.read());
        assertEquals(1, second.accepted());
        assertEquals(pageTwoCalls, MOCK.findAll(getRequestedFor(urlPathEqualTo(SHOP)).withQueryParam("pageToken", equalTo("CiAKGAoQ"))).size(),
                "older pages are not read again");
        await().atMost(Duration.ofSeconds(10)).until(() -> ingested.of("google", "accounts/111/locations/222/reviews/AbFvOqn1").size() == 2);
        JsonNode edit = ingested.of("google", "accounts/111/locations/222/reviews/AbFvOqn1").get(1);
        assertEquals("edited", edit.get("action").asText());
        assertEquals(Versions.fromTime(Instant.parse("2026-11-22T08:15:00Z"), Instant.now()), edit.get("version").asInt(),
                "an edit is numbered by its updateTime");
        assertEquals(3, edit.get("context").get("starRating").asInt());
        assertEquals(event.get("commentId").asText(), edit.get("commentId").asText(), "the same item");

        // polling again publishes nothing new (the review at the cursor is read again and deduplicated)
        PollResult third = poller.poll("shop", config.locations().get("shop"));
        assertEquals(0, third.accepted());
    }

    @Test
    void anExpiredTokenStopsPollingKeepsTheCursorAndSaysSo() {
        MOCK.stubFor(get(urlPathEqualTo("/gbp/v4/accounts/111/locations/333/reviews"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json").withBody(UNAUTHENTICATED)));
        MOCK.stubFor(post(urlPathEqualTo(TOKEN)).withRequestBody(containing("refresh_token=gbp-revoked-refresh"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": \"invalid_grant\", \"error_description\": \"Token has been expired or revoked.\"}")));
        cursors.advance("google", "lapsed", "2026-11-01T00:00:00Z");
        PollResult result = poller.poll("lapsed", config.locations().get("lapsed"));
        assertEquals("token", result.stop());
        assertFalse(result.cursorAdvanced());
        assertEquals("2026-11-01T00:00:00Z", cursors.get("google", "lapsed").orElseThrow());
        await().atMost(Duration.ofSeconds(10)).until(() -> statuses.poll().stream()
                .anyMatch(r -> r.value().contains("\"connector\":\"google:lapsed\"") && r.value().contains("token_expired")));
        assertTrue(statuses.poll().stream().noneMatch(r -> r.value().contains("gbp-lapsed-token")), "the token is never published");
        assertEquals(1, MOCK.findAll(postRequestedFor(urlPathEqualTo(TOKEN))
                .withRequestBody(containing("refresh_token=gbp-revoked-refresh"))).size(), "renewal tried once");
        assertTrue(status.of("google", "lapsed").reason().contains("invalid_grant"), status.of("google", "lapsed").reason());
        assertTrue(statuses.poll().stream().noneMatch(r -> r.value().contains("gbp-revoked-refresh")));

        // the next poll does not ask the token endpoint again with a refresh token it refused for good
        assertEquals("token", poller.poll("lapsed", config.locations().get("lapsed")).stop());
        assertEquals(1, MOCK.findAll(postRequestedFor(urlPathEqualTo(TOKEN))
                .withRequestBody(containing("refresh_token=gbp-revoked-refresh"))).size());
        assertEquals("2026-11-01T00:00:00Z", cursors.get("google", "lapsed").orElseThrow(), "nothing lost: the cursor waits");
    }

    @Test
    void aRefusedTokenIsRenewedWithTheRefreshTokenAndThePollGoesOn() {
        String path = "/gbp/v4/accounts/111/locations/444/reviews";
        MOCK.stubFor(get(urlPathEqualTo(path)).withHeader("Authorization", equalTo("Bearer gbp-old"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json").withBody(UNAUTHENTICATED)));
        MOCK.stubFor(post(urlPathEqualTo(TOKEN)).withRequestBody(equalTo("grant_type=refresh_token&refresh_token=gbp-refresh"
                        + "&client_id=gbp-client.apps.googleusercontent.com&client_secret=gbp-secret"))
                .willReturn(okJson("{\"access_token\": \"ya29.gbp-new\", \"expires_in\": 3599, "
                        + "\"scope\": \"https://www.googleapis.com/auth/business.manage\", \"token_type\": \"Bearer\"}")));
        MOCK.stubFor(get(urlPathEqualTo(path)).withHeader("Authorization", equalTo("Bearer ya29.gbp-new"))
                .willReturn(okJson(page(null, review("AbRn1", "FOUR", "Good coffee", "2026-11-21T08:00:00Z", "2026-11-21T08:00:00Z")
                        .replace("locations/222", "locations/444")))));
        cursors.reset("google", "renewing");
        PollResult result = poller.poll("renewing", config.locations().get("renewing"));
        assertNull(result.stop());
        assertEquals(1, result.accepted());
        assertTrue(result.cursorAdvanced());
        assertEquals(1, MOCK.findAll(postRequestedFor(urlPathEqualTo(TOKEN)).withRequestBody(containing("refresh_token=gbp-refresh&"))).size());
        await().atMost(Duration.ofSeconds(10)).until(() -> ingested.of("google", "accounts/111/locations/444/reviews/AbRn1").size() == 1);
    }
}
