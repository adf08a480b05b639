package io.earshot.reply.workflow;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.domain.QueueItems;
import io.earshot.reply.domain.Replay;
import io.earshot.reply.messaging.ReplyEvent;
import io.earshot.reply.messaging.Topics;
import io.earshot.reply.redis.ParkedEvents;
import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.redis.TimerStore;
import io.earshot.reply.support.Items;
import io.earshot.reply.support.PlatformStubs;
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
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A passed reply deadline becomes exactly one {@code sla_breached} record on the real {@code replies} topic, however
 * many sweeps race for it, without the comment's text or its author, and the view ignores it.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
@QuarkusTestResource(PlatformStubs.class)
class SlaBreachEventTest {

    private static TopicReader replies;

    @Inject
    QueueStore store;

    @Inject
    SlaWatch watch;

    @Inject
    TimerStore timers;

    @Inject
    ParkedEvents parked;

    @Inject
    EventRelay relay;

    @Inject
    ObjectMapper mapper;

    @BeforeAll
    static void connect() {
        replies = new TopicReader(Topics.REPLIES);
    }

    @AfterAll
    static void close() {
        replies.close();
    }

    private QueueItem due(Instant deadline) {
        QueueItem item = Items.complaint(Items.platform())
                .withComment(c -> c.withAccount("acct-7"))
                .withHandling(h -> h.withSlaDeadline(deadline).withTeam("care"));
        assertTrue(store.createIfAbsent(item));
        return item;
    }

    private List<ConsumerRecord<String, String>> breaches(String id) {
        return replies.poll().stream().filter(r -> r.value().contains(id) && r.value().contains("\"sla_breached\"")).toList();
    }

    @Test
    void concurrentSweepsProduceExactlyOneBreachRecordWithoutCommentOrAuthor() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofHours(1)); // the scheduled sweep (real time) leaves it alone
        Instant late = deadline.plusSeconds(1);
        watch.check(late.plusSeconds(60)); // other classes' items in the shared Redis: taken first, so the counts are ours
        QueueItem item = due(deadline);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CyclicBarrier start = new CyclicBarrier(2);
        try {
            Future<Integer> a = pool.submit(() -> { start.await(); return watch.check(late); });
            Future<Integer> b = pool.submit(() -> { start.await(); return watch.check(late); });
            assertEquals(1, a.get() + b.get(), "one of the two concurrent sweeps takes the breach");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, watch.check(late.plusSeconds(60)), "a later sweep finds nothing left");

        await().atMost(Duration.ofSeconds(20)).until(() -> breaches(item.id()).size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> breaches(item.id()).size() == 1);

        ConsumerRecord<String, String> record = breaches(item.id()).get(0);
        assertEquals(List.of(), EventSchemas.violations("replies", record.value()), record.value());
        assertEquals(item.threadKey(), record.key());
        assertEquals("earshot.reply.sla_breached",
                new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8));
        JsonNode json = mapper.readTree(record.value());
        assertEquals(item.platform(), json.get("platform").asText());
        assertEquals("acct-7", json.get("account").asText());
        assertEquals("care", json.get("team").asText());
        assertEquals("complaint", json.get("label").asText());
        assertEquals(60, json.get("priority").asInt());
        assertEquals(deadline.toEpochMilli(), Instant.parse(json.get("deadline").asText()).toEpochMilli());
        assertFalse(json.has("text"), "no draft or comment text");
        for (String personal : List.of(item.text(), item.author().id(), item.author().handle(), item.author().displayName(),
                item.draftText())) {
            assertFalse(record.value().contains(personal), "the breach leaks " + personal + ": " + record.value());
        }
        String eventId = json.get("eventId").asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> !parked.all().containsKey(eventId));

        // the view tolerates it: the item is as it was, nothing goes to the dead-letter topic
        QueueItem after = store.find(item.id()).orElseThrow();
        assertEquals(item.version(), after.version());
        assertEquals(item.state(), after.state());
    }

    @Test
    void aBreachTakenButNotSentIsSentByTheRelayOnceAndNotTakenAgain() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofHours(1));
        watch.check(deadline.plusSeconds(5)); // what other classes left due
        QueueItem item = due(deadline);
        // a replica that took the deadline and died before Kafka's ack leaves only the parked event behind
        ReplyEvent event = QueueItems.slaBreached(item, deadline.plusSeconds(1));
        assertTrue(timers.slaTakeAndPark(item.id(), event.eventId(), store.json(event)));
        assertFalse(timers.slaTakeAndPark(item.id(), event.eventId(), store.json(event)), "taken once");
        assertTrue(parked.all().containsKey(event.eventId()));

        assertEquals(0, watch.check(deadline.plusSeconds(5)), "no other replica takes it again");
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            relay.flush(0);
            return breaches(item.id()).size() == 1;
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> !parked.all().containsKey(event.eventId()));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> breaches(item.id()).size() == 1);
    }

    @Test
    void replayAndTheRebuildIgnoreTheNotice() {
        QueueItem item = Items.complaint(Items.platform()).withHandling(h -> h.withSlaDeadline(Instant.parse("2026-11-01T11:00:00Z")));
        ReplyEvent notice = QueueItems.slaBreached(item, Instant.parse("2026-11-01T11:00:30Z"));
        QueueItem older = item.withHandling(h -> h.withVersion(0));
        assertFalse(Replay.newer(older, notice), "never news, even to an older view");
        assertEquals(older, Replay.apply(older, notice));
        assertTrue(notice.notice());
    }
}
