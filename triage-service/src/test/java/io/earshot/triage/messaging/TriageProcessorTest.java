package io.earshot.triage.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.testsupport.EventSchemas;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.earshot.testsupport.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The service end to end on a real broker: what goes in on comments.ingested comes out triaged, or in the DLQ. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
class TriageProcessorTest {

    private static KafkaProducer<String, String> producer;
    private static TopicReader triaged;
    private static TopicReader dlq;

    @Inject
    ObjectMapper mapper;

    @BeforeAll
    static void connect() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(props);
        triaged = new TopicReader(Topics.COMMENTS_TRIAGED);
        dlq = new TopicReader(Topics.COMMENTS_INGESTED_DLQ);
    }

    @AfterAll
    static void close() {
        producer.close();
        triaged.close();
        dlq.close();
    }

    static String ingested(String eventId, String text, String lang) {
        return """
                {"eventId":"%s","commentId":"c-%s","version":1,"action":"created","platform":"youtube","account":null,
                 "externalId":"x-%s","threadId":"video-1","parentId":null,
                 "author":{"id":"a1","handle":"ana","displayName":"Ana","followers":12},
                 "text":"%s","lang":%s,"createdAt":"2026-11-01T10:00:00Z","receivedAt":"2026-11-01T10:00:01Z",
                 "permalink":null,"context":null,"moderationStatus":null}"""
                .formatted(eventId, eventId, eventId, text, lang == null ? "null" : "\"" + lang + "\"");
    }

    @Test
    void aOneStarReviewWithoutTextIsAComplaintAndTheRatingIsInTheExplanation() throws Exception {
        String id = UUID.randomUUID().toString();
        send(ingested(id, "", null).replace("\"context\":null", "\"context\":{\"starRating\":1}"));

        await().atMost(Duration.ofSeconds(20)).until(() -> triagedFor(id).size() == 1);
        JsonNode event = triagedFor(id).get(0);
        assertEquals("complaint", event.at("/triage/label").asText(), event.toString());
        assertTrue(event.at("/triage/explanation/0").asText().startsWith("1-star rating (+"), event.toString());
        assertEquals(List.of(), EventSchemas.violations("comments.triaged", event.toString()));
    }

    private void send(String value) throws Exception {
        producer.send(new ProducerRecord<>(Topics.COMMENTS_INGESTED, "youtube:video-1", value)).get();
    }

    /**
     * The verdicts for one event. Other test classes share the broker and write to comments.triaged too (the
     * insights consumer's test sends an unreadable record there on purpose), so a record that is not JSON is not one
     * of ours and is passed over; a malformed verdict of ours would still fail, as its event is then not found.
     */
    private List<JsonNode> triagedFor(String eventId) {
        return triaged.poll().stream().map(ConsumerRecord::value).map(this::read).flatMap(java.util.Optional::stream)
                .filter(n -> n.at("/comment/eventId").asText().equals(eventId)).toList();
    }

    private java.util.Optional<JsonNode> read(String json) {
        try {
            return java.util.Optional.of(mapper.readTree(json));
        } catch (java.io.IOException e) {
            return java.util.Optional.empty();
        }
    }

    @Test
    void complaintInSpanishIsTriagedWithLanguageAndConformsToTheContract() throws Exception {
        String id = UUID.randomUUID().toString();
        send(ingested(id, "Pésimo servicio, el pedido llegó roto y nadie me responde. ¿Qué puedo hacer?", null));

        await().atMost(Duration.ofSeconds(20)).until(() -> triagedFor(id).size() == 1);
        JsonNode event = triagedFor(id).get(0);
        assertEquals("es", event.at("/triage/lang").asText());
        assertEquals("complaint", event.at("/triage/label").asText());
        assertTrue(event.at("/triage/flags").toString().contains("question"));
        assertEquals("Ana", event.at("/comment/author/displayName").asText(), "the comment is forwarded whole");
        assertEquals(List.of(), EventSchemas.violations("comments.triaged", event.toString()));
    }

    @Test
    void aComplaintCarriesItsTopicInTheEventAndPraiseCarriesNone() throws Exception {
        String complaint = UUID.randomUUID().toString();
        String praise = UUID.randomUUID().toString();
        send(ingested(complaint, "My parcel never arrived, the courier lost it and the tracking shows nothing", "en"));
        send(ingested(praise, "Thanks, great service!", "en"));

        await().atMost(Duration.ofSeconds(20)).until(() -> triagedFor(complaint).size() == 1
                && triagedFor(praise).size() == 1);
        JsonNode c = triagedFor(complaint).get(0);
        assertEquals("complaint", c.at("/triage/label").asText());
        assertEquals("delivery", c.at("/triage/topic").asText(), c.toString());
        assertEquals(List.of(), EventSchemas.violations("comments.triaged", c.toString()));
        JsonNode p = triagedFor(praise).get(0);
        assertEquals("praise", p.at("/triage/label").asText());
        assertTrue(p.at("/triage/topic").isMissingNode(), p.toString());
        assertEquals(List.of(), EventSchemas.violations("comments.triaged", p.toString()));
        assertTrue(EventSchemas.violations("comments.triaged",
                c.toString().replace("\"topic\":\"delivery\"", "\"topic\":\"weather\"")).size() > 0,
                "the contract names the topic codes");
    }

    @Test
    void platformHintWinsAndRedeliveryGivesTheSameEventId() throws Exception {
        String id = UUID.randomUUID().toString();
        send(ingested(id, "Thanks, great service!", "en"));
        send(ingested(id, "Thanks, great service!", "en"));

        await().atMost(Duration.ofSeconds(20)).until(() -> triagedFor(id).size() == 2);
        List<JsonNode> both = triagedFor(id);
        assertEquals(both.get(0).get("eventId"), both.get(1).get("eventId"));
        assertEquals("praise", both.get(0).at("/triage/label").asText());
        assertEquals("en", both.get(0).at("/triage/lang").asText());
    }

    @Test
    void theFullVerdictIsPublishedWithPersonalDataScoresPriorityAndModel() throws Exception {
        String id = UUID.randomUUID().toString();
        String text = "Terrible service, the charger caught fire! Call me at +1 202 555 0143";
        send(ingested(id, text, "en"));

        await().atMost(Duration.ofSeconds(20)).until(() -> triagedFor(id).size() == 1);
        JsonNode t = triagedFor(id).get(0).get("triage");
        assertEquals("complaint", t.get("label").asText());
        assertEquals("phone", t.at("/pii/0/type").asText());
        assertEquals("+1 202 555 0143", text.substring(t.at("/pii/0/start").asInt(), t.at("/pii/0/end").asInt()));
        assertTrue(t.get("flags").toString().contains("pii"));
        for (String label : List.of("praise", "complaint", "neutral", "spam", "abusive")) {
            assertTrue(t.at("/scores/" + label).isNumber(), label);
        }
        assertTrue(t.get("priority").asInt() >= 60, t.toString());
        assertTrue(t.get("reasons").toString().contains("safety"), t.toString());
        assertTrue(t.get("explanation").size() > 0);
        assertTrue(t.get("model").asText().startsWith("triage-"));
        assertEquals(List.of(), EventSchemas.violations("comments.triaged", triagedFor(id).get(0).toString()));
    }

    @Test
    void theSameTextPostedAgainAndAgainIsFlaggedSpamThroughRedis() throws Exception {
        String text = "Amazing giveaway today only " + UUID.randomUUID() + " go and see it now";
        List<String> ids = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString());
        for (String id : ids) {
            send(ingested(id, text, "en"));
            await().atMost(Duration.ofSeconds(20)).until(() -> triagedFor(id).size() == 1);
        }
        JsonNode first = triagedFor(ids.get(0)).get(0).get("triage");
        JsonNode third = triagedFor(ids.get(2)).get(0).get("triage");
        assertTrue(third.get("flags").toString().contains("spam"), third.toString());
        assertEquals("repeated 3 times", third.at("/signals/0").asText());
        assertTrue(!first.get("signals").toString().contains("repeated"), first.toString());

        // a redelivery of the third post does not count as a fourth
        send(ingested(ids.get(2), text, "en"));
        await().atMost(Duration.ofSeconds(20)).until(() -> triagedFor(ids.get(2)).size() == 2);
        assertEquals("repeated 3 times", triagedFor(ids.get(2)).get(1).at("/triage/signals/0").asText());
    }

    @Test
    void unreadableRecordsGoToTheDeadLetterTopicAndTheFlowGoesOn() throws Exception {
        String marker = UUID.randomUUID().toString();
        send("not json " + marker);
        send("{\"eventId\":\"" + marker + "\"}");
        String good = UUID.randomUUID().toString();
        send(ingested(good, "Le produit est cassé", "fr"));

        await().atMost(Duration.ofSeconds(20)).until(() ->
                dlq.poll().stream().filter(r -> r.value().contains(marker)).count() == 2);
        ConsumerRecord<String, String> dead = dlq.poll().stream().filter(r -> r.value().contains(marker)).findFirst().orElseThrow();
        assertTrue(new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8).length() > 0);
        await().atMost(Duration.ofSeconds(20)).until(() -> triagedFor(good).size() == 1);
    }

    @Test
    void aMalformedRecordInABatchGoesAloneToTheDeadLetterTopicAndTheOthersArePublishedInOrder() throws Exception {
        String run = UUID.randomUUID().toString();
        List<String> ids = IntStream.range(0, 40).mapToObj(i -> run + "-" + i).toList();
        // sent back to back, without waiting for each, so that they reach the consumer in a poll or a few
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (i == ids.size() / 2) {
                sent.add(producer.send(new ProducerRecord<>(Topics.COMMENTS_INGESTED, "youtube:video-1",
                        "{\"eventId\":\"" + run + "-bad\", not json")));
            }
            sent.add(producer.send(new ProducerRecord<>(Topics.COMMENTS_INGESTED, "youtube:video-1",
                    ingested(ids.get(i), "My order arrived today, thank you", "en"))));
        }
        for (Future<RecordMetadata> f : sent) {
            f.get();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> triagedOf(run).size() == ids.size());
        List<JsonNode> out = triagedOf(run);
        assertEquals(ids, out.stream().map(n -> n.at("/comment/eventId").asText()).toList(),
                "every good record published once, in the order of its conversation");
        assertEquals(List.of(), EventSchemas.violations("comments.triaged", out.get(0).toString()));

        await().atMost(Duration.ofSeconds(30)).until(() -> deadOf(run).size() == 1);
        ConsumerRecord<String, String> dead = deadOf(run).get(0);
        assertTrue(dead.value().contains(run + "-bad"), "the malformed record, alone: " + dead.value());
        assertEquals(Topics.COMMENTS_INGESTED, header(dead, "dead-letter-topic"));
        assertTrue(header(dead, "dead-letter-reason").length() > 0);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> deadOf(run).size() == 1);
    }

    private List<JsonNode> triagedOf(String run) {
        return triaged.poll().stream().map(ConsumerRecord::value).filter(v -> v.contains(run)).map(v -> read(v).orElseThrow()).toList();
    }

    private List<ConsumerRecord<String, String>> deadOf(String run) {
        return dlq.poll().stream().filter(r -> r.value() != null && r.value().contains(run)).toList();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
