package io.earshot.ingest.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.ingest.redis.DedupStore;
import io.earshot.ingest.support.Api;
import io.earshot.ingest.support.Ingested;
import io.earshot.ingest.support.WireMockResource;
import io.earshot.testsupport.EventSchemas;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Meta's webhooks as Meta sends them: handshake, signatures, feed verbs, Instagram comments, big batches. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
@QuarkusTestResource(WireMockResource.class)
class MetaWebhookTest {

    private static Ingested ingested;

    @Inject
    DedupStore dedup;

    @BeforeAll
    static void open() {
        ingested = new Ingested();
    }

    @AfterAll
    static void close() {
        ingested.close();
    }

    static String feedChange(String verb, String postId, String commentId, String fromId, String message) {
        return """
                {"field":"feed","value":{"item":"comment","verb":"%s","comment_id":"%s","post_id":"%s","parent_id":"%s",
                 "from":{"id":"%s","name":"Jane Doe"},"message":"%s","created_time":1762000000}}"""
                .formatted(verb, commentId, postId, postId, fromId, message);
    }

    static String delivery(String... changes) {
        return "{\"object\":\"page\",\"entry\":[{\"id\":\"PAGE1\",\"time\":1762000001,\"changes\":["
                + String.join(",", changes) + "]}]}";
    }

    @Test
    void handshakeEchoesTheChallengeOnlyForTheRightToken() {
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "test-verify-token")
                .queryParam("hub.challenge", "1158201444")
                .when().get("/webhooks/meta")
                .then().statusCode(200).contentType("text/plain").body(equalTo("1158201444"));
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "wrong").queryParam("hub.challenge", "1")
                .when().get("/webhooks/meta").then().statusCode(403).contentType("application/problem+json");
        given().queryParam("hub.mode", "unsubscribe").queryParam("hub.verify_token", "test-verify-token")
                .queryParam("hub.challenge", "1").when().get("/webhooks/meta").then().statusCode(403);
    }

    @Test
    void missingOrWrongSignatureIs401AndPublishesNothing() {
        String id = "P1_" + UUID.randomUUID();
        byte[] body = Api.utf8(delivery(feedChange("add", "P1", id, "U1", "Price?")));
        given().contentType("application/json").body(body).when().post("/webhooks/meta")
                .then().statusCode(401).contentType("application/problem+json");
        given().contentType("application/json").header("X-Hub-Signature-256", "sha256=" + "0".repeat(64)).body(body)
                .when().post("/webhooks/meta").then().statusCode(401).contentType("application/problem+json");
        given().contentType("application/json").header("X-Hub-Signature-256", "sha1=abc").body(body)
                .when().post("/webhooks/meta").then().statusCode(401);
        // signed for other bytes: one changed character
        byte[] tampered = Api.utf8(delivery(feedChange("add", "P1", id, "U1", "Price!")));
        given().contentType("application/json").header("X-Hub-Signature-256", Api.metaSignature(body)).body(tampered)
                .when().post("/webhooks/meta").then().statusCode(401);
        assertFalse(dedup.isKnown("facebook", id, 1));
    }

    @Test
    void feedAddEditRemoveBecomeVersionsAndRedeliveriesChangeNothing() {
        String id = "P2_" + UUID.randomUUID();
        byte[] add = Api.utf8(delivery(feedChange("add", "P2", id, "U2", "My order arrived broken &amp; late")));
        Api.meta(add).when().post("/webhooks/meta").then().statusCode(200).body("accepted", equalTo(1));
        Api.meta(add).when().post("/webhooks/meta").then().statusCode(200).body("accepted", equalTo(0)).body("duplicates", equalTo(1));
        byte[] edit = Api.utf8(delivery(feedChange("edited", "P2", id, "U2", "My order arrived broken")));
        Api.meta(edit).when().post("/webhooks/meta").then().statusCode(200).body("accepted", equalTo(1));
        byte[] editAgain = Api.utf8(delivery(feedChange("edit", "P2", id, "U2", "My order arrived broken")));
        Api.meta(editAgain).when().post("/webhooks/meta").then().statusCode(200).body("duplicates", equalTo(1));
        byte[] remove = Api.utf8(delivery("""
                {"field":"feed","value":{"item":"comment","verb":"remove","comment_id":"%s","post_id":"P2","created_time":1762000100}}"""
                .formatted(id)));
        Api.meta(remove).when().post("/webhooks/meta").then().statusCode(200).body("accepted", equalTo(1));

        await().atMost(Duration.ofSeconds(15)).until(() -> ingested.of("facebook", id).size() == 3);
        List<JsonNode> events = ingested.of("facebook", id);
        List<Integer> versions = events.stream().map(e -> e.get("version").asInt()).toList();
        assertEquals(1, versions.get(0));
        assertTrue(versions.get(0) < versions.get(1) && versions.get(1) < versions.get(2), "versions grow: " + versions);
        assertEquals(List.of("created", "edited", "removed"), events.stream().map(e -> e.get("action").asText()).toList());
        JsonNode created = events.get(0);
        assertEquals("P2", created.get("threadId").asText());
        assertTrue(created.get("parentId").isNull(), "a top-level comment has no parent comment");
        assertEquals("PAGE1", created.get("account").asText());
        assertEquals("Jane Doe", created.get("author").get("displayName").asText());
        assertEquals("2025-11-01T12:26:40Z", created.get("createdAt").asText());
        assertEquals("P2", created.get("context").get("postId").asText());
        assertTrue(created.get("raw").asText().contains(id));
        assertEquals("My order arrived broken", events.get(1).get("text").asText());
        for (var r : ingested.records()) {
            if (r.value().contains(id)) {
                assertEquals(List.of(), EventSchemas.violations("comments.ingested", r.value()));
                assertEquals("facebook:P2", r.key());
            }
        }
    }

    @Test
    void instagramCommentsAndRepliesCarryTheMediaAndOwnCommentsAreSkipped() {
        String c = "IG" + UUID.randomUUID();
        String body = """
                {"object":"instagram","entry":[{"id":"IGACC1","time":1762000000,"changes":[
                 {"field":"comments","value":{"id":"%1$s","from":{"id":"IGSID1","username":"jane"},"text":"Love it \\u2764",
                  "media":{"id":"M1","media_product_type":"FEED"}}},
                 {"field":"comments","value":{"id":"%1$s-r","from":{"id":"IGSID2","username":"ana"},"text":"Me too",
                  "media":{"id":"M1","media_product_type":"FEED"},"parent_id":"%1$s"}},
                 {"field":"comments","value":{"id":"%1$s-own","from":{"id":"IGACC1","username":"brand"},"text":"Thanks!",
                  "media":{"id":"M1","media_product_type":"FEED"},"parent_id":"%1$s"}},
                 {"field":"mentions","value":{"media_id":"M9","comment_id":"x"}}]}]}""".formatted(c);
        Api.meta(Api.utf8(body)).when().post("/webhooks/meta")
                .then().statusCode(200).body("accepted", equalTo(2)).body("ownSkipped", equalTo(1))
                .body("mentionsQueued", equalTo(1));
        await().atMost(Duration.ofSeconds(15)).until(() -> ingested.of("instagram", c + "-r").size() == 1);
        JsonNode top = ingested.of("instagram", c).get(0);
        JsonNode reply = ingested.of("instagram", c + "-r").get(0);
        assertEquals("M1", top.get("threadId").asText());
        assertEquals("Love it ❤", top.get("text").asText());
        assertEquals("jane", top.get("author").get("handle").asText());
        assertEquals("M1", top.get("context").get("mediaId").asText());
        assertEquals(c, reply.get("parentId").asText());
        assertTrue(ingested.of("instagram", c + "-own").isEmpty(), "the business's own reply is not a public comment");
    }

    @Test
    void otherItemsAndThePagesOwnCommentsAreAcknowledgedAndCounted() {
        String id = "P3_" + UUID.randomUUID();
        String like = """
                {"field":"feed","value":{"item":"reaction","verb":"add","post_id":"P3","reaction_type":"like","from":{"id":"U3"}}}""";
        String status = """
                {"field":"feed","value":{"item":"status","verb":"add","post_id":"P3","message":"New post"}}""";
        Api.meta(Api.utf8(delivery(like, status, feedChange("add", "P3", id, "PAGE1", "Thanks for writing!"))))
                .when().post("/webhooks/meta")
                .then().statusCode(200).body("accepted", equalTo(0)).body("ownSkipped", equalTo(1))
                .body("ignored.'feed:reaction'", equalTo(1)).body("ignored.'feed:status'", equalTo(1));
        assertFalse(dedup.isKnown("facebook", id, 1));
    }

    @Test
    void aBatchOfAThousandChangesIsPublishedAndAcknowledged() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder entries = new StringBuilder();
        for (int e = 0; e < 10; e++) {
            List<String> changes = new ArrayList<>();
            for (int c = 0; c < 100; c++) {
                changes.add(feedChange("add", "B" + run + "_" + e, "B" + run + "_" + e + "_" + c, "U" + c, "comment " + c));
            }
            entries.append(e == 0 ? "" : ",").append("{\"id\":\"PAGE1\",\"time\":1762000000,\"changes\":[")
                    .append(String.join(",", changes)).append("]}");
        }
        byte[] body = Api.utf8("{\"object\":\"page\",\"entry\":[" + entries + "]}");
        Api.meta(body).when().post("/webhooks/meta").then().statusCode(200).body("comments", equalTo(1000))
                .body("accepted", equalTo(1000));
        await().atMost(Duration.ofSeconds(30)).until(() -> ingested.records().stream()
                .filter(r -> r.value().contains("\"externalId\":\"B" + run + "_")).count() == 1000);
        Api.meta(body).when().post("/webhooks/meta").then().statusCode(200).body("duplicates", equalTo(1000));
    }

    @Test
    void onlyABodyThatIsNoDeliveryIsAProblemNeverA500() {
        byte[] malformed = Api.utf8("{\"object\":\"page\",\"entry\":[");
        Api.meta(malformed).when().post("/webhooks/meta").then().statusCode(400).contentType("application/problem+json");

        byte[] invalidUtf8 = Api.utf8(delivery(feedChange("add", "P4", "P4_1", "U4", "XX")));
        String s = new String(invalidUtf8, java.nio.charset.StandardCharsets.ISO_8859_1);
        invalidUtf8[s.indexOf("XX")] = (byte) 0xC3;
        invalidUtf8[s.indexOf("XX") + 1] = (byte) 0x28;
        Api.meta(invalidUtf8).when().post("/webhooks/meta").then().statusCode(400).contentType("application/problem+json");

        String missingId = """
                {"field":"feed","value":{"item":"comment","verb":"add","post_id":"P4","from":{"id":"U4"},"message":"hi"}}""";
        String good = feedChange("add", "P4", "P4_good_" + UUID.randomUUID(), "U4", "hi");
        Api.meta(Api.utf8(delivery(good, missingId))).when().post("/webhooks/meta")
                .then().statusCode(200).body("accepted", equalTo(1)).body("deadLettered", equalTo(1))
                .body("skipped.'missing-id'", equalTo(1));

        Api.meta(Api.utf8("{\"object\":\"page\",\"entry\":\"nope\"}")).when().post("/webhooks/meta")
                .then().statusCode(400).body("errors.field", hasItem("entry"));
        Api.meta(Api.utf8("[1,2]")).when().post("/webhooks/meta").then().statusCode(400);
    }

    @Test
    void bodiesOverOneMebibyteGet413() {
        byte[] big = Api.utf8(delivery(feedChange("add", "P5", "P5_1", "U5", "a".repeat(1024 * 1024 + 10))));
        Api.meta(big).when().post("/webhooks/meta").then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void commentsReachKafkaWithoutTheSecretAnywhere() {
        String id = "P6_" + UUID.randomUUID();
        Api.meta(Api.utf8(delivery(feedChange("add", "P6", id, "U6", "hello")))).when().post("/webhooks/meta").then().statusCode(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> ingested.of("facebook", id).size() == 1);
        assertFalse(ingested.of("facebook", id).get(0).toString().contains(Api.META_SECRET));
        assertNull(ingested.of("facebook", id).get(0).get("moderationStatus").textValue());
    }
}
