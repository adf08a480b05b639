package io.earshot.ingest.messaging;

import static io.earshot.ingest.messaging.MetaChangeProducer.add;

import io.earshot.ingest.domain.MetaDeliveries.Mention;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;

/**
 * Puts an Instagram mention on {@code webhooks.meta}, where {@link MetaReplayConsumer} reads it from the Graph API:
 * the webhook answers once Kafka holds the mention instead of waiting for Meta's API (which Meta's delivery timeout
 * would not allow). The record is the change whole with the {@code earshot-meta-*} headers, as a replay writes it.
 */
@ApplicationScoped
public class MentionQueue {

    @Inject
    MetaChangeProducer producer;

    /** Completes when Kafka acknowledged the mention. */
    public Uni<Void> publish(Mention mention) {
        return producer.send(Topics.WEBHOOKS_META, mention.entryId(), mention.change(), headers(mention));
    }

    static List<Header> headers(Mention m) {
        List<Header> headers = new ArrayList<>(4);
        add(headers, MetaReplayConsumer.OBJECT, m.object());
        add(headers, MetaReplayConsumer.ENTRY_ID, m.entryId());
        add(headers, MetaReplayConsumer.ENTRY_TIME, m.entryTime());
        add(headers, "content-type", "application/json");
        return headers;
    }
}
