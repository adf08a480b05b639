package io.earshot.ingest.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.ingest.messaging.Topics;
import io.earshot.ingest.support.Api;
import io.earshot.testsupport.EventSchemas;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.earshot.testsupport.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
class CommentResourceTest {

    private static TopicReader ingested;

    @BeforeAll
    static void readTopic() {
        ingested = new TopicReader(Topics.COMMENTS_INGESTED);
    }

    @AfterAll
    static void close() {
        ingested.close();
    }

    static String comment(String externalId, String text) {
        return """
                {"platform":"generic","externalId":"%s","threadId":"post-77","author":{"id":"u-5","handle":"jane",
                 "displayName":"Jane"},"text":"%s","createdAt":"2026-11-01T10:00:00Z",
                 "permalink":"https://example.com/p/77","lang":"en"}""".formatted(externalId, text);
    }

    private List<ConsumerRecord<String, String>> recordsOf(String externalId) {
        return ingested.poll().stream().filter(r -> r.value().contains("\"externalId\":\"" + externalId + "\"")).toList();
    }

    @Test
    void firstSubmissionIsPublishedOnceAndDuplicatesAnswer200WithTheSameId() {
        String externalId = "c-" + UUID.randomUUID();
        String id = Api.authorized().contentType("application/json").body(comment(externalId, "My order arrived broken"))
                .when().post("/api/comments")
                .then().statusCode(202).body("status", equalTo("accepted")).body("id", notNullValue())
                .extract().path("id");

        Api.authorized().contentType("application/json").body(comment(externalId, "My order arrived broken"))
                .when().post("/api/comments")
                .then().statusCode(200).body("status", equalTo("duplicate")).body("id", equalTo(id));

        await().atMost(Duration.ofSeconds(10)).until(() -> recordsOf(externalId).size() == 1);
        ConsumerRecord<String, String> record = recordsOf(externalId).get(0);
        assertEquals("generic:post-77", record.key(), "key keeps the conversation on one partition");
        assertEquals("earshot.comment.created", header(record, "ce_type"));
        assertTrue(record.value().contains("\"commentId\":\"" + id + "\""));
        assertEquals(List.of(), EventSchemas.violations("comments.ingested", record.value()));
        // a later poll still finds exactly one
        assertEquals(1, recordsOf(externalId).size());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void missingAndWrongFieldsAreNamedInAProblem() {
        Api.authorized().contentType("application/json")
                .body("""
                        {"platform":"Not A Platform","threadId":"t","author":{},"text":"hi","createdAt":"2026-11-01T10:00:00Z"}""")
                .when().post("/api/comments")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItems("platform", "externalId", "author.id"));
    }

    @Test
    void malformedJsonIsAProblemNotA500() {
        Api.authorized().contentType("application/json").body("{\"platform\": ")
                .when().post("/api/comments")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("body"));
    }

    @Test
    void wrongTypeNamesTheField() {
        Api.authorized().contentType("application/json").body(comment("c-x", "hi").replace("\"2026-11-01T10:00:00Z\"", "\"yesterday\""))
                .when().post("/api/comments")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("createdAt"));
    }

    @Test
    void invalidUtf8IsRejected() {
        byte[] body = comment("c-utf", "XX").getBytes(StandardCharsets.UTF_8);
        String s = new String(body, StandardCharsets.ISO_8859_1);
        int at = s.indexOf("XX");
        body[at] = (byte) 0xC3;
        body[at + 1] = (byte) 0x28;
        Api.authorized().contentType("application/json").body(body)
                .when().post("/api/comments")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void bodiesOver64KiBGet413() {
        String text = "a".repeat(70 * 1024);
        Api.authorized().contentType("application/json").body(comment("c-big", text))
                .when().post("/api/comments")
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void withoutTheApiKeyEveryApiCallIs401() {
        given().contentType("application/json").body(comment("c-nokey", "hi"))
                .when().post("/api/comments")
                .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", notNullValue());
        given().header("Authorization", "Bearer not-the-key").contentType("application/json").body(comment("c-nokey", "hi"))
                .when().post("/api/comments")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Basic dGVzdDp0ZXN0").contentType("text/csv").body("x")
                .when().post("/api/import")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void healthAndWebhookHandshakeNeedNoApiKey() {
        given().when().get("/q/health/ready").then().statusCode(200);
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "test-verify-token")
                .queryParam("hub.challenge", "42").when().get("/webhooks/meta").then().statusCode(200);
    }

    @Test
    void anEditIsPublishedAgainWithAHigherVersionAndARemovalAsRemoved() {
        String externalId = "c-" + UUID.randomUUID();
        Api.authorized().contentType("application/json").body(comment(externalId, "first words")).when().post("/api/comments")
                .then().statusCode(202);
        String edit = comment(externalId, "second words").replace("\"lang\":\"en\"", "\"lang\":\"en\",\"action\":\"edited\"");
        Api.authorized().contentType("application/json").body(edit).when().post("/api/comments").then().statusCode(202);
        Api.authorized().contentType("application/json").body(edit).when().post("/api/comments").then().statusCode(200);
        String removal = comment(externalId, "").replace("\"lang\":\"en\"", "\"lang\":\"en\",\"action\":\"removed\"");
        Api.authorized().contentType("application/json").body(removal).when().post("/api/comments").then().statusCode(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> recordsOf(externalId).size() == 3);
        List<ConsumerRecord<String, String>> records = recordsOf(externalId);
        List<Integer> versions = records.stream().map(r -> io.earshot.ingest.support.Ingested.parse(r.value()).get("version").asInt()).toList();
        assertEquals(1, versions.get(0));
        assertTrue(versions.get(1) > versions.get(0) && versions.get(2) > versions.get(1), "versions grow: " + versions);
        assertTrue(records.get(1).value().contains("\"action\":\"edited\""));
        assertTrue(records.get(2).value().contains("\"action\":\"removed\""));
        assertEquals("earshot.comment.removed", header(records.get(2), "ce_type"));
        records.forEach(r -> assertEquals(List.of(), EventSchemas.violations("comments.ingested", r.value())));
    }

    @Test
    void controlCharactersAreRemovedAndTextIsNfc() {
        String externalId = "c-" + UUID.randomUUID();
        // e + combining acute (NFD) and a bell character
        Api.authorized().contentType("application/json").body(comment(externalId, "cafe\\u0301 \\u0007ok"))
                .when().post("/api/comments")
                .then().statusCode(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> recordsOf(externalId).size() == 1);
        assertTrue(recordsOf(externalId).get(0).value().contains("\"text\":\"café ok\""));
    }
}
