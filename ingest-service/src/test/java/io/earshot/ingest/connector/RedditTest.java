package io.earshot.ingest.connector;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.earshot.ingest.config.RedditConfig;
import io.earshot.ingest.redis.CursorStore;
import io.earshot.ingest.support.Ingested;
import io.earshot.ingest.support.WireMockResource;
import io.earshot.testsupport.EventSchemas;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reddit inbox mentions against WireMock listings shaped as Reddit sends them ({@code kind: Listing}, {@code t1}
 * children, {@code after}), with the {@code X-Ratelimit-*} headers of the 100-queries-a-minute window.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
@QuarkusTestResource(WireMockResource.class)
class RedditTest {

    private static final WireMockServer MOCK = WireMockResource.server();
    private static final String MENTIONS = "/reddit/message/mentions";
    private static Ingested ingested;

    @Inject
    RedditConfig config;

    @Inject
    RedditPoller poller;

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
    void readsMentionsPageByPageAndStaysInsideTheRateLimit() {
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

        // two new mentions and a window nearly spent: read page one, stop paging, keep the cursor, wait for the reset
        MOCK.stubFor(get(urlPathEqualTo(MENTIONS)).withQueryParam("after", absent())
                .willReturn(okJson(listing("t1_lx2d", mention("lx2e", 1763810000L, "again"), mention("lx2d", 1763805000L, "and again")))
                        .withHeader("X-Ratelimit-Remaining", "4.0").withHeader("X-Ratelimit-Reset", "30")));
        PollResult limited = poller.poll("brand", config.accounts().get("brand"));
        assertEquals("rate_limited", limited.stop());
        assertFalse(limited.cursorAdvanced());
        assertEquals("1763800000|t1_lx2c", cursors.get("reddit", "brand").orElseThrow());
        int calls = MOCK.findAll(getRequestedFor(urlPathEqualTo(MENTIONS))).size();
        assertEquals("rate_limited", poller.poll("brand", config.accounts().get("brand")).stop());
        assertEquals(calls, MOCK.findAll(getRequestedFor(urlPathEqualTo(MENTIONS))).size(), "no call before X-Ratelimit-Reset");
        await().atMost(Duration.ofSeconds(10)).until(() -> ingested.of("reddit", "t1_lx2e").size() == 1);
    }
}
