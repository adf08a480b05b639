package io.earshot.ingest.connector;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.earshot.ingest.config.ThreadsConfig;
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
 * Threads against WireMock answers shaped as Meta documents the Threads API: {@code GET /{user}/threads} (the
 * profile's posts), {@code GET /{media}/conversation} (flattened replies, {@code paging.cursors} and {@code next}),
 * {@code GET /{user}/mentions} (cursors only, no {@code next}), media fields {@code root_post}, {@code replied_to},
 * {@code is_reply_owned_by_me}, Graph timestamps with {@code +0000}, and Graph errors (190 expired token, 4 throttled).
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
@QuarkusTestResource(WireMockResource.class)
class ThreadsTest {

    private static final WireMockServer MOCK = WireMockResource.server();
    private static final String API = "/threads/v1.0";
    private static Ingested ingested;

    @Inject
    ThreadsConfig config;

    @Inject
    ThreadsPoller poller;

    @Inject
    CursorStore cursors;

    @Inject
    ConnectorStatus status;

    @BeforeAll
    static void open() {
        ingested = new Ingested();
    }

    @AfterAll
    static void close() {
        ingested.close();
    }

    static String media(String id, String username, String text, String timestamp, String root, String repliedTo, boolean mine) {
        return """
                {"id":"%s","text":"%s","username":"%s","permalink":"https://www.threads.com/@%3$s/post/C%1$s",
                 "timestamp":"%s","media_type":"TEXT_POST","is_reply":%s%s%s,"hide_status":"NOT_HUSHED",
                 "is_reply_owned_by_me":%s,"is_verified":false}"""
                .formatted(id, text, username, timestamp, root != null,
                        root == null ? "" : ",\"root_post\":{\"id\":\"" + root + "\"}",
                        repliedTo == null ? "" : ",\"replied_to\":{\"id\":\"" + repliedTo + "\"}", mine);
    }

    static String page(String after, boolean next, String... items) {
        return "{\"data\":[" + String.join(",", items) + "],\"paging\":{\"cursors\":{\"before\":\"b0\",\"after\":\"" + after + "\"}"
                + (next ? ",\"next\":\"https://graph.threads.net/v1.0/next?after=" + after + "\"" : "") + "}}";
    }

    @Test
    void repliesToOwnPostsAndMentionsAreReadOnceEachWithTheirOwnCursor() {
        MOCK.stubFor(get(urlPathEqualTo(API + "/1789brand/threads")).withHeader("Authorization", equalTo("Bearer th-brand-token"))
                .willReturn(okJson("{\"data\":[{\"id\":\"1801\",\"timestamp\":\"2026-11-20T09:00:00+0000\"},"
                        + "{\"id\":\"1802\",\"timestamp\":\"2026-11-19T09:00:00+0000\"}],\"paging\":{\"cursors\":{\"before\":\"x\",\"after\":\"y\"}}}")));
        MOCK.stubFor(get(urlPathEqualTo(API + "/1801/conversation")).withQueryParam("after", absent())
                .withQueryParam("reverse", equalTo("true"))
                .willReturn(okJson(page("cv1", true,
                        media("1901", "jane", "¿Dónde está mi pedido?", "2026-11-20T10:05:00+0000", "1801", "1801", false),
                        media("1902", "brandco", "Lo siento, te escribimos", "2026-11-20T10:04:00+0000", "1801", "1900", true)))));
        MOCK.stubFor(get(urlPathEqualTo(API + "/1801/conversation")).withQueryParam("after", equalTo("cv1"))
                .willReturn(okJson(page("cv2", false,
                        media("1900", "ravi", "యాప్ పనిచేయడం లేదు", "2026-11-20T10:00:00+0000", "1801", "1801", false)))));
        MOCK.stubFor(get(urlPathEqualTo(API + "/1802/conversation"))
                .willReturn(okJson(page("cw1", false,
                        media("1910", "leo", "the app crashes", "2026-11-19T11:00:00+0000", "1802", "1905", false)))));
        MOCK.stubFor(get(urlPathEqualTo(API + "/1789brand/mentions")).withQueryParam("after", absent())
                .willReturn(okJson(page("m1", false,
                        media("1950", "mia", "@brandco my refund?", "2026-11-21T08:00:00+0000", null, null, false)))));
        MOCK.stubFor(get(urlPathEqualTo(API + "/1789brand/mentions")).withQueryParam("after", equalTo("m1"))
                .willReturn(okJson("{\"data\":[]}")));
        cursors.reset("threads", "brand:replies");
        cursors.reset("threads", "brand:mentions");

        PollResult replies = poller.poll("brand", config.accounts().get("brand"), "replies");
        assertNull(replies.stop());
        assertEquals(3, replies.read(), "our own reply is not a comment");
        assertEquals(3, replies.accepted());
        assertTrue(replies.cursorAdvanced());
        assertEquals("2026-11-20T10:05:00Z", cursors.get("threads", "brand:replies").orElseThrow());
        await().atMost(Duration.ofSeconds(10)).until(() -> ingested.of("threads", "1901").size() == 1
                && ingested.of("threads", "1910").size() == 1 && ingested.of("threads", "1900").size() == 1);
        JsonNode event = ingested.of("threads", "1901").get(0);
        assertEquals("1801", event.get("threadId").asText(), "a reply belongs to the root post's thread");
        assertFalse(event.hasNonNull("parentId"), "a top-level reply has no parent comment");
        assertEquals("jane", event.get("author").get("handle").asText());
        assertEquals("¿Dónde está mi pedido?", event.get("text").asText());
        assertEquals("reply", event.get("context").get("reason").asText());
        assertEquals(List.of(), EventSchemas.violations("comments.ingested", event.toString()));
        assertEquals("1905", ingested.of("threads", "1910").get(0).get("parentId").asText(), "a nested reply keeps its parent");
        assertTrue(ingested.of("threads", "1902").isEmpty());
        assertFalse(event.toString().contains("th-brand-token"));

        PollResult mentions = poller.poll("brand", config.accounts().get("brand"), "mentions");
        assertEquals(1, mentions.read());
        assertTrue(mentions.cursorAdvanced());
        await().atMost(Duration.ofSeconds(10)).until(() -> ingested.of("threads", "1950").size() == 1);
        JsonNode mention = ingested.of("threads", "1950").get(0);
        assertEquals("1950", mention.get("threadId").asText(), "a mention that is not a reply is its own thread");
        assertEquals("mention", mention.get("context").get("reason").asText());

        int older = MOCK.findAll(getRequestedFor(urlPathEqualTo(API + "/1801/conversation")).withQueryParam("after", equalTo("cv1"))).size();
        PollResult again = poller.poll("brand", config.accounts().get("brand"), "replies");
        assertEquals(0, again.read(), "the first page reaches the stored timestamp");
        assertEquals(older, MOCK.findAll(getRequestedFor(urlPathEqualTo(API + "/1801/conversation"))
                .withQueryParam("after", equalTo("cv1"))).size(), "no older page is read again");
        assertEquals(1, MOCK.findAll(getRequestedFor(urlPathEqualTo(API + "/1789brand/mentions")).withQueryParam("since", absent())
                .withQueryParam("after", absent())).size(), "the first pass has no cursor to start from");
        poller.poll("brand", config.accounts().get("brand"), "mentions");
        assertEquals(1, MOCK.findAll(getRequestedFor(urlPathEqualTo(API + "/1789brand/mentions"))
                .withQueryParam("since", equalTo("1795248000"))).size(), "mentions since the stored timestamp");
        assertEquals(1, ingested.of("threads", "1901").size(), "nothing twice");
    }

    @Test
    void anExpiredTokenIsReportedAndAThrottledProfileWaits() {
        MOCK.stubFor(get(urlPathEqualTo(API + "/1789expired/threads")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"error":{"message":"Error validating access token: Session has expired on Friday, 20-Nov-26.",
                         "type":"OAuthException","code":190,"error_subcode":463,"fbtrace_id":"AbC1"}}""")));
        MOCK.stubFor(get(urlPathEqualTo("/threads/refresh_access_token")).withQueryParam("access_token", equalTo("th-expired-token"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
                        {"error":{"message":"Error validating access token: Session has expired on Friday, 20-Nov-26.",
                         "type":"OAuthException","code":190,"error_subcode":463,"fbtrace_id":"AbC3"}}""")));
        cursors.reset("threads", "expired:replies");
        PollResult expired = poller.poll("expired", config.accounts().get("expired"), "replies");
        assertEquals("token", expired.stop());
        assertFalse(expired.cursorAdvanced());
        assertEquals(ConnectorStatus.State.token_expired, status.of("threads", "expired").state());
        String reason = status.of("threads", "expired").reason();
        assertTrue(reason.contains("token renewal refused (HTTP 400, Graph error 190"), reason);
        assertFalse(reason.contains("th-expired-token"));

        MOCK.stubFor(get(urlPathEqualTo(API + "/1789busy/mentions")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"error":{"message":"Application request limit reached","type":"OAuthException","code":4,
                         "is_transient":true,"fbtrace_id":"AbC2"}}""")));
        assertEquals("rate_limited", poller.poll("busy", config.accounts().get("busy"), "mentions").stop());
        int calls = MOCK.findAll(getRequestedFor(urlPathEqualTo(API + "/1789busy/mentions"))).size();
        assertEquals("rate_limited", poller.poll("busy", config.accounts().get("busy"), "replies").stop());
        assertEquals(calls, MOCK.findAll(getRequestedFor(urlPathEqualTo(API + "/1789busy/mentions"))).size(), "no call while paused");
        assertEquals(ConnectorStatus.State.rate_limited, status.of("threads", "busy").state());
    }
}
