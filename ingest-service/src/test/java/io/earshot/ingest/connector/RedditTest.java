package io.earshot.ingest.connector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.earshot.ingest.config.RedditConfig;
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
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Reddit inbox mentions against WireMock listings shaped as Reddit sends them ({@code kind: Listing}, {@code t1}
 * children, {@code after}), with the {@code X-Ratelimit-*} headers of the 100-queries-a-minute window; subreddit
 * search listings ({@code t3} posts); the {@code refresh_token} grant at {@code /api/v1/access_token}. Ordered: the
 * last test spends the client's window, which holds every Reddit poll of the class.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
@QuarkusTestResource(WireMockResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedditTest {

    private static final WireMockServer MOCK = WireMockResource.server();
    private static final String MENTIONS = "/reddit/message/mentions";
    private static final String SEARCH = "/reddit/r/BuyItForLife+Cooking/search";
    private static final String TOKEN = "/reddit-www/api/v1/access_token";
    private static Ingested ingested;

    @Inject
    RedditConfig config;

    @Inject
    RedditPoller poller;

    @Inject
    RedditSearchPoller searchPoller;

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

    static String mention(String id, long created, String body) {
        return """
                {"kind":"t1","data":{"first_message":null,"first_message_name":null,"subreddit":"BuyItForLife",
                 "likes":null,"replies":"","author_fullname":"t2_8xk2","id":"%1$s","subject":"username mention",
                 "associated_awarding_id":null,"score":4,"author":"kettle_fan","num_comments":31,"parent_id":"t3_1gq2x9",
                 "subreddit_name_prefixed":"r/BuyItForLife","new":true,"type":"username_mention","body":"%3$s",
                 "link_title":"Kettle died after 13 months","dest":"brand_official","was_comment":true,
                 "body_html":"&lt;p&gt;x&lt;/p&gt;","name":"t1_%1$s","created":%2$d,"created_utc":%2$d,
                 "context":"/r/BuyItForLife/comments/1gq2x9/kettle_died_after_13_months/%1$s/?context=3","distinguished":null}}"""
                .formatted(id, created, body);
    }

    static String listing(String after, String... children) {
        return "{\"kind\":\"Listing\",\"data\":{\"after\":" + (after == null ? "null" : "\"" + after + "\"")
                + ",\"dist\":" + children.length + ",\"modhash\":null,\"geo_filter\":\"\",\"children\":[" + String.join(",", children)
                + "],\"before\":null}}";
    }

    @Test
    @Order(1)
    void readsMentionsPageByPage() {
        MOCK.stubFor(get(urlPathEqualTo(MENTIONS)).withQueryParam("after", absent())
                .withHeader("Authorization", equalTo("Bearer rd-token")).withHeader("User-Agent", equalTo(config.userAgent()))
                .willReturn(okJson(listing("t1_lx2b", mention("lx2c", 1763800000L, "u/brand_official **is this covered** by the warranty?"),
                        mention("lx2b", 1763790000L, "same here")))
                        .withHeader("X-Ratelimit-Used", "3").withHeader("X-Ratelimit-Remaining", "97.0").withHeader("X-Ratelimit-Reset", "42")));
        MOCK.stubFor(get(urlPathEqualTo(MENTIONS)).withQueryParam("after", equalTo("t1_lx2b"))
                .willReturn(okJson(listing(null, mention("lx2a", 1763780000L, "older")))
                        .withHeader("X-Ratelimit-Remaining", "96.0").withHeader("X-Ratelimit-Reset", "41")));
        cursors.reset("reddit", "brand");

        PollResult first = poller.poll("brand", config.accounts().get("brand"));
        assertEquals(3, first.read());
        assertTrue(first.cursorAdvanced());
        assertEquals("1763800000|t1_lx2c", cursors.get("reddit", "brand").orElseThrow());
        await().atMost(Duration.ofSeconds(10)).until(() -> ingested.of("reddit", "t1_lx2c").size() == 1);
        JsonNode event = ingested.of("reddit", "t1_lx2c").get(0);
        assertEquals("t3_1gq2x9", event.get("threadId").asText());
        assertEquals("kettle_fan", event.get("author").get("handle").asText());
        assertEquals("https://www.reddit.com/r/BuyItForLife/comments/1gq2x9/kettle_died_after_13_months/lx2c/", event.get("permalink").asText());
        assertEquals("BuyItForLife", event.get("context").get("subreddit").asText());
        assertEquals(List.of(), EventSchemas.violations("comments.ingested", event.toString()));

    }

    @Test
    @Order(2)
    void searchesSubredditsPageByPageAndAThingFoundAsAMentionToo() {
        cursors.reset("reddit", "brand");
        cursors.reset("reddit", "brand:search");
        MOCK.stubFor(get(urlPathEqualTo(MENTIONS)).withHeader("Authorization", equalTo("Bearer rd-token"))
                .willReturn(okJson(listing(null, mention("sx1a", 1763820000L, "u/brand_official the lid hinge snapped")))
                        .withHeader("X-Ratelimit-Remaining", "90.0").withHeader("X-Ratelimit-Reset", "300")));
        assertEquals(1, poller.poll("brand", config.accounts().get("brand")).read());
        await().atMost(Duration.ofSeconds(10)).until(() -> ingested.of("reddit", "t1_sx1a").size() == 1);

        // the search: newest post, the comment already read as a mention (Reddit's search may list comments), then
        // page two with an older post and one of our own (skipped)
        MOCK.stubFor(get(urlPathEqualTo(SEARCH)).withQueryParam("after", absent())
                .withQueryParam("q", equalTo("\"acme kettle\"")).withQueryParam("restrict_sr", equalTo("1"))
                .withQueryParam("sort", equalTo("new")).withQueryParam("type", equalTo("link"))
                .withHeader("Authorization", equalTo("Bearer rd-token")).withHeader("User-Agent", equalTo(config.userAgent()))
                .willReturn(okJson(listing("t3_sp2", redditPost("sp3", 1763830000L, "Acme kettle: worth it?", "Thinking of buying one.", "false"),
                        searchedComment("sx1a", 1763820000L, "u/brand_official the lid hinge snapped")))
                        .withHeader("X-Ratelimit-Remaining", "88.0").withHeader("X-Ratelimit-Reset", "290")));
        MOCK.stubFor(get(urlPathEqualTo(SEARCH)).withQueryParam("after", equalTo("t3_sp2"))
                .withHeader("Authorization", equalTo("Bearer rd-token"))
                .willReturn(okJson(listing(null, redditPost("sp2", 1763810000L, "Acme kettle review", "", "false"),
                        ownPost("sp1", 1763805000L)))
                        .withHeader("X-Ratelimit-Remaining", "87.0").withHeader("X-Ratelimit-Reset", "289")));
        PollResult search = searchPoller.poll("brand", config.accounts().get("brand"));
        assertNull(search.stop());
        assertEquals(3, search.read(), "two posts and the comment; our own post is skipped");
        assertEquals(2, search.accepted());
        assertEquals(1, search.duplicates(), "the comment found by both is published once");
        assertTrue(search.cursorAdvanced());
        assertEquals("1763830000|t3_sp3", cursors.get("reddit", "brand:search").orElseThrow());
        assertEquals("1763820000|t1_sx1a", cursors.get("reddit", "brand").orElseThrow(), "the mentions keep their own cursor");
        await().atMost(Duration.ofSeconds(10)).until(() -> ingested.of("reddit", "t3_sp3").size() == 1);
        JsonNode post = ingested.of("reddit", "t3_sp3").get(0);
        assertEquals("Acme kettle: worth it?\n\nThinking of buying one.", post.get("text").asText());
        assertEquals("t3_sp3", post.get("threadId").asText());
        assertEquals("post", post.get("context").get("kind").asText());
        assertEquals("https://www.reddit.com/r/BuyItForLife/comments/sp3/acme_kettle/", post.get("permalink").asText());
        assertEquals(List.of(), EventSchemas.violations("comments.ingested", post.toString()));
        assertEquals(1, ingested.of("reddit", "t1_sx1a").size());
        assertTrue(ingested.of("reddit", "t3_sp1").isEmpty());
    }

    @Test
    @Order(3)
    void anEditedMentionIsPublishedAsANewVersionOnce() {
        cursors.reset("reddit", "brand");
        MOCK.stubFor(get(urlPathEqualTo(MENTIONS)).withHeader("Authorization", equalTo("Bearer rd-token"))
                .willReturn(okJson(listing(null, mention("ed1", 1763900000L, "u/brand_official does it descale itself?")))
                        .withHeader("X-Ratelimit-Remaining", "80.0").withHeader("X-Ratelimit-Reset", "200")));
        poller.poll("brand", config.accounts().get("brand"));
        await().atMost(Duration.ofSeconds(10)).until(() -> ingested.of("reddit", "t1_ed1").size() == 1);

        // later: a new mention, and the first one edited (Reddit sets "edited" to the time of the edit); paging goes
        // back over the edit window and stops at a mention older than it
        MOCK.stubFor(get(urlPathEqualTo(MENTIONS)).withHeader("Authorization", equalTo("Bearer rd-token"))
                .willReturn(okJson(listing("t1_ed0", mention("ed2", 1763900100L, "u/brand_official same question"),
                        edited(mention("ed1", 1763900000L, "u/brand_official does it descale itself? EDIT: found the manual, it does not"), 1763900500L),
                        mention("ed0", 1763900000L - 2 * 86400, "very old")))
                        .withHeader("X-Ratelimit-Remaining", "79.0").withHeader("X-Ratelimit-Reset", "199")));
        PollResult second = poller.poll("brand", config.accounts().get("brand"));
        assertNull(second.stop());
        assertTrue(second.cursorAdvanced());
        assertEquals(2, second.accepted(), "the new mention and the edit");
        assertEquals("1763900100|t1_ed2", cursors.get("reddit", "brand").orElseThrow());
        assertEquals(0, MOCK.findAll(getRequestedFor(urlPathEqualTo(MENTIONS)).withQueryParam("after", equalTo("t1_ed0"))).size(),
                "nothing older than the edit window is read");
        await().atMost(Duration.ofSeconds(10)).until(() -> ingested.of("reddit", "t1_ed1").size() == 2);
        JsonNode edit = ingested.of("reddit", "t1_ed1").get(1);
        assertEquals("edited", edit.get("action").asText());
        assertEquals(Versions.fromTime(Instant.ofEpochSecond(1763900500L), Instant.now()), edit.get("version").asInt(),
                "an edit is numbered by Reddit's edited time");
        assertTrue(edit.get("text").asText().endsWith("it does not"));
        assertEquals(ingested.of("reddit", "t1_ed1").get(0).get("commentId").asText(), edit.get("commentId").asText());

        PollResult third = poller.poll("brand", config.accounts().get("brand"));
        assertEquals(0, third.accepted(), "the same edit read again is not a new version");
    }

    @Test
    @Order(4)
    void aRefusedTokenIsRenewedOnceAndTheCallRetried() {
        cursors.reset("reddit", "renewing");
        MOCK.stubFor(get(urlPathEqualTo(MENTIONS)).withHeader("Authorization", equalTo("Bearer rd-old"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"message\": \"Unauthorized\", \"error\": 401}")));
        MOCK.stubFor(post(urlPathEqualTo(TOKEN))
                .withBasicAuth("rd-client", "rd-secret")
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withRequestBody(equalTo("grant_type=refresh_token&refresh_token=rd-refresh"))
                .willReturn(okJson("{\"access_token\": \"rd-new\", \"token_type\": \"bearer\", \"expires_in\": 86400, "
                        + "\"scope\": \"privatemessages read submit\"}")));
        MOCK.stubFor(get(urlPathEqualTo(MENTIONS)).withHeader("Authorization", equalTo("Bearer rd-new"))
                .willReturn(okJson(listing(null, mention("rn1", 1763950000L, "u/brand_official hello")))
                        .withHeader("X-Ratelimit-Remaining", "70.0").withHeader("X-Ratelimit-Reset", "100")));

        PollResult first = poller.poll("renewing", config.accounts().get("renewing"));
        assertNull(first.stop());
        assertEquals(1, first.accepted());
        assertEquals(1, MOCK.findAll(postRequestedFor(urlPathEqualTo(TOKEN))).size(), "renewed once");
        assertEquals(1, MOCK.findAll(getRequestedFor(urlPathEqualTo(MENTIONS)).withHeader("Authorization", equalTo("Bearer rd-new"))).size());

        PollResult second = poller.poll("renewing", config.accounts().get("renewing"));
        assertNull(second.stop());
        assertEquals(1, MOCK.findAll(postRequestedFor(urlPathEqualTo(TOKEN))).size(), "the renewed token is kept");
        String health = given().get("/q/health/ready").then().extract().asString();
        assertTrue(health.contains("reddit:renewing token expires"), health);
        assertFalse(health.contains("rd-new") || health.contains("rd-refresh"), "no token in health");
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("earshot_connector_token_expires_at_seconds{")
                && l.contains("account=\"renewing\"") && l.contains("platform=\"reddit\"") && !l.endsWith(" 0.0")), metrics);
        assertFalse(metrics.lines().anyMatch(l -> l.startsWith("earshot_connector_token_expires_at_seconds{") && l.endsWith(" 0.0")),
                "an expiry not known is not reported as the epoch (the expiry alerts would read it as expired)");
    }

    @Test
    @Order(5)
    void aWindowNearlySpentHoldsMentionsAndSearchesUntilTheReset() {
        // two new mentions and a window nearly spent: read page one, stop paging, keep the cursor, wait for the reset
        MOCK.stubFor(get(urlPathEqualTo(MENTIONS)).withQueryParam("after", absent())
                .willReturn(okJson(listing("t1_lx2d", mention("lx2e", 1763810000L, "again"), mention("lx2d", 1763805000L, "and again")))
                        .withHeader("X-Ratelimit-Remaining", "4.0").withHeader("X-Ratelimit-Reset", "30")));
        cursors.advance("reddit", "brand", "1763800000|t1_lx2c");
        PollResult limited = poller.poll("brand", config.accounts().get("brand"));
        assertEquals("rate_limited", limited.stop());
        assertFalse(limited.cursorAdvanced());
        assertEquals("1763800000|t1_lx2c", cursors.get("reddit", "brand").orElseThrow());
        int calls = MOCK.findAll(getRequestedFor(urlPathEqualTo(MENTIONS))).size();
        int searches = MOCK.findAll(getRequestedFor(urlPathEqualTo(SEARCH))).size();
        assertEquals("rate_limited", poller.poll("brand", config.accounts().get("brand")).stop());
        assertEquals("rate_limited", searchPoller.poll("brand", config.accounts().get("brand")).stop(), "one budget per client");
        assertEquals("rate_limited", poller.poll("renewing", config.accounts().get("renewing")).stop());
        assertEquals(calls, MOCK.findAll(getRequestedFor(urlPathEqualTo(MENTIONS))).size(), "no call before X-Ratelimit-Reset");
        assertEquals(searches, MOCK.findAll(getRequestedFor(urlPathEqualTo(SEARCH))).size());
        await().atMost(Duration.ofSeconds(10)).until(() -> ingested.of("reddit", "t1_lx2e").size() == 1);
    }

    static String edited(String mention, long when) {
        return mention.replace("\"distinguished\":null", "\"distinguished\":null,\"edited\":" + when + ".0");
    }

    static String redditPost(String id, long created, String title, String selftext, String edited) {
        return """
                {"kind":"t3","data":{"approved_at_utc":null,"subreddit":"BuyItForLife","selftext":"%4$s","author_fullname":"t2_9kq1",
                 "saved":false,"title":"%3$s","subreddit_name_prefixed":"r/BuyItForLife","name":"t3_%1$s","score":12,
                 "is_self":true,"created":%2$d,"created_utc":%2$d,"edited":%5$s,"id":"%1$s","author":"tea_person",
                 "num_comments":4,"permalink":"/r/BuyItForLife/comments/%1$s/acme_kettle/",
                 "url":"https://www.reddit.com/r/BuyItForLife/comments/%1$s/acme_kettle/","over_18":false}}"""
                .formatted(id, created, title, selftext, edited);
    }

    static String ownPost(String id, long created) {
        return redditPost(id, created, "Acme kettle: warranty FAQ", "From the Acme team", "false").replace("tea_person", "brand_official");
    }

    static String searchedComment(String id, long created, String body) {
        return """
                {"kind":"t1","data":{"subreddit":"BuyItForLife","link_id":"t3_1gq2x9","author":"kettle_fan","parent_id":"t3_1gq2x9",
                 "body":"%3$s","edited":false,"name":"t1_%1$s","id":"%1$s","created_utc":%2$d,"score":4,
                 "permalink":"/r/BuyItForLife/comments/1gq2x9/kettle_died_after_13_months/%1$s/","link_title":"Kettle died after 13 months"}}"""
                .formatted(id, created, body);
    }
}
