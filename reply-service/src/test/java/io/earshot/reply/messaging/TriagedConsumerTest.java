package io.earshot.reply.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.earshot.reply.redis.QueueStore;
import io.earshot.testsupport.EventSchemas;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.earshot.testsupport.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** From comments.triaged on a real broker to a queue item in a real Redis, exactly once. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
@QuarkusTestResource(io.earshot.reply.support.PlatformStubs.class)
class TriagedConsumerTest {

    private static KafkaProducer<String, String> producer;
    private static TopicReader replies;
    private static TopicReader dlq;

    @Inject
    QueueStore store;

    @Inject
    io.earshot.reply.redis.TemplateStore templates;

    @BeforeAll
    static void connect() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(props);
        replies = new TopicReader(Topics.REPLIES);
        dlq = new TopicReader(Topics.COMMENTS_TRIAGED_DLQ);
    }

    @AfterAll
    static void close() {
        producer.close();
        replies.close();
        dlq.close();
    }

    public static String triaged(String commentId, String platform, String text, String lang, String label, int priority) {
        return """
                {"eventId":"t-%s","comment":{"eventId":"i-%s","commentId":"%s","version":1,"action":"created",
                 "platform":"%s","account":null,"externalId":"x-%s","threadId":"post-9","parentId":null,
                 "author":{"id":"u1","handle":"lucia","displayName":"Lucía","followers":null},"text":"%s","lang":null,
                 "createdAt":"2026-11-01T10:00:00Z","receivedAt":"2026-11-01T10:00:01Z","permalink":null,
                 "context":null,"moderationStatus":null},
                 "triage":{"lang":"%s","label":"%s","confidence":0.8,"scores":{"praise":0.1,"complaint":0.8,"neutral":0.1},
                 "flags":[],"pii":[],"priority":%d,"reasons":["complaint"],"explanation":["roto (-)"],
                 "model":"test","triagedAt":"2026-11-01T10:00:02Z"}}"""
                .formatted(commentId, commentId, commentId, platform, commentId, text, lang, label, priority);
    }

    private void send(String value) throws Exception {
        producer.send(new ProducerRecord<>(Topics.COMMENTS_TRIAGED, "facebook:post-9", value)).get();
    }

    private List<ConsumerRecord<String, String>> draftedFor(String commentId) {
        return replies.poll().stream().filter(r -> r.value().contains("\"itemId\":\"" + commentId + "\"")).toList();
    }

    @Test
    void aTriagedComplaintBecomesOnePendingItemWithASpanishDraftEvenWhenRedelivered() throws Exception {
        String id = UUID.randomUUID().toString();
        String record = triaged(id, "facebook", "El pedido llegó roto", "es", "complaint", 74);
        send(record);

        await().atMost(Duration.ofSeconds(20)).until(() -> store.find(id).isPresent() && draftedFor(id).size() == 1);
        given().auth().preemptive().basic("responder", "resp-pw").when().get("/api/queue/" + id).then().statusCode(200)
                .body("state", equalTo("pending"))
                .body("label", equalTo("complaint"))
                .body("lang", equalTo("es"))
                .body("draft.lang", equalTo("es"))
                .body("draft.text", containsString("Lucía"))
                .body("draft.text", containsString("sentimos"));
        long sizeBefore = store.size();

        send(record);
        String later = UUID.randomUUID().toString();
        send(triaged(later, "facebook", "Gracias", "es", "praise", 10));
        // once the later record is through, the redelivered one was processed too (same partition, in order)
        await().atMost(Duration.ofSeconds(20)).until(() -> draftedFor(later).size() == 1);
        assertEquals(sizeBefore + 1, store.size(), "the redelivery created nothing");
        assertEquals(1, draftedFor(id).size(), "the redelivery announced nothing");
        ConsumerRecord<String, String> drafted = draftedFor(id).get(0);
        assertEquals("facebook:post-9", drafted.key());
        assertEquals(List.of(), EventSchemas.violations("replies", drafted.value()));
    }

    @Test
    void aDeliveryComplaintGetsTheDeliveryTemplateAndShowsItsTopic() throws Exception {
        templates.put("en:complaint:delivery", "Hi {author}, we are sorry your parcel is late: we are tracing it now ({case}).");
        try {
            String id = UUID.randomUUID().toString();
            String record = triaged(id, "facebook", "My parcel never arrived", "en", "complaint", 70)
                    .replace("\"model\":\"test\"", "\"model\":\"test\",\"topic\":\"delivery\"")
                    .replace("\"neutral\":0.1}", "\"neutral\":0.1,\"spam\":0.01,\"abusive\":0.01}");
            assertEquals(List.of(), EventSchemas.violations("comments.triaged", record), "triage's contract allows it");
            String plain = UUID.randomUUID().toString();
            send(record);
            send(triaged(plain, "facebook", "This is bad", "en", "complaint", 70));

            await().atMost(Duration.ofSeconds(20)).until(() -> store.find(id).isPresent() && store.find(plain).isPresent());
            given().auth().preemptive().basic("responder", "resp-pw").when().get("/api/queue/" + id).then()
                    .statusCode(200)
                    .body("topic", equalTo("delivery"))
                    .body("draft.source", equalTo("template:en:complaint:delivery"))
                    .body("draft.text", containsString("tracing it now"))
                    .body("draft.text", containsString("Lucía"));
            given().auth().preemptive().basic("responder", "resp-pw").when().get("/api/queue/" + plain).then()
                    .statusCode(200)
                    .body("topic", org.hamcrest.Matchers.nullValue())
                    .body("draft.source", equalTo("template:en:complaint"))
                    .body("draft.text", org.hamcrest.Matchers.not(containsString("tracing it now")));
        } finally {
            templates.delete("en:complaint:delivery");
        }
    }

    @Test
    void unreadableRecordsGoToTheDeadLetterTopic() throws Exception {
        String marker = UUID.randomUUID().toString();
        send("{\"eventId\":\"" + marker + "\",\"comment\":null}");
        await().atMost(Duration.ofSeconds(20)).until(() ->
                dlq.poll().stream().anyMatch(r -> r.value().contains(marker)));
    }
}
