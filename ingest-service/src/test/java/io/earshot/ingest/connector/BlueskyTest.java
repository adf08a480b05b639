package io.earshot.ingest.connector;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
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
import io.earshot.ingest.config.BlueskyConfig;
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
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bluesky against WireMock answers shaped as the AT Protocol lexicons document them:
 * {@code com.atproto.server.createSession}/{@code refreshSession} ({@code accessJwt}, {@code refreshJwt}, 400
 * {@code ExpiredToken}), {@code app.bsky.notification.listNotifications} (newest first, {@code cursor} paging,
 * {@code indexedAt}, {@code app.bsky.feed.post} records with reply refs and facets) and 429 with {@code ratelimit-reset}.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
@QuarkusTestResource(WireMockResource.class)
class BlueskyTest {

    private static final WireMockServer MOCK = WireMockResource.server();
    private static final String CREATE = "/bsky/xrpc/com.atproto.server.createSession";
    private static final String REFRESH = "/bsky/xrpc/com.atproto.server.refreshSession";
    private static final String LIST = "/bsky/xrpc/app.bsky.notification.listNotifications";
    private static final String ROOT = "at://did:plc:brand/app.bsky.feed.post/3lroot00000a2";
    private static Ingested ingested;

    @Inject
    BlueskyConfig config;

    @Inject
    BlueskyPoller poller;

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

    static void session(String identifier, String did, String access, String refresh) {
        MOCK.stubFor(post(urlPathEqualTo(CREATE)).withRequestBody(matchingJsonPath("$.identifier", equalTo(identifier)))
                .withRequestBody(matchingJsonPath("$.password", equalTo(identifier.substring(0, identifier.indexOf('.')) + "-app-pass")))
                .willReturn(okJson("""
                        {"did":"%s","handle":"%s","email":"ops@example.com","accessJwt":"%s","refreshJwt":"%s","active":true}"""
                        .formatted(did, identifier, access, refresh))));
    }

    static String notification(String rkey, String did, String handle, String reason, String text, String indexedAt, String reply,
            String facets) {
        return """
                {"uri":"at://%1$s/app.bsky.feed.post/%2$s","cid":"bafyrei%2$s","author":{"did":"%1$s","handle":"%3$s",
                 "displayName":"Ana","avatar":"https://cdn.bsky.app/img/avatar/plain/x.jpg","labels":[],"createdAt":"2024-01-01T00:00:00.000Z"},
                 "reason":"%4$s","record":{"$type":"app.bsky.feed.post","text":"%5$s","langs":["es"],
                 "createdAt":"%6$s"%7$s%8$s},"isRead":false,"indexedAt":"%6$s","labels":[]}"""
                .formatted(did, rkey, handle, reason, text, indexedAt, reply == null ? "" : ",\"reply\":" + reply,
                        facets == null ? "" : ",\"facets\":" + facets);
    }

    @Test
    void readsTwoPagesOnceWithThreadRefsAndRePollPublishesNothing() {
        session("brand.bsky.social", "did:plc:brand", "bs-access-1", "bs-refresh-1");
        String reply = """
                {"root":{"uri":"%s","cid":"bafyreiroot"},"parent":{"uri":"at://did:plc:brand/app.bsky.feed.post/3lpar000000a2","cid":"bafyreipar"}}"""
                .formatted(ROOT);
        String facets = """
                [{"index":{"byteStart":24,"byteEnd":45},"features":[{"$type":"app.bsky.richtext.facet#link","uri":"https://example.com/pedido/123"}]}]""";
        String page1 = "{\"cursor\":\"c1\",\"notifications\":["
                + notification("3lr1", "did:plc:ana", "ana.bsky.social", "reply", "¿Dónde está mi pedido? example.com/pedido...",
                        "2026-11-20T10:00:02.000Z", reply, facets)
                + "," + notification("3lm1", "did:plc:leo", "leo.bsky.social", "mention", "@brand.bsky.social the app crashes",
                        "2026-11-20T10:00:01.000Z", null, null)
                + "]}";
        String page2 = "{\"notifications\":["
                + notification("3lm0", "did:plc:ravi", "ravi.bsky.social", "mention", "@brand.bsky.social యాప్ పనిచేయడం లేదు",
                        "2026-11-19T09:00:00.000Z", null, null)
                + "]}";
        MOCK.stubFor(get(urlPathEqualTo(LIST)).withHeader("Authorization", equalTo("Bearer bs-access-1"))
                .withQueryParam("cursor", absent()).withQueryParam("reasons", equalTo("mention"))
                .willReturn(okJson(page1).withHeader("ratelimit-remaining", "2900").withHeader("ratelimit-reset", "1790000000")));
        MOCK.stubFor(get(urlPathEqualTo(LIST)).withHeader("Authorization", equalTo("Bearer bs-access-1"))
                .withQueryParam("cursor", equalTo("c1")).willReturn(okJson(page2)));
        cursors.reset("bluesky", "brand");

        PollResult first = poller.poll("brand", config.accounts().get("brand"));
        assertEquals(3, first.read());
        assertEquals(3, first.accepted());
        assertTrue(first.cursorAdvanced());
        assertEquals("2026-11-20T10:00:02Z", cursors.get("bluesky", "brand").orElseThrow());
        String uri = "at://did:plc:ana/app.bsky.feed.post/3lr1";
        await().atMost(Duration.ofSeconds(10)).until(() -> ingested.of("bluesky", uri).size() == 1
                && ingested.of("bluesky", "at://did:plc:ravi/app.bsky.feed.post/3lm0").size() == 1);
        JsonNode event = ingested.of("bluesky", uri).get(0);
        assertEquals(ROOT, event.get("threadId").asText(), "a reply belongs to its root's thread");
        assertEquals("at://did:plc:brand/app.bsky.feed.post/3lpar000000a2", event.get("parentId").asText());
        assertEquals("did:plc:ana", event.get("author").get("id").asText());
        assertEquals("ana.bsky.social", event.get("author").get("handle").asText());
        assertEquals("Ana", event.get("author").get("displayName").asText());
        assertEquals("bafyreiroot", event.get("context").get("rootCid").asText());
        assertEquals("bafyreipar", event.get("context").get("parentCid").asText());
        assertEquals("bafyrei3lr1", event.get("context").get("cid").asText());
        assertEquals("https://example.com/pedido/123", event.get("context").get("links").asText());
        assertEquals("es", event.get("lang").asText());
        assertEquals("https://bsky.app/profile/ana.bsky.social/post/3lr1", event.get("permalink").asText());
        assertEquals(List.of(), EventSchemas.violations("comments.ingested", event.toString()));
        JsonNode mention = ingested.of("bluesky", "at://did:plc:leo/app.bsky.feed.post/3lm1").get(0);
        assertEquals("at://did:plc:leo/app.bsky.feed.post/3lm1", mention.get("threadId").asText(), "a top-level post is its own thread");
        assertFalse(event.toString().contains("bs-access-1"));

        int pageTwo = MOCK.findAll(getRequestedFor(urlPathEqualTo(LIST)).withQueryParam("cursor", equalTo("c1"))).size();
        PollResult again = poller.poll("brand", config.accounts().get("brand"));
        assertEquals(0, again.read(), "the first page reaches the stored indexedAt");
        assertEquals(pageTwo, MOCK.findAll(getRequestedFor(urlPathEqualTo(LIST)).withQueryParam("cursor", equalTo("c1"))).size(),
                "no older page is read again");
        assertEquals(1, ingested.of("bluesky", uri).size(), "nothing twice");
        assertEquals(1, MOCK.findAll(postRequestedFor(urlPathEqualTo(CREATE))
                .withRequestBody(matchingJsonPath("$.identifier", equalTo("brand.bsky.social")))).size(), "one session, kept");
    }

    @Test
    void anExpiredAccessJwtIsRefreshedAndTheReadRetried() {
        session("renewing.bsky.social", "did:plc:renewing", "rn-old", "rn-refresh");
        MOCK.stubFor(get(urlPathEqualTo(LIST)).withHeader("Authorization", equalTo("Bearer rn-old"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"ExpiredToken\",\"message\":\"Token has expired\"}")));
        MOCK.stubFor(post(urlPathEqualTo(REFRESH)).withHeader("Authorization", equalTo("Bearer rn-refresh"))
                .willReturn(okJson("{\"did\":\"did:plc:renewing\",\"handle\":\"renewing.bsky.social\",\"accessJwt\":\"rn-new\",\"refreshJwt\":\"rn-refresh-2\"}")));
        MOCK.stubFor(get(urlPathEqualTo(LIST)).withHeader("Authorization", equalTo("Bearer rn-new"))
                .willReturn(okJson("{\"notifications\":[" + notification("3lx1", "did:plc:mia", "mia.bsky.social", "mention",
                        "@renewing.bsky.social hola", "2026-11-21T08:00:00.000Z", null, null) + "]}")));
        cursors.reset("bluesky", "renewing");

        PollResult result = poller.poll("renewing", config.accounts().get("renewing"));
        assertNull(result.stop());
        assertEquals(1, result.accepted());
        assertEquals(1, MOCK.findAll(postRequestedFor(urlPathEqualTo(REFRESH))).size());
        assertEquals(1, MOCK.findAll(postRequestedFor(urlPathEqualTo(CREATE))
                .withRequestBody(matchingJsonPath("$.identifier", equalTo("renewing.bsky.social")))).size(),
                "refreshed, not a new session");
        assertEquals(ConnectorStatus.State.ok, status.of("bluesky", "renewing").state());
    }

    @Test
    void a429WaitsForRatelimitResetAndARefusedAppPasswordReportsTheToken() {
        session("busy.bsky.social", "did:plc:busy", "busy-access", "busy-refresh");
        long reset = Instant.now().plusSeconds(120).getEpochSecond();
        MOCK.stubFor(get(urlPathEqualTo(LIST)).withHeader("Authorization", equalTo("Bearer busy-access"))
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withHeader("ratelimit-limit", "3000").withHeader("ratelimit-remaining", "0")
                        .withHeader("ratelimit-reset", Long.toString(reset)).withHeader("ratelimit-policy", "3000;w=300")
                        .withBody("{\"error\":\"RateLimitExceeded\",\"message\":\"Rate Limit Exceeded\"}")));
        assertEquals("rate_limited", poller.poll("busy", config.accounts().get("busy")).stop());
        int calls = MOCK.findAll(getRequestedFor(urlPathEqualTo(LIST)).withHeader("Authorization", equalTo("Bearer busy-access"))).size();
        assertEquals("rate_limited", poller.poll("busy", config.accounts().get("busy")).stop());
        assertEquals(calls, MOCK.findAll(getRequestedFor(urlPathEqualTo(LIST))
                .withHeader("Authorization", equalTo("Bearer busy-access"))).size(), "no call before ratelimit-reset");

        MOCK.stubFor(post(urlPathEqualTo(CREATE)).withRequestBody(equalToJson("{\"identifier\":\"revoked.bsky.social\",\"password\":\"revoked-app-pass\"}"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"AuthenticationRequired\",\"message\":\"Invalid identifier or password\"}")));
        cursors.reset("bluesky", "revoked");
        PollResult refused = poller.poll("revoked", config.accounts().get("revoked"));
        assertEquals("token", refused.stop());
        assertFalse(refused.cursorAdvanced());
        assertEquals(ConnectorStatus.State.token_expired, status.of("bluesky", "revoked").state());
    }
}
