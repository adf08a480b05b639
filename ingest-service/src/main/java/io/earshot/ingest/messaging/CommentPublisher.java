package io.earshot.ingest.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.commons.messaging.CloudEventHeaders;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Writes {@code comments.ingested}; the returned Uni completes only when Kafka acknowledged the record.
 *
 * <p>Records go straight to the channel's Kafka producer (configured by {@code mp.messaging.outgoing."comments.ingested".*})
 * from the caller's thread, with the CloudEvents binary-mode headers of {@link CloudEventHeaders}. A 1,000-comment webhook
 * delivery is 1,000 sends, and the emitter's per-message machinery (one sending thread, metadata, context
 * propagation) cost more CPU than everything else together (docs/benchmarks.md). The emitter stays injected so the
 * channel, its producer and its health check exist.
 */
@ApplicationScoped
public class CommentPublisher {

    @Inject
    @Channel(Topics.COMMENTS_INGESTED)
    MutinyEmitter<String> emitter;

    @Inject
    KafkaClientService kafka;

    @Inject
    ObjectMapper mapper;

    /** The topic the channel writes to (the channel's own setting, so renaming the topic needs no code change). */
    @ConfigProperty(name = "mp.messaging.outgoing.\"comments.ingested\".topic", defaultValue = Topics.COMMENTS_INGESTED)
    String topic;

    private volatile Producer<String, String> producer;

    private Producer<String, String> producer() {
        Producer<String, String> p = producer;
        if (p == null) {
            p = kafka.<String, String>getProducer(Topics.COMMENTS_INGESTED).unwrap();
            producer = p;
        }
        return p;
    }

    public Uni<Void> publish(CommentIngested comment) {
        String json;
        try {
            json = mapper.writeValueAsString(comment);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, null,
                comment.conversationKey(), json, headers(comment));
        return Uni.createFrom().emitter(done -> producer().send(record, (metadata, failure) -> {
            if (failure != null) {
                done.fail(failure);
            } else {
                done.complete(null);
            }
        }));
    }

    /** The CloudEvents binary-mode headers, from the one builder every Earshot event uses. */
    static List<Header> headers(CommentIngested comment) {
        return new CloudEventHeaders(comment.eventId(), "earshot.comment." + comment.action().name(), Topics.SOURCE,
                comment.receivedAt()).headers();
    }
}
