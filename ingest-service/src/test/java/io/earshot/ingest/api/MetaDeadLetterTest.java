package io.earshot.ingest.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.ingest.messaging.Topics;
import io.earshot.ingest.support.Api;
import io.earshot.ingest.support.Ingested;
import io.earshot.testsupport.EventSchemas;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.earshot.testsupport.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real Meta deliveries of every documented shape are answered 200; a delivery with malformed changes is answered 200
 * and its bad changes are on {@code webhooks.meta.dlq}, from where a replay takes them the webhook's way again.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
class MetaDeadLetterTest {

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

    static String fixture(String name) throws IOException {
        try (InputStream in = MetaDeadLetterTest.class.getResourceAsStream("/meta/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Test
    void theLegacyEditOfIssue13IsAnswered200AndQueuedOnce() throws IOException {
        String id = "900728623356296_" + UUID.randomUUID();
        byte[] body = Api.utf8(fixture("facebook/feed-comment-edited-sender.json").replace("900728623356296_900744590021366", id));
        Api.meta(body).when().post("/webhooks/meta").then().statusCode(200).body("accepted", equalTo(1));
        Api.meta(body).when().post("/webhooks/meta").then().statusCode(200).body("duplicates", equalTo(1));
        await().atMost(Duration.ofSeconds(15)).until(() -> ingested.of("facebook", id).size() == 1);
        JsonNode event = ingested.of("facebook", id).get(0);
        assertEquals("edited", event.get("action").asText());
        assertEquals("10150000000000001", event.get("author").get("id").asText());
        assertEquals("Tester", event.get("author").get("displayName").asText());
        assertEquals("Let's see the Webhooks in action :D", event.get("text").asText());
        assertTrue(event.get("version").asInt() > 1);
        for (var r : ingested.records()) {
            if (r.value().contains(id)) {
                assertEquals(List.of(), EventSchemas.violations("comments.ingested", r.value()));
            }
        }
    }

    @Test
    void everyFixtureIsAnswered200() throws IOException {
        Path root = Path.of("src/test/resources/meta");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(files.size() >= 25, "fixtures found: " + files.size());
        for (Path file : files) {
            byte[] body = Files.readAllBytes(file);
            Api.meta(body).when().post("/webhooks/meta").then().statusCode(200);
        }
    }

    @Test
    void aThousandChangesWithThreeMalformedAre200With997QueuedOnceAndThreeDeadLettered() {
        String run = "D" + UUID.randomUUID().toString().substring(0, 8);
        List<String> changes = new ArrayList<>();
        for (int c = 0; c < 1000; c++) {
            String id = run + "_" + c;
            changes.add(switch (c) {
                case 100 -> """
                        {"field":"feed","value":{"item":"comment","verb":"add","post_id":"%s_post","from":{"id":"U"},"message":"no id %s"}}"""
                        .formatted(run, run);
                case 500 -> """
                        {"field":"feed","value":{"item":"comment","verb":"add","comment_id":"%s","post_id":"%s_post","message":{"html":"<b>"}}}"""
                        .formatted(id, run);
                case 900 -> """
                        {"field":"feed","value":{"item":"comment","verb":"sparkle","comment_id":"%s","post_id":"%s_post"}}"""
                        .formatted(id, run);
                default -> MetaWebhookTest.feedChange("add", run + "_post", id, "U" + c, "comment " + c);
            });
        }
        byte[] body = Api.utf8("{\"object\":\"page\",\"entry\":[{\"id\":\"PAGE1\",\"time\":1762000000,\"changes\":["
                + String.join(",", changes) + "]}]}");
        Api.meta(body).when().post("/webhooks/meta").then().statusCode(200).body("comments", equalTo(997))
                .body("accepted", equalTo(997)).body("deadLettered", equalTo(3))
                .body("skipped.'missing-id'", equalTo(1)).body("skipped.'invalid-text'", equalTo(1))
                .body("skipped.'unknown-verb'", equalTo(1));

        await().atMost(Duration.ofSeconds(30)).until(() -> ingested.records().stream()
                .filter(r -> r.value().contains("\"externalId\":\"" + run + "_")).count() >= 997);
        Map<String, Long> perComment = ingested.records().stream().map(r -> Ingested.parse(r.value()))
                .filter(n -> n.path("externalId").asText().startsWith(run + "_"))
                .collect(Collectors.groupingBy(n -> n.path("externalId").asText(), Collectors.counting()));
        assertEquals(997, perComment.size());
        assertTrue(perComment.values().stream().allMatch(n -> n == 1), "each once");

        await().atMost(Duration.ofSeconds(15)).until(() -> dlq.poll().stream().filter(r -> r.value().contains(run)).count() == 3);
        List<ConsumerRecord<String, String>> letters = dlq.poll().stream().filter(r -> r.value().contains(run)).toList();
        assertEquals(List.of("missing-id", "invalid-text", "unknown-verb"), letters.stream().map(r -> header(r, "dead-letter-cause")).toList());
        ConsumerRecord<String, String> first = letters.get(0);
        assertEquals("missing-id: entry[0].changes[100].value.comment_id: is required", header(first, "dead-letter-reason"));
        assertEquals("webhooks.meta", header(first, "dead-letter-topic"));
        assertEquals("PAGE1", header(first, "dead-letter-entry-id"));
        assertEquals("1762000000", header(first, "dead-letter-entry-time"));
        assertEquals("PAGE1", first.key());
        assertEquals(Ingested.parse(changes.get(100)), Ingested.parse(first.value()), "the change kept whole");

        // the same delivery again (Meta's retry): nothing published twice
        Api.meta(body).when().post("/webhooks/meta").then().statusCode(200).body("duplicates", equalTo(997));

        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("earshot_ingest_changes_skipped_total{reason=\"unknown-verb\"}"));
    }

    @Test
    void aReplayedChangeBecomesItsCommentAndAStillBadOneGoesBack() {
        String id = "R" + UUID.randomUUID().toString().substring(0, 8);
        String fixed = MetaWebhookTest.feedChange("add", id + "_post", id, "U-replay", "fixed and replayed");
        String bad = """
                {"field":"feed","value":{"item":"comment","verb":"sparkle","comment_id":"%s_bad","post_id":"%s_post"}}"""
                .formatted(id, id);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                KafkaBrokerResource.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            for (String change : List.of(fixed, bad)) {
                ProducerRecord<String, String> r = new ProducerRecord<>(Topics.WEBHOOKS_META, "PAGE1", change);
                r.headers().add("earshot-meta-object", Api.utf8("page")).add("earshot-meta-entry-id", Api.utf8("PAGE1"))
                        .add("earshot-meta-entry-time", Api.utf8("1762000000"));
                producer.send(r);
            }
            producer.flush();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> ingested.of("facebook", id).size() == 1);
        JsonNode event = ingested.of("facebook", id).get(0);
        assertEquals("PAGE1", event.get("account").asText());
        assertEquals("fixed and replayed", event.get("text").asText());
        await().atMost(Duration.ofSeconds(15)).until(() -> dlq.poll().stream().anyMatch(r -> r.value().contains(id + "_bad")));
    }
}
