package io.earshot.ingest.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.ingest.redis.DedupStore;
import io.earshot.ingest.support.Api;
import io.earshot.ingest.support.Ingested;
import io.earshot.ingest.support.WireMockResource;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The signed generic webhook: good, bad, missing and replayed signatures; single comments and batches. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
@QuarkusTestResource(WireMockResource.class)
class GenericWebhookTest {

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

    static String review(String id, String text) {
        return """
                {"externalId":"%s","threadId":"shop-42","author":{"id":"r-1","displayName":"Ravi"},"text":"%s",
                 "createdAt":"2026-11-01T10:00:00Z","account":"reviews-site"}""".formatted(id, text);
    }

    @Test
    void aSignedCommentIsPublishedAsGenericAndARedeliveryIsADuplicate() {
        String id = "g-" + UUID.randomUUID();
        byte[] body = Api.utf8(review(id, "Four stars, slow delivery"));
        long now = Instant.now().getEpochSecond();
        Api.generic(body, now).when().post("/webhooks/generic")
                .then().statusCode(200).body("accepted", equalTo(1)).body("results[0].status", equalTo("accepted"));
        Api.generic(body, now).when().post("/webhooks/generic")
                .then().statusCode(200).body("duplicates", equalTo(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> ingested.of("generic", id).size() == 1);
        assertEquals("reviews-site", ingested.of("generic", id).get(0).get("account").asText());
    }

    @Test
    void aBatchIsPublishedTogether() {
        String a = "g-" + UUID.randomUUID();
        String b = "g-" + UUID.randomUUID();
        byte[] body = Api.utf8("{\"comments\":[" + review(a, "one") + "," + review(b, "two") + "]}");
        Api.generic(body, Instant.now().getEpochSecond()).when().post("/webhooks/generic")
                .then().statusCode(200).body("accepted", equalTo(2));
        byte[] array = Api.utf8("[" + review(a, "one") + "]");
        Api.generic(array, Instant.now().getEpochSecond()).when().post("/webhooks/generic")
                .then().statusCode(200).body("duplicates", equalTo(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> ingested.of("generic", b).size() == 1);
    }

    @Test
    void wrongMissingAndReplayedSignaturesAre401() {
        String id = "g-" + UUID.randomUUID();
        byte[] body = Api.utf8(review(id, "hi"));
        long now = Instant.now().getEpochSecond();
        given().contentType("application/json").body(body).when().post("/webhooks/generic")
                .then().statusCode(401).contentType("application/problem+json");
        given().contentType("application/json").header("X-Earshot-Timestamp", Long.toString(now))
                .header("X-Earshot-Signature", "sha256=" + "ab".repeat(32)).body(body)
                .when().post("/webhooks/generic").then().statusCode(401);
        // signed correctly, but six minutes ago: a replay
        Api.generic(body, now - 360).when().post("/webhooks/generic")
                .then().statusCode(401).contentType("application/problem+json");
        given().contentType("application/json").header("X-Earshot-Timestamp", "yesterday")
                .header("X-Earshot-Signature", "sha256=00").body(body).when().post("/webhooks/generic").then().statusCode(401);
        assertFalse(dedup.isKnown("generic", id, 1));
    }

    @Test
    void aBatchTakesItsGoodCommentsAndReportsEachBadOne() {
        String good = "g-" + UUID.randomUUID();
        byte[] body = Api.utf8("{\"comments\":[" + review(good, "fine") + ",{\"externalId\":\"x\",\"text\":5}]}");
        Api.generic(body, Instant.now().getEpochSecond()).when().post("/webhooks/generic")
                .then().statusCode(200).body("accepted", equalTo(1)).body("rejected", equalTo(1))
                .body("results[0].status", equalTo("accepted"))
                .body("results[1].status", equalTo("rejected"))
                .body("results[1].reason", containsString("comments[1].threadId"));
        assertTrue(dedup.isKnown("generic", good, 1));
    }

    @Test
    void aSingleInvalidCommentOrABodyThatIsNotJsonIsAProblem() {
        Api.generic(Api.utf8("{\"externalId\":\"x\",\"text\":5}"), Instant.now().getEpochSecond()).when().post("/webhooks/generic")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("threadId"));
        Api.generic(Api.utf8("{nope"), Instant.now().getEpochSecond()).when().post("/webhooks/generic")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
