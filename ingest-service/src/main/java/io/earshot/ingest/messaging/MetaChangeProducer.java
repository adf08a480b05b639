package io.earshot.ingest.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Sends a Meta change whole, with headers of its own and to a topic of the caller's choosing, which an emitter does
 * not do per record: the Kafka producer of the {@code webhooks.meta.dlq} channel, unwrapped (the same broker and
 * settings; a producer is not bound to a topic). Used for set-aside changes and for queued mentions.
 */
@ApplicationScoped
public class MetaChangeProducer {

    private final KafkaClientService kafka;

    private volatile Producer<String, String> producer;

    @Inject
    public MetaChangeProducer(KafkaClientService kafka) {
        this.kafka = kafka;
    }

    /** Completes when Kafka acknowledged the record, fails when it did not. */
    public Uni<Void> send(String topic, String key, String value, List<Header> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, null, key, value, headers);
        return Uni.createFrom().emitter(done -> producer().send(record, (metadata, failure) -> {
            if (failure != null) {
                done.fail(failure);
            } else {
                done.complete(null);
            }
        }));
    }

    /** Adds a UTF-8 header, or nothing when the value is absent. */
    static void add(List<Header> headers, String name, String value) {
        if (value != null) {
            headers.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private Producer<String, String> producer() {
        Producer<String, String> p = producer;
        if (p == null) {
            p = kafka.<String, String>getProducer(Topics.WEBHOOKS_META_DLQ).unwrap();
            producer = p;
        }
        return p;
    }
}
