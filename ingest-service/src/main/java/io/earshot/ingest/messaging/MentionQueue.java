package io.earshot.ingest.messaging;

import io.earshot.ingest.domain.MetaDeliveries.Mention;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Puts an Instagram mention on {@code webhooks.meta}, where {@link MetaReplayConsumer} reads it from the Graph API:
 * the webhook answers once Kafka holds the mention instead of waiting for Meta's API (which Meta's delivery timeout
 * would not allow). The record is the change whole with the {@code earshot-meta-*} headers, as a replay writes it.
 * Sent with the producer of {@code webhooks.meta.dlq} (the same broker and settings; a producer is not bound to a topic).
 */
@ApplicationScoped
public class MentionQueue {

    @Inject
    KafkaClientService kafka;

    private volatile Producer<String, String> producer;

    private Producer<String, String> producer() {
        Producer<String, String> p = producer;
        if (p == null) {
            p = kafka.<String, String>getProducer(Topics.WEBHOOKS_META_DLQ).unwrap();
            producer = p;
        }
        return p;
    }

    /** Completes when Kafka acknowledged the mention. */
    public Uni<Void> publish(Mention mention) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.WEBHOOKS_META, null, mention.entryId(), mention.change(),
                headers(mention));
        return Uni.createFrom().emitter(done -> producer().send(record, (metadata, failure) -> {
            if (failure != null) {
                done.fail(failure);
            } else {
                done.complete(null);
            }
        }));
    }

    static List<Header> headers(Mention m) {
        List<Header> headers = new ArrayList<>(4);
        add(headers, MetaReplayConsumer.OBJECT, m.object());
        add(headers, MetaReplayConsumer.ENTRY_ID, m.entryId());
        add(headers, MetaReplayConsumer.ENTRY_TIME, m.entryTime());
        add(headers, "content-type", "application/json");
        return headers;
    }

    private static void add(List<Header> headers, String name, String value) {
        if (value != null) {
            headers.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
