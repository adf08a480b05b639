package io.earshot.reply.workflow;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads a topic from its beginning to the end offsets of now, one poll at a time, for the rebuild: records are handed
 * over as they arrive and not kept, so memory does not grow with the topic.
 */
@ApplicationScoped
public class KafkaLog {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    /** The kafka.* settings the channels use; their security part (SASL_SSL, SCRAM, truststore) goes to the rebuild's consumers. */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    /** Fails unless Kafka answers, so a rebuild does not start against a broker it cannot read. */
    public void probe() {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps())) {
            consumer.listTopics(Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            throw new IllegalStateException("Kafka does not answer (" + e.getClass().getSimpleName() + "); the queue was left as it is");
        }
    }

    /** Reads a topic from the beginning to the end offsets of now; returns how many records. */
    public int readAll(String topic, Consumer<ConsumerRecord<String, String>> each) {
        int n = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps())) {
            var infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos == null || infos.isEmpty()) {
                return 0;
            }
            List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(10)));
            end.values().removeIf(o -> o == 0);
            long deadline = System.currentTimeMillis() + Duration.ofMinutes(10).toMillis();
            while (!end.isEmpty() && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    Long stop = end.get(tp);
                    if (stop != null && r.offset() < stop) {
                        each.accept(r);
                        n++;
                    }
                }
                end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
            if (!end.isEmpty()) {
                throw new IllegalStateException("could not read " + topic + " to its end");
            }
        }
        return n;
    }

    private Properties consumerProps() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "reply-service-rebuild-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        kafkaConfig.forEach((key, value) -> {
            if (key.startsWith("security.") || key.startsWith("sasl.") || key.startsWith("ssl.")) {
                props.put(key, value);
            }
        });
        return props;
    }
}
