package io.earshot.reply.workflow;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.messaging.ReplyEvent;
import io.earshot.reply.messaging.Topics;
import io.earshot.reply.messaging.TriagedComment;
import io.earshot.reply.redis.ParkedEvents;
import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.support.PlatformStubs;
import io.earshot.reply.support.Triaged;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.earshot.testsupport.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A new item's {@code drafted} announcement is a parked event like every other: written with the item in one script,
 * owed while parked, sent by the relay when nobody else does, and not owed once Kafka acknowledged it.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
@QuarkusTestResource(PlatformStubs.class)
class CreationAnnouncementTest {

    @Inject
    Intake intake;

    @Inject
    QueueStore store;

    @Inject
    ParkedEvents parked;

    @Inject
    EventRelay relay;

    @Inject
    ObjectMapper mapper;

    private TriagedComment triaged(String id) throws Exception {
        return mapper.readValue(Triaged.record(id, 1, "created", "facebook", "x-" + id, "My parcel never came", "en",
                "complaint", ""), TriagedComment.class).requireValid();
    }

    @Test
    void theDraftedEventIsParkedWithTheItemAndOwedUntilKafkaAcknowledgesIt() throws Exception {
        String id = "announce-" + UUID.randomUUID();
        TriagedComment triaged = triaged(id);
        QueueItem item = intake.item(triaged);

        ReplyEvent first = intake.receive(triaged, item).orElseThrow();
        assertEquals("drafted", first.type());
        assertEquals(id, first.itemId());
        assertTrue(store.find(id).isPresent(), "the item is queued");
        assertTrue(parked.find(first.eventId()).isPresent(), "and its announcement parked by the same write");

        // redelivered before Kafka acknowledged it: the very same event is owed again, nothing new is made
        Optional<ReplyEvent> again = intake.receive(triaged, intake.item(triaged));
        assertEquals(Optional.of(first), again);

        intake.announced(first).await().atMost(Duration.ofSeconds(5));
        assertTrue(parked.find(first.eventId()).isEmpty());
        assertEquals(Optional.empty(), intake.receive(triaged, intake.item(triaged)), "acknowledged: nothing owed");
    }

    @Test
    void anAnnouncementLeftByACrashIsSentByTheRelayOnce() throws Exception {
        String id = "crash-" + UUID.randomUUID();
        TriagedComment triaged = triaged(id);
        try (TopicReader replies = new TopicReader(Topics.REPLIES)) {
            // the consumer queued the item and died before sending: only the parked event is left
            ReplyEvent owed = intake.receive(triaged, intake.item(triaged)).orElseThrow();

            relay.flush(0);

            await().atMost(Duration.ofSeconds(30)).until(() -> replies.poll().stream()
                    .anyMatch(r -> r.value().contains(owed.eventId()) && r.value().contains("\"drafted\"")));
            assertTrue(parked.find(owed.eventId()).isEmpty(), "sent, so no longer owed");
            assertEquals(Optional.empty(), intake.receive(triaged, intake.item(triaged)),
                    "a redelivery after the relay sent it announces nothing");
            assertEquals(1, replies.poll().stream().filter(r -> r.value().contains(owed.eventId())).count());
        }
    }
}
