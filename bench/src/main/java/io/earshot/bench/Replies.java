package io.earshot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Follows topic {@code replies} on every partition, without a consumer group, from its end or its beginning. */
final class Replies implements AutoCloseable {

    /** One event on {@code replies}: its type ({@code drafted}, {@code published}, ...), comment and event ids. */
    record Event(String type, String commentId, String itemId, String eventId, JsonNode body, long receivedNanos) {
    }

    interface Listener {
        void on(Event e);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile boolean running = true;

    Replies(String bootstrap, boolean fromBeginning, Listener listener) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "earshot-bench-" + UUID.randomUUID());
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "5");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        consumer = new KafkaConsumer<>(p);
        thread = new Thread(() -> run(fromBeginning, listener), "replies-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    /** Blocks until the watcher is positioned (the topic exists; it is created when missing). */
    void awaitReady() throws InterruptedException {
        ready.await();
    }

    private void run(boolean fromBeginning, Listener listener) {
        try {
            List<TopicPartition> parts = List.of();
            while (running && parts.isEmpty()) {
                parts = consumer.partitionsFor("replies", Duration.ofSeconds(10)).stream()
                        .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            }
            consumer.assign(parts);
            if (fromBeginning) {
                consumer.seekToBeginning(parts);
            } else {
                consumer.seekToEnd(parts);
            }
            parts.forEach(consumer::position);
            ready.countDown();
            while (running) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    try {
                        JsonNode n = JSON.readTree(r.value());
                        listener.on(new Event(n.path("type").asText(null), n.path("commentId").asText(null),
                                n.path("itemId").asText(null), n.path("eventId").asText(null), n, now));
                    } catch (Exception e) {
                        System.err.println("unreadable replies record at " + r.topic() + "-" + r.partition() + "@" + r.offset());
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            ready.countDown();
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** The end offsets, to know when everything written so far was read. */
    static Map<TopicPartition, Long> ends(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
            List<TopicPartition> parts = c.partitionsFor("replies").stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            return c.endOffsets(parts);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5000);
    }
}
