package io.earshot.reply.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.commons.retry.TransientRetry;
import io.earshot.reply.redis.ParkedEvents;
import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.support.PlatformStubs;
import io.earshot.reply.support.Triaged;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.earshot.testsupport.TopicReader;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Redis stops for 10 s while comments flow: every comment is queued and announced once when it is back, none is
 * dead-lettered, and meanwhile the service is not ready but still live. A malformed record still goes to the DLQ.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
@QuarkusTestResource(PlatformStubs.class)
class RedisOutageTest {

    private static final int COMMENTS = 200;

    @Inject
    QueueStore store;

    @Inject
    ParkedEvents parked;

    @Inject
    TransientRetry retry;

    @Inject
    MeterRegistry registry;

    @Test
    void commentsArrivingWhileRedisIsDownAreQueuedOnceItIsBackAndNoneIsDeadLettered() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = IntStream.range(0, COMMENTS).mapToObj(i -> "outage-" + run + "-" + i).toList();
        double retriesBefore = retries();
        ScheduledExecutorService timeline = Executors.newSingleThreadScheduledExecutor();
        try (Triaged triaged = new Triaged();
             TopicReader replies = new TopicReader(Topics.REPLIES);
             TopicReader dlq = new TopicReader(Topics.COMMENTS_TRIAGED_DLQ)) {
            // 200 comments over 4 s, one every 20 ms; Redis stops after the first 40 and is back 10 s later
            for (int i = 0; i < COMMENTS; i++) {
                String id = ids.get(i);
                // priority 0: the 200 items sort after every other test's items in the shared queue
                String value = Triaged.record(id, 1, "created", "facebook", "x-" + id, "My order " + id + " arrived broken",
                        "en", "complaint", "").replace("\"priority\":50", "\"priority\":0");
                timeline.schedule(() -> triaged.send("facebook", id, value), i * 20L, TimeUnit.MILLISECONDS);
            }
            timeline.schedule(() -> {
                RedisServerResource.shutdown();
                timeline.schedule(RedisServerResource::restart, 10, TimeUnit.SECONDS);
            }, 800, TimeUnit.MILLISECONDS);

            // while the consumers wait for Redis: not ready (take no traffic), but live (a restart would not help)
            await().atMost(Duration.ofSeconds(60)).until(() -> retry.waiting().containsKey("redis"));
            given().get("/q/health/ready").then().statusCode(503);
            given().get("/q/health/live").then().statusCode(200);

            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> ids.stream().allMatch(id -> store.find(id).isPresent()));
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> parked.all().values().stream().noneMatch(e -> e.contains("outage-" + run)));
            await().atMost(Duration.ofSeconds(60)).until(() -> drafted(replies, run).size() == COMMENTS);
            Map<String, Long> perItem = drafted(replies, run);
            assertTrue(perItem.values().stream().allMatch(n -> n == 1), "each comment announced once: " + perItem);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30))
                    .until(() -> dlq.poll().stream().noneMatch(r -> r.value().contains("outage-" + run)));
            assertTrue(retries() > retriesBefore, "the outage was waited out by retries, not skipped");
            await().atMost(Duration.ofSeconds(60)).until(() -> retry.waiting().isEmpty());
            given().get("/q/health/ready").then().statusCode(200);
        } finally {
            timeline.shutdownNow();
        }
    }

    @Test
    void aMalformedRecordStillGoesToTheDeadLetterTopicAtOnce() {
        String marker = "malformed-" + UUID.randomUUID();
        try (Triaged triaged = new Triaged(); TopicReader dlq = new TopicReader(Topics.COMMENTS_TRIAGED_DLQ)) {
            triaged.send("facebook", marker, "{\"eventId\":\"" + marker + "\", not json");
            triaged.send("facebook", marker, "{\"eventId\":\"" + marker + "-schema\"}");
            await().atMost(Duration.ofSeconds(60)).until(() -> dlq.poll().stream()
                    .filter(r -> r.value().contains(marker)).count() == 2);
        }
        assertEquals(0, retry.waiting().size(), "a bad record is not a transient fault");
    }

    private static Map<String, Long> drafted(TopicReader replies, String run) {
        return replies.poll().stream()
                .map(r -> r.value())
                .filter(v -> v.contains("\"type\":\"drafted\"") && v.contains("outage-" + run + "-"))
                .map(v -> v.replaceAll(".*\"itemId\":\"(outage-[^\"]+)\".*", "$1"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private double retries() {
        Counter counter = registry.find("earshot.reply.transient.retries").tag("store", "redis").counter();
        return counter == null ? 0 : counter.count();
    }
}
