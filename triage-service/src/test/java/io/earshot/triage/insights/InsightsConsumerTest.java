package io.earshot.triage.insights;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * The detector on a real broker and Redis: a day of Spanish background then a burst on comments.triaged yields one
 * insights.emerging event, valid against its schema and keyed by issue id; an unreadable record goes to the DLQ; a
 * second replica's claim on the same alarm loses.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
@QuarkusTestResource(WebhookReceiverResource.class)
class InsightsConsumerTest {

    private static KafkaProducer<String, String> producer;
    private static TopicReader emerging;
    private static TopicReader dlq;
    private static final List<ConsumerRecord<String, String>> seen = new CopyOnWriteArrayList<>();
    private static final List<ConsumerRecord<String, String>> dead = new CopyOnWriteArrayList<>();

    @Inject
    ObjectMapper mapper;

    @Inject
    AlarmClaims claims;

    @BeforeAll
    static void connect() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(props);
        emerging = new TopicReader(InsightsTopics.INSIGHTS_EMERGING);
        dlq = new TopicReader(InsightsTopics.TRIAGED_DLQ);
    }

    @AfterAll
    static void close() {
        producer.close();
        emerging.close();
        dlq.close();
    }

    private String triaged(EmergingDetector.Observation o, String label) throws Exception {
        var comment = mapper.createObjectNode().put("commentId", o.itemId()).put("platform", o.platform())
                .put("threadId", "t-" + o.itemId()).put("text", o.text());
        var triage = mapper.createObjectNode().put("lang", o.lang()).put("label", label)
                .put("triagedAt", o.at().toString());
        triage.putArray("flags");
        var event = mapper.createObjectNode().put("eventId", "e-" + o.itemId());
        event.set("comment", comment);
        event.set("triage", triage);
        return mapper.writeValueAsString(event);
    }

    @Test
    void aBurstAfterADayOfBackgroundIsOneEmergingEventValidAgainstTheSchema() throws Exception {
        SyntheticTraffic traffic = new SyntheticTraffic(5);
        Instant t0 = Instant.parse("2026-11-02T00:00:00Z");
        List<EmergingDetector.Observation> stream = new ArrayList<>(traffic.background(t0, 27, 60).stream()
                .filter(o -> o.lang().equals("es")).toList());
        stream.addAll(traffic.burst("es", SyntheticTraffic.ES, EmergingDetectorTest.ES_BURST,
                t0.plus(Duration.ofHours(26)), 20, 30));
        stream.sort(Comparator.comparing(EmergingDetector.Observation::at));
        for (EmergingDetector.Observation o : stream) {
            // one key: one partition, so the detector sees event time in order, as one thread's comments are
            producer.send(new ProducerRecord<>("comments.triaged", "youtube:t", triaged(o, "complaint")));
        }
        // praise is not counted, whatever its terms
        producer.send(new ProducerRecord<>("comments.triaged", "youtube:t",
                triaged(new EmergingDetector.Observation("praise-1", "es", "youtube", "me encanta",
                        t0.plus(Duration.ofHours(27))), "praise")));
        producer.flush();

        await().atMost(Duration.ofSeconds(60)).until(() -> {
            seen.addAll(emerging.poll());
            return !seen.isEmpty();
        });
        ConsumerRecord<String, String> first = seen.get(0);
        JsonNode event = mapper.readTree(first.value());
        assertEquals(List.of(), EventSchemas.violations("insights.emerging", first.value()));
        assertEquals(event.path("issueId").asText(), first.key());
        assertEquals(1, event.path("version").asInt(), first.value());
        assertEquals("new", event.path("status").asText());
        assertEquals("es", event.path("languages").path(0).asText());
        assertTrue(first.value().contains("\"pedido\""), first.value());
        assertTrue(event.path("exampleItemIds").path(0).asText().startsWith("burst-es-"), first.value());
        assertEquals("earshot.insights.emerging", header(first, "ce_type"));
        assertEquals(event.path("eventId").asText(), header(first, "ce_id"));
        // the same alarm claimed again (a second replica that saw the same stream) is not sent twice
        assertFalse(claims.claim(event.path("issueId").asText(), 1));
        assertEquals(1, seen.stream().filter(r -> r.key().equals(first.key())
                && r.value().contains("\"version\":1,")).count());
        // the signed webhook: one POST for the alarm, its body the published event, signed over timestamp.rawBody
        await().atMost(Duration.ofSeconds(30)).until(() -> !webhookPosts(first.key()).isEmpty());
        List<LoggedRequest> posts = webhookPosts(first.key());
        assertEquals(1, posts.size());
        LoggedRequest post = posts.get(0);
        String timestamp = post.getHeader("X-Earshot-Timestamp");
        String rawBody = new String(post.getBody(), StandardCharsets.UTF_8);
        assertEquals(first.value(), rawBody);
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(
                WebhookReceiverResource.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal(concat((timestamp + ".").getBytes(StandardCharsets.UTF_8), post.getBody()));
        assertEquals("sha256=" + java.util.HexFormat.of().formatHex(expected), post.getHeader("X-Earshot-Signature"));
        assertEquals(event.path("eventId").asText(), post.getHeader("Idempotency-Key"));
        assertTrue(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) < 300, timestamp);
        assertFalse(rawBody.contains("\"text\""), rawBody);
    }

    private static List<LoggedRequest> webhookPosts(String issueId) {
        return WebhookReceiverResource.server.findAll(postRequestedFor(urlEqualTo("/hooks/emerging"))).stream()
                .filter(r -> r.getBodyAsString().contains("\"issueId\":\"" + issueId + "\"")
                        && r.getBodyAsString().contains("\"version\":1,")).toList();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopic() {
        producer.send(new ProducerRecord<>("comments.triaged", "youtube:bad", "{not json"));
        producer.flush();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            dead.addAll(dlq.poll());
            return dead.stream().anyMatch(r -> "{not json".equals(r.value()));
        });
    }

    @Test
    void aClaimIsWonOnceAndAReleasedClaimCanBeWonAgain() {
        assertTrue(claims.claim("issue-x", 1));
        assertFalse(claims.claim("issue-x", 1));
        assertTrue(claims.claim("issue-x", 2));
        claims.release("issue-x", 1);
        assertTrue(claims.claim("issue-x", 1));
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
