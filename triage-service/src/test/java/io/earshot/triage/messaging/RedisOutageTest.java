package io.earshot.triage.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.commons.retry.TransientRetry;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.earshot.testsupport.TopicReader;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Redis stops for 10 s while comments flow: every comment is triaged once, with its repetition counted, nothing is
 * dead-lettered, and meanwhile the service is not ready but still live. A malformed record still goes to the DLQ.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
class RedisOutageTest {

    private static final int TEXTS = 40;
    private static final int POSTS_PER_TEXT = 5;

    @Inject
    ObjectMapper mapper;

    @Inject
    TransientRetry retry;

    @Inject
    MeterRegistry registry;

    @Test
    void commentsArrivingWhileRedisIsDownAreTriagedOnceWithTheirRepetitionsCounted() {
        String run = letters(10);
        int comments = TEXTS * POSTS_PER_TEXT;
        double retriesBefore = retries();
        ScheduledExecutorService timeline = Executors.newSingleThreadScheduledExecutor();
        try (KafkaProducer<String, String> producer = producer();
             TopicReader triaged = new TopicReader(Topics.COMMENTS_TRIAGED);
             TopicReader dlq = new TopicReader(Topics.COMMENTS_INGESTED_DLQ)) {
            // 200 comments over 4 s, one every 20 ms: 40 texts, each posted 5 times; the first post of every text comes
            // before Redis stops (after 800 ms), the four others while it is down (it is back 10 s later)
            for (int i = 0; i < comments; i++) {
                String value = TriageProcessorTest.ingested(run + "-" + i,
                        "Where is my parcel " + run + " " + word(i % TEXTS) + " please answer", "en");
                timeline.schedule(() -> send(producer, value), i * 20L, TimeUnit.MILLISECONDS);
            }
            timeline.schedule(() -> {
                RedisServerResource.shutdown();
                timeline.schedule(RedisServerResource::restart, 10, TimeUnit.SECONDS);
            }, 800, TimeUnit.MILLISECONDS);

            // while the consumer waits for Redis: not ready, but live (a restart would not bring Redis back)
            await().atMost(Duration.ofSeconds(60)).until(() -> retry.waiting().containsKey("redis"));
            given().get("/q/health/ready").then().statusCode(503);
            given().get("/q/health/live").then().statusCode(200);

            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> outputs(triaged, run).size() == comments);
            List<JsonNode> out = outputs(triaged, run);
            Map<String, Long> perComment = out.stream().collect(Collectors.groupingBy(
                    e -> e.at("/comment/eventId").asText(), Collectors.counting()));
            assertEquals(comments, perComment.size(), "every comment triaged");
            assertTrue(perComment.values().stream().allMatch(n -> n == 1), "each once: " + perComment);
            // the posts made while Redis was down were counted: every text's fifth post is seen as its fifth
            long fifths = out.stream().filter(e -> e.at("/triage/signals").toString()
                    .contains("repeated " + POSTS_PER_TEXT + " times")).count();
            assertEquals(TEXTS, fifths, "repetitions counted across the outage");

            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30))
                    .until(() -> dlq.poll().stream().noneMatch(r -> r.value().contains(run)));
            assertTrue(retries() > retriesBefore, "the outage was waited out by retries, not skipped");
            await().atMost(Duration.ofSeconds(60)).until(() -> retry.waiting().isEmpty());
            given().get("/q/health/ready").then().statusCode(200);
        } finally {
            timeline.shutdownNow();
        }
    }

    @Test
    void aMalformedRecordStillGoesToTheDeadLetterTopicAtOnce() {
        String marker = "malformed-" + letters(10);
        try (KafkaProducer<String, String> producer = producer();
             TopicReader dlq = new TopicReader(Topics.COMMENTS_INGESTED_DLQ)) {
            send(producer, "{\"eventId\":\"" + marker + "\", not json");
            send(producer, "{\"eventId\":\"" + marker + "-schema\",\"text\":\"no platform, no ids\"}");
            await().atMost(Duration.ofSeconds(60)).until(() -> dlq.poll().stream()
                    .filter(r -> r.value().contains(marker)).count() == 2);
        }
        assertEquals(0, retry.waiting().size(), "a bad record is not a transient fault");
    }

    private List<JsonNode> outputs(TopicReader triaged, String run) {
        return triaged.poll().stream().filter(r -> r.value().contains(run)).map(r -> {
            try {
                return mapper.readTree(r.value());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    private static void send(KafkaProducer<String, String> producer, String value) {
        try {
            producer.send(new ProducerRecord<>(Topics.COMMENTS_INGESTED, "youtube:video-1", value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    /** Letters only, so text normalisation (digits) cannot make two texts one. */
    private static String letters(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return sb.toString();
    }

    private static String word(int k) {
        return "q" + (char) ('a' + k % 26) + (char) ('a' + k / 26) + "z";
    }

    private double retries() {
        Counter counter = registry.find("earshot.triage.transient.retries").tag("store", "redis").counter();
        return counter == null ? 0 : counter.count();
    }
}
