package io.earshot.reply.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.domain.QueueItems;
import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.support.Items;
import io.earshot.reply.support.PlatformStubs;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.earshot.testsupport.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The view follows replies: a newer event than Redis holds is applied; an unreadable record goes to its dead-letter topic. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
@QuarkusTestResource(PlatformStubs.class)
class RepliesViewConsumerTest {

    @Inject
    QueueStore store;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper mapper;

    private static void send(String key, String value) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(Topics.REPLIES, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anEventNewerThanRedisIsAppliedToTheView() throws Exception {
        QueueItem item = Items.complaint("generic");
        store.createIfAbsent(item);
        // another instance rejected it; this Redis never saw the change
        QueueItem rejected = item.withState(QueueItem.State.rejected).withHandling(hdl -> hdl.withVersion(2)).withStateReason("duplicate");
        send(item.threadKey(), mapper.writeValueAsString(QueueItems.event(rejected, "rejected", "ben", "duplicate", Instant.now())));
        await().atMost(Duration.ofSeconds(30)).until(() -> store.find(item.id()).orElseThrow().state() == QueueItem.State.rejected);
        QueueItem now = store.find(item.id()).orElseThrow();
        assertEquals(2, now.version());
        assertEquals("duplicate", now.stateReason());
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopic() {
        String marker = UUID.randomUUID().toString();
        try (TopicReader dlq = new TopicReader(Topics.REPLIES_DLQ)) {
            send("generic:t", "{\"eventId\":\"" + marker + "\",\"type\":");
            await().atMost(Duration.ofSeconds(30)).until(() -> dlq.poll().stream().anyMatch(r -> r.value().contains(marker)));
        }
    }
}
