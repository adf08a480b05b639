package io.earshot.ingest.messaging;

import io.earshot.ingest.domain.MetaDeliveries.Skipped;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Keeps the changes of a Meta delivery that looked like comments but could not become one on
 * {@code webhooks.meta.dlq}: the change JSON whole, the why in the {@code dead-letter-*} headers SmallRye's own
 * dead-letter strategy writes (so {@code ./suite dlq list} shows it), and where it came from in {@code earshot-meta-*}
 * headers, which survive a replay ({@code ./suite dlq replay} drops the {@code dead-letter-*} ones) so that
 * {@link MetaReplayConsumer} can rebuild the delivery. The returned Uni completes when Kafka acknowledged.
 */
@ApplicationScoped
public class MetaDeadLetters {

    @Inject
    @Channel(Topics.WEBHOOKS_META_DLQ)
    MutinyEmitter<String> emitter;

    @Inject
    KafkaClientService kafka;

    @ConfigProperty(name = "mp.messaging.outgoing.\"webhooks.meta.dlq\".topic", defaultValue = Topics.WEBHOOKS_META_DLQ)
    String topic;

    private volatile Producer<String, String> producer;

    private Producer<String, String> producer() {
        Producer<String, String> p = producer;
        if (p == null) {
            p = kafka.<String, String>getProducer(Topics.WEBHOOKS_META_DLQ).unwrap();
            producer = p;
        }
        return p;
    }

    public Uni<Void> publish(Skipped skipped) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, null, skipped.entryId(), skipped.change(),
                headers(skipped));
        return Uni.createFrom().emitter(done -> producer().send(record, (metadata, failure) -> {
            if (failure != null) {
                done.fail(failure);
            } else {
                done.complete(null);
            }
        }));
    }

    static List<Header> headers(Skipped s) {
        List<Header> headers = new ArrayList<>(10);
        add(headers, "dead-letter-reason", s.reason() + ": " + s.detail());
        add(headers, "dead-letter-cause", s.reason());
        // where a replay sends it: ingest-service reads this topic and runs the change through the webhook's path again
        add(headers, "dead-letter-topic", Topics.WEBHOOKS_META);
        add(headers, "dead-letter-object", s.object());
        add(headers, "dead-letter-entry-id", s.entryId());
        add(headers, "dead-letter-entry-time", s.entryTime());
        add(headers, "dead-letter-field", s.field());
        add(headers, MetaReplayConsumer.OBJECT, s.object());
        add(headers, MetaReplayConsumer.ENTRY_ID, s.entryId());
        add(headers, MetaReplayConsumer.ENTRY_TIME, s.entryTime());
        add(headers, "content-type", "application/json");
        return headers;
    }

    private static void add(List<Header> headers, String name, String value) {
        if (value != null) {
            headers.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
