package io.earshot.ingest.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.earshot.ingest.messaging.Topics;
import io.earshot.ingest.support.Api;
import io.earshot.ingest.support.Ingested;
import io.earshot.ingest.support.WireMockResource;
import io.earshot.testsupport.EventSchemas;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.earshot.testsupport.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Instagram {@code mentions} deliveries: answered 200 before the Graph API (WireMock) is read, then each mention read
 * off the webhook's path and queued once; what the Graph API will never give is set aside on
 * {@code webhooks.meta.dlq} with its reason.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
@QuarkusTestResource(WireMockResource.class)
class MetaMentionsTest {

    private static final WireMockServer GRAPH = WireMockResource.server();
    private static Ingested ingested;
    private static TopicReader dlq;

    @BeforeAll
    static void open() {
        ingested = new Ingested();
        dlq = new TopicReader(Topics.WEBHOOKS_META_DLQ);
    }

    @AfterAll
    static void close() {
        ingested.close();
        dlq.close();
    }

    /** Graph ids are numeric strings; each test uses its own. */
    private static String graphId() {
        return "1789" + ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L);
    }

    private static byte[] mention(String entryId, String mediaId, String commentId) {
        String value = commentId == null ? "{\"media_id\":\"%s\"}".formatted(mediaId)
                : "{\"media_id\":\"%s\",\"comment_id\":\"%s\"}".formatted(mediaId, commentId);
        return Api.utf8("""
                {"object":"instagram","entry":[{"id":"%s","time":1762000000,"changes":[{"field":"mentions","value":%s}]}]}"""
                .formatted(entryId, value));
    }

    private static String commentFields(String commentId) {
        return "mentioned_comment.comment_id(" + commentId + "){id,text,timestamp,like_count,media{id,permalink,media_product_type}}";
    }

    private static List<ConsumerRecord<String, String>> letters(String id) {
        return dlq.poll().stream().filter(r -> r.value().contains(id)).toList();
    }

    @Test
    void aCommentMentionIsAnswered200BeforeTheGraphIsReadAndQueuedOnceAlsoWhenRedelivered() {
        String comment = graphId();
        String media = graphId();
        // a slow Graph API: an answer that waited for it would take longer than this
        GRAPH.stubFor(get(urlPathEqualTo("/graph/IGACC1")).withQueryParam("fields", equalTo(commentFields(comment)))
                .willReturn(okJson("""
                        {"mentioned_comment":{"id":"%s","text":"@shop my kettle leaks after a week","timestamp":"2026-11-30T09:15:00+0000",
                         "like_count":3,"media":{"id":"%s","permalink":"https://www.instagram.com/p/Cx1/","media_product_type":"FEED"}},
                         "id":"IGACC1"}""".formatted(comment, media)).withFixedDelay(1500)));
        byte[] body = mention("IGACC1", media, comment);
        Api.meta(body).when().post("/webhooks/meta").then().time(lessThan(1500L)).statusCode(200)
                .body("mentionsQueued", org.hamcrest.Matchers.equalTo(1)).body("comments", org.hamcrest.Matchers.equalTo(0));
        // Meta's retry of the same delivery
        Api.meta(body).when().post("/webhooks/meta").then().statusCode(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> ingested.of("instagram", comment).size() == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> GRAPH.findAll(getRequestedFor(urlPathEqualTo("/graph/IGACC1"))
                .withQueryParam("fields", equalTo(commentFields(comment)))).size() == 2);
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> ingested.of("instagram", comment).size() == 1);

        JsonNode event = ingested.of("instagram", comment).get(0);
        assertEquals("@shop my kettle leaks after a week", event.get("text").asText());
        assertEquals("IGACC1", event.get("account").asText());
        assertEquals(media, event.get("threadId").asText());
        assertEquals("unknown", event.get("author").get("id").asText(), "Meta documents no author for a mentioned comment");
        assertEquals("2026-11-30T09:15:00Z", event.get("createdAt").asText());
        assertEquals("comment", event.get("context").get("mention").asText());
        assertEquals("FEED", event.get("context").get("mediaProductType").asText());
        assertEquals("https://www.instagram.com/p/Cx1/", event.get("permalink").asText());
        GRAPH.verify(getRequestedFor(urlPathEqualTo("/graph/IGACC1")).withHeader("Authorization", equalTo("Bearer ig-token"))
                .withQueryParam("fields", equalTo(commentFields(comment))));
        for (ConsumerRecord<String, String> r : ingested.records()) {
            if (r.value().contains("\"externalId\":\"" + comment + "\"")) {
                assertEquals(List.of(), EventSchemas.violations("comments.ingested", r.value()));
                assertEquals("instagram:" + media, r.key());
            }
        }
    }

    @Test
    void aCaptionMentionBecomesAMentionOfTheMediaWithItsCaptionAndAuthor() throws IOException {
        String media = graphId();
        GRAPH.stubFor(get(urlPathEqualTo("/graph/IGACC1")).withQueryParam("fields", equalTo("mentioned_media.media_id("
                + media + "){id,caption,timestamp,username,permalink,media_product_type}")).willReturn(okJson("""
                {"mentioned_media":{"id":"%s","caption":"Unboxing my new @shop kettle \\ud83d\\ude0d","timestamp":"2026-11-29T18:00:00+0000",
                 "username":"ana.cooks","permalink":"https://www.instagram.com/reel/Cy2/","media_product_type":"REELS"},"id":"IGACC1"}"""
                .formatted(media))));
        String fixture = MetaDeadLetterTest.fixture("instagram/mentions-caption.json")
                .replace("17841400000000000", "IGACC1").replace("17887498072083598", media);
        Api.meta(Api.utf8(fixture)).when().post("/webhooks/meta").then().statusCode(200)
                .body("mentionsQueued", org.hamcrest.Matchers.equalTo(1));

        await().atMost(Duration.ofSeconds(20)).until(() -> ingested.of("instagram", media).size() == 1);
        JsonNode event = ingested.of("instagram", media).get(0);
        assertEquals("Unboxing my new @shop kettle 😍", event.get("text").asText());
        assertEquals("ana.cooks", event.get("author").get("handle").asText());
        assertEquals(media, event.get("threadId").asText());
        assertEquals("caption", event.get("context").get("mention").asText());
        assertEquals("https://www.instagram.com/reel/Cy2/", event.get("permalink").asText());
    }

    @Test
    void aMentionTheGraphWillNeverGiveIsSetAsideWithItsReasonAndCounted() {
        String deleted = graphId();
        String gone = graphId();
        String media = graphId();
        GRAPH.stubFor(get(urlPathEqualTo("/graph/IGACC1")).withQueryParam("fields", equalTo(commentFields(deleted)))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
                        {"error":{"message":"Unsupported get request. Object does not exist","type":"GraphMethodException",
                         "code":100,"error_subcode":33,"fbtrace_id":"A1"}}""")));
        GRAPH.stubFor(get(urlPathEqualTo("/graph/IGACC1")).withQueryParam("fields", equalTo(commentFields(gone)))
                .willReturn(aResponse().withStatus(404)));
        Api.meta(mention("IGACC1", media, deleted)).when().post("/webhooks/meta").then().statusCode(200);
        Api.meta(mention("IGACC1", media, gone)).when().post("/webhooks/meta").then().statusCode(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> letters(deleted).size() == 1 && letters(gone).size() == 1);
        ConsumerRecord<String, String> letter = letters(deleted).get(0);
        assertEquals("mention-unavailable", MetaDeadLetterTest.header(letter, "dead-letter-cause"));
        assertEquals("mention-unavailable: mentions: HTTP 400, Graph error 100/33",
                MetaDeadLetterTest.header(letter, "dead-letter-reason"));
        assertEquals("IGACC1", letter.key());
        assertEquals("IGACC1", MetaDeadLetterTest.header(letter, "earshot-meta-entry-id"));
        assertEquals("webhooks.meta", MetaDeadLetterTest.header(letter, "dead-letter-topic"));
        assertEquals(comment(media, deleted), Ingested.parse(letter.value()), "the change kept whole, for a replay");
        assertEquals("mention-unavailable", MetaDeadLetterTest.header(letters(gone).get(0), "dead-letter-cause"));
        assertEquals(1, GRAPH.findAll(getRequestedFor(urlPathEqualTo("/graph/IGACC1"))
                .withQueryParam("fields", equalTo(commentFields(deleted)))).size(), "never retried");
        assertTrue(ingested.of("instagram", deleted).isEmpty());
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("earshot_ingest_changes_skipped_total{reason=\"mention-unavailable\"}"));
    }

    private static JsonNode comment(String media, String comment) {
        return Ingested.parse("{\"field\":\"mentions\",\"value\":{\"media_id\":\"" + media + "\",\"comment_id\":\"" + comment + "\"}}");
    }

    @Test
    void aGraphOutageIsRetriedAndTheMentionStillQueuedOnce() {
        String comment = graphId();
        String media = graphId();
        String scenario = "outage-" + comment;
        GRAPH.stubFor(get(urlPathEqualTo("/graph/IGACC1")).withQueryParam("fields", equalTo(commentFields(comment)))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("rate-limited"));
        GRAPH.stubFor(get(urlPathEqualTo("/graph/IGACC1")).withQueryParam("fields", equalTo(commentFields(comment)))
                .inScenario(scenario).whenScenarioStateIs("rate-limited")
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"Application request limit reached\",\"code\":4}}"))
                .willSetStateTo("up"));
        GRAPH.stubFor(get(urlPathEqualTo("/graph/IGACC1")).withQueryParam("fields", equalTo(commentFields(comment)))
                .inScenario(scenario).whenScenarioStateIs("up")
                .willReturn(okJson("{\"mentioned_comment\":{\"id\":\"%s\",\"text\":\"@shop where is my order?\",\"media\":{\"id\":\"%s\"}}}"
                        .formatted(comment, media))));
        Api.meta(mention("IGACC1", media, comment)).when().post("/webhooks/meta").then().statusCode(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> ingested.of("instagram", comment).size() == 1);
        assertEquals("@shop where is my order?", ingested.of("instagram", comment).get(0).get("text").asText());
        assertEquals(3, GRAPH.findAll(getRequestedFor(urlPathEqualTo("/graph/IGACC1"))
                .withQueryParam("fields", equalTo(commentFields(comment)))).size());
        assertTrue(letters(comment).isEmpty(), "a mention read on a later attempt is not set aside");
    }

    @Test
    void aMentionOfAnAccountThatIsNotConfiguredIsSetAsideSaysWhyAndCallsNoApi() {
        String media = graphId();
        String comment = graphId();
        String account = graphId();
        Api.meta(mention(account, media, comment)).when().post("/webhooks/meta").then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> letters(comment).size() == 1);
        ConsumerRecord<String, String> letter = letters(comment).get(0);
        assertEquals("mention-no-account", MetaDeadLetterTest.header(letter, "dead-letter-cause"));
        assertTrue(MetaDeadLetterTest.header(letter, "dead-letter-reason").contains(account));
        assertEquals(0, GRAPH.findAll(getRequestedFor(urlPathEqualTo("/graph/" + account))).size());
    }
}
