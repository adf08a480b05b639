package io.earshot.reply.messaging;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.reply.redis.EmergingStore;
import io.earshot.reply.support.Emerging;
import io.earshot.reply.support.Staff;
import io.earshot.testsupport.EventSchemas;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.earshot.testsupport.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** From insights.emerging on a real broker to the emerging-issues API over a real Redis, once per version. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
class EmergingConsumerTest {

    private static KafkaProducer<String, String> producer;
    private static TopicReader dlq;

    @Inject
    EmergingStore store;

    @Inject
    ObjectMapper mapper;

    @BeforeAll
    static void connect() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(props);
        dlq = new TopicReader(Topics.INSIGHTS_EMERGING_DLQ);
    }

    @AfterAll
    static void close() {
        producer.close();
        dlq.close();
    }

    private static String emerging(String issueId, int version, String term, String lang, int count, Instant at) {
        return Emerging.event(issueId, version, term, lang, count, at);
    }

    static void send(String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(Topics.INSIGHTS_EMERGING, key, value)).get();
    }

    private static JsonPath listed() {
        return Staff.responder().queryParam("limit", "100").get("/api/insights/emerging").then().statusCode(200)
                .extract().jsonPath();
    }

    private static Map<String, Object> issue(String issueId) {
        return listed().getMap("find { it.issueId == '" + issueId + "' }");
    }

    @Test
    void whatTheConsumerReadsAndStoresIsTheSchemasEvent() throws Exception {
        String json = emerging("i-schema", 2, "pedido", "es", 16, Instant.parse("2026-11-01T10:00:00Z"));
        assertEquals(List.of(), EventSchemas.violations("insights.emerging", json), "the fixture is triage's event");
        EmergingIssue read = mapper.readValue(json, EmergingIssue.class).requireValid();
        assertEquals(List.of(), EventSchemas.violations("insights.emerging", mapper.writeValueAsString(read)),
                "EmergingIssue keeps every field the schema has, and only those");
        assertEquals("pedido", read.topTerm());
        assertEquals(1.2E-9, read.terms().get(0).pValue());
    }

    @Test
    void anIssueIsListedWithItsLatestVersionAndAnOlderVersionChangesNothing() throws Exception {
        String id = UUID.randomUUID().toString();
        Instant first = Instant.now().minus(Duration.ofMinutes(40)).truncatedTo(ChronoUnit.SECONDS);
        Instant second = first.plus(Duration.ofMinutes(20));
        send(id, emerging(id, 1, "pedido", "es", 8, first));
        await().atMost(Duration.ofSeconds(20)).until(() -> issue(id) != null);
        send(id, emerging(id, 2, "pedido", "es", 16, second));
        await().atMost(Duration.ofSeconds(20)).until(() -> Integer.valueOf(2).equals(issue(id).get("version")));

        Map<String, Object> shown = issue(id);
        assertEquals("growing", shown.get("status"));
        assertEquals(16, shown.get("count"));
        assertEquals("pedido", shown.get("topTerm"));
        assertEquals(List.of("es"), shown.get("languages"));
        assertEquals(first.toString(), shown.get("since"), "since the first version's detection");
        assertEquals(second.toString(), shown.get("updatedAt"));

        // the older version again (a redelivery, a replay), then a marker behind it on the same partition
        send(id, emerging(id, 1, "pedido", "es", 8, first));
        String marker = UUID.randomUUID().toString();
        send(id, emerging(marker, 1, "marcador", "es", 8, second));
        await().atMost(Duration.ofSeconds(20)).until(() -> issue(marker) != null);
        assertEquals(2, issue(id).get("version"), "the older version changed nothing");
        assertEquals(16, issue(id).get("count"));
        assertEquals(1, listed().getList("findAll { it.issueId == '" + id + "' }").size(), "stored by id, once");

        // the language filter
        Staff.responder().queryParam("lang", "ar").queryParam("limit", "100").get("/api/insights/emerging").then()
                .statusCode(200).body("find { it.issueId == '" + id + "' }", nullValue());
        Staff.responder().queryParam("lang", "es").queryParam("limit", "100").get("/api/insights/emerging").then()
                .statusCode(200).body("find { it.issueId == '" + id + "' }.version", equalTo(2));
    }

    @Test
    void aQuietIssueIsListedClosedAfterTheOpenOnesAndAWeekOldOneIsNotKept() throws Exception {
        String quiet = UUID.randomUUID().toString();
        String old = UUID.randomUUID().toString();
        String open = UUID.randomUUID().toString();
        // one partition, in order: once the last is listed, the others were read
        send(quiet, emerging(quiet, 1, "factura", "es", 9, Instant.now().minus(Duration.ofHours(5))));
        send(quiet, emerging(old, 1, "parola", "ro", 9, Instant.now().minus(Duration.ofDays(8))));
        send(quiet, emerging(open, 1, "login", "en", 9, Instant.now().minus(Duration.ofMinutes(1))));
        await().atMost(Duration.ofSeconds(20)).until(() -> issue(open) != null);

        assertEquals("closed", issue(quiet).get("status"), "no new version for open-for (3 h)");
        assertEquals("new", issue(open).get("status"));
        List<String> ids = listed().getList("issueId");
        assertTrue(ids.indexOf(open) < ids.indexOf(quiet), "open issues first: " + ids);
        assertTrue(store.find(old).isEmpty(), "an issue older than keep (7 days) is not kept");
        assertFalse(ids.contains(old), "an issue older than keep (7 days) is dropped");
    }

    @Test
    void aMalformedRecordGoesAloneToTheDeadLetterTopic() throws Exception {
        String key = UUID.randomUUID().toString();
        String marker = UUID.randomUUID().toString();
        send(key, "{\"eventId\":\"" + marker + "\",\"issueId\":\"" + key + "\",\"version\":1,\"status\":\"new\",\"terms\":[]}");
        String next = UUID.randomUUID().toString();
        send(key, emerging(next, 1, "entrega", "es", 8, Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                dlq.poll().stream().anyMatch(r -> r.value().contains(marker)));
        await().atMost(Duration.ofSeconds(20)).until(() -> issue(next) != null);
        assertTrue(store.find(key).isEmpty(), "the bad record stored nothing");
        assertTrue(dlq.poll().stream().noneMatch(r -> r.value().contains(next)), "the good record after it is not dead-lettered");
    }

    @Test
    void badQueriesAreProblemsNamingTheFieldAndStaffOnly() {
        Staff.responder().queryParam("limit", "0").get("/api/insights/emerging").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
        Staff.responder().queryParam("limit", "many").get("/api/insights/emerging").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
        Staff.responder().queryParam("lang", "Spanish!").get("/api/insights/emerging").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", containsString("lang"));
        io.restassured.RestAssured.given().get("/api/insights/emerging").then().statusCode(401);
    }
}
