package io.earshot.ingest.messaging;

import static io.earshot.ingest.messaging.MetaChangeProducer.add;

import io.earshot.ingest.domain.MetaDeliveries.Skipped;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
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
    MetaChangeProducer producer;

    @ConfigProperty(name = "mp.messaging.outgoing.\"webhooks.meta.dlq\".topic", defaultValue = Topics.WEBHOOKS_META_DLQ)
    String topic;

    public Uni<Void> publish(Skipped skipped) {
        return producer.send(topic, skipped.entryId(), skipped.change(), headers(skipped));
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
}
