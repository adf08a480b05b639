package io.earshot.reply.workflow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.earshot.reply.domain.Actor;
import io.earshot.reply.domain.BlueskyText;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.domain.QueueItem.State;
import io.earshot.reply.domain.QueueItems;
import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.support.Items;
import io.earshot.reply.support.PlatformStubs;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bluesky replies against WireMock answers shaped as the AT Protocol lexicons document them: a session from
 * {@code createSession}, the post replied to from {@code app.bsky.feed.getPosts}, {@code com.atproto.repo.getRecord}
 * (400 {@code RecordNotFound} or the record) and {@code createRecord} ({@code uri}, {@code cid}), 400
 * {@code ExpiredToken} for an expired access JWT.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
@QuarkusTestResource(PlatformStubs.class)
class BlueskyPublishingTest {

    static final String TEXT = "Hola Lucía 🙏, lo sentimos. Detalles: https://help.example.com/pedido?id=ñ1";
    static final String ROOT = "at://did:plc:brand/app.bsky.feed.post/3lroot00000a2";
    static final String CREATE = "/bsky/xrpc/com.atproto.repo.createRecord";
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    QueueStore store;

    @Inject
    Approvals approvals;

    WireMockServer wm() {
        return PlatformStubs.server();
    }

    static ResponseDefinitionBuilder okJson(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    static ResponseDefinitionBuilder xrpcError(int status, String error, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"" + error + "\",\"message\":\"" + message + "\"}");
    }

    /** A reply an earlier attempt began (approved, signed, attempt 1) to a reply in our thread, put in the outbox. */
    private QueueItem resumed(String rkeyOfComment) {
        String uri = "at://did:plc:lucia/app.bsky.feed.post/" + rkeyOfComment;
        QueueItem item = Items.complaint("bluesky").withVerdict(vrd -> vrd.withLang("es")).withComment(cmt -> cmt.withExternalId(uri)).withComment(cmt -> cmt.withThreadId(ROOT))
                .withComment(cmt -> cmt.withAuthor(new QueueItem.Author("did:plc:lucia", "lucia.bsky.social", "Lucía"))).withComment(cmt -> cmt.withText("¿Y mi pedido?"))
                .withDraft(new QueueItem.Draft(TEXT, "es", "manual"));
        Instant now = Instant.now();
        QueueItem started = item.withState(State.publishing).withHandling(hdl -> hdl.withVersion(5))
                .withApproval(approvals.sign(item, "ana", now, TEXT, QueueItems.idempotencyKey(item.id(), 4), List.of()))
                .withPublication(new QueueItem.Publication(1, now, null, null, null, null, false));
        store.put(started);
        wm().stubFor(post(urlPathEqualTo("/bsky/xrpc/com.atproto.server.createSession"))
                .withRequestBody(matchingJsonPath("$.identifier", equalTo("brand.bsky.social")))
                .withRequestBody(matchingJsonPath("$.password", equalTo("brand-app-pass")))
                .willReturn(okJson("{\"did\":\"did:plc:brand\",\"handle\":\"brand.bsky.social\",\"accessJwt\":\"bs-a1\",\"refreshJwt\":\"bs-r1\",\"active\":true}")));
        wm().stubFor(get(urlPathEqualTo("/bsky/xrpc/app.bsky.feed.getPosts")).withQueryParam("uris", equalTo(uri))
                .willReturn(okJson("""
                        {"posts":[{"uri":"%s","cid":"bafyreilucia","author":{"did":"did:plc:lucia","handle":"lucia.bsky.social"},
                         "record":{"$type":"app.bsky.feed.post","text":"¿Y mi pedido?","createdAt":"2026-11-20T10:00:00.000Z",
                         "reply":{"root":{"uri":"%s","cid":"bafyreiroot"},"parent":{"uri":"%s","cid":"bafyreiroot"}}},
                         "replyCount":0,"repostCount":0,"likeCount":0,"indexedAt":"2026-11-20T10:00:01.000Z","labels":[]}]}"""
                        .formatted(uri, ROOT, ROOT))));
        return started;
    }

    private QueueItem awaitPublished(String id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> store.find(id).orElseThrow().state() == State.published);
        return store.find(id).orElseThrow();
    }

    @Test
    void aReplyIsOneRecordThreadedUnderRootAndParentWithByteOffsetFacetsAndSurvivesAnExpiredToken() throws Exception {
        QueueItem item = resumed("3lrep00000a1");
        String rkey = BlueskyText.recordKey(item.approval().idempotencyKey());
        String mine = "at://did:plc:brand/app.bsky.feed.post/" + rkey;
        wm().stubFor(get(urlPathEqualTo("/bsky/xrpc/com.atproto.repo.getRecord")).withQueryParam("rkey", equalTo(rkey))
                .willReturn(xrpcError(400, "RecordNotFound", "Could not locate record: " + mine)));
        // the first write meets an expired access JWT; the session is refreshed and the write made once more
        wm().stubFor(post(urlPathEqualTo(CREATE)).withRequestBody(matchingJsonPath("$.rkey", equalTo(rkey)))
                .inScenario("bsky-" + rkey).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(xrpcError(400, "ExpiredToken", "Token has expired")).willSetStateTo("refreshed"));
        wm().stubFor(post(urlPathEqualTo("/bsky/xrpc/com.atproto.server.refreshSession")).withHeader("Authorization", equalTo("Bearer bs-r1"))
                .willReturn(okJson("{\"did\":\"did:plc:brand\",\"handle\":\"brand.bsky.social\",\"accessJwt\":\"bs-a2\",\"refreshJwt\":\"bs-r2\"}")));
        wm().stubFor(post(urlPathEqualTo(CREATE)).withRequestBody(matchingJsonPath("$.rkey", equalTo(rkey)))
                .withHeader("Authorization", equalTo("Bearer bs-a2")).inScenario("bsky-" + rkey).whenScenarioStateIs("refreshed")
                .willReturn(okJson("{\"uri\":\"" + mine + "\",\"cid\":\"bafyreimine\",\"commit\":{\"cid\":\"bafyreic\",\"rev\":\"3lrev\"},\"validationStatus\":\"valid\"}")));
        store.outboxAt(item.id(), Instant.now());

        QueueItem published = awaitPublished(item.id());
        assertEquals(mine, published.publication().platformReplyId());
        var sent = wm().findAll(postRequestedFor(urlPathEqualTo(CREATE)).withRequestBody(matchingJsonPath("$.rkey", equalTo(rkey))));
        assertEquals(2, sent.size(), "refused once for the token, written once");
        JsonNode body = JSON.readTree(sent.get(1).getBodyAsString());
        assertEquals("did:plc:brand", body.get("repo").asText());
        assertEquals("app.bsky.feed.post", body.get("collection").asText());
        JsonNode record = body.get("record");
        assertEquals("app.bsky.feed.post", record.get("$type").asText());
        assertEquals(TEXT, record.get("text").asText());
        assertEquals(ROOT, record.at("/reply/root/uri").asText());
        assertEquals("bafyreiroot", record.at("/reply/root/cid").asText());
        assertEquals(item.externalId(), record.at("/reply/parent/uri").asText());
        assertEquals("bafyreilucia", record.at("/reply/parent/cid").asText());
        JsonNode facet = record.at("/facets/0");
        int start = TEXT.substring(0, TEXT.indexOf("https")).getBytes(StandardCharsets.UTF_8).length;
        assertEquals(start, facet.at("/index/byteStart").asInt());
        assertEquals(TEXT.getBytes(StandardCharsets.UTF_8).length, facet.at("/index/byteEnd").asInt());
        assertEquals("app.bsky.richtext.facet#link", facet.at("/features/0/$type").asText());
        assertEquals("https://help.example.com/pedido?id=ñ1", facet.at("/features/0/uri").asText());
    }

    @Test
    void aResumedAttemptFindsTheRecordItsKeyNamesAndPostsNothing() {
        QueueItem item = resumed("3lrep00000a2");
        String rkey = BlueskyText.recordKey(item.approval().idempotencyKey());
        String mine = "at://did:plc:brand/app.bsky.feed.post/" + rkey;
        wm().stubFor(get(urlPathEqualTo("/bsky/xrpc/com.atproto.repo.getRecord")).withQueryParam("repo", equalTo("did:plc:brand"))
                .withQueryParam("collection", equalTo("app.bsky.feed.post")).withQueryParam("rkey", equalTo(rkey))
                .willReturn(okJson("{\"uri\":\"" + mine + "\",\"cid\":\"bafyreimine\",\"value\":{\"$type\":\"app.bsky.feed.post\",\"text\":\""
                        + TEXT + "\",\"createdAt\":\"2026-11-20T10:05:00.000Z\"}}")));
        wm().stubFor(post(urlPathEqualTo(CREATE)).withRequestBody(matchingJsonPath("$.rkey", equalTo(rkey)))
                .willReturn(okJson("{\"uri\":\"at://did:plc:brand/app.bsky.feed.post/should-not\",\"cid\":\"x\"}")));
        store.outboxAt(item.id(), Instant.now());

        QueueItem published = awaitPublished(item.id());
        assertEquals(mine, published.publication().platformReplyId());
        assertEquals(0, wm().findAll(postRequestedFor(urlPathEqualTo(CREATE)).withRequestBody(matchingJsonPath("$.rkey", equalTo(rkey)))).size(),
                "nothing posted twice");
    }
}
