package io.earshot.ingest.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.earshot.ingest.domain.MetaIntake;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Reads the Meta changes on {@code webhooks.meta}: Instagram mentions the webhook queued there, read now from the
 * Graph API ({@link MetaIntake#replay}), and changes replayed from {@code webhooks.meta.dlq}, taken the webhook's way
 * again. The delivery is
 * rebuilt from the {@code earshot-meta-*} headers (object, entry id and time), so a change that a fix made readable
 * becomes its comment, with the same ids and version as if it had been read the first time; one still unreadable
 * goes back to the dead-letter topic. Acknowledged only once all of that is in Kafka; a record that is not even JSON
 * is nacked to {@code webhooks.meta.dlq.ingest-service}.
 */
@ApplicationScoped
public class MetaReplayConsumer {

    private static final Logger LOG = Logger.getLogger(MetaReplayConsumer.class);

    static final String OBJECT = "earshot-meta-object";
    static final String ENTRY_ID = "earshot-meta-entry-id";
    static final String ENTRY_TIME = "earshot-meta-entry-time";

    @Inject
    MetaIntake intake;

    @Inject
    ObjectMapper mapper;

    @Incoming(Topics.WEBHOOKS_META)
    @Blocking
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> consume(Message<String> record) {
        JsonNode change;
        try {
            change = record.getPayload() == null ? null : mapper.readTree(record.getPayload());
        } catch (IOException e) {
            return record.nack(new IllegalArgumentException("a replayed Meta change is not JSON"));
        }
        if (change == null) {
            return record.nack(new IllegalArgumentException("a replayed Meta change is empty"));
        }
        Headers headers = record.getMetadata(IncomingKafkaRecordMetadata.class).map(m -> m.getHeaders()).orElse(null);
        MetaIntake.Result result;
        try {
            result = intake.replay(delivery(change, headers), Instant.now());
        } catch (RuntimeException e) {
            LOG.warnf("replayed Meta change not taken, it will be retried: %s", e.toString());
            return record.nack(e);
        }
        if (!result.stored()) {
            return record.nack(new IllegalStateException("Kafka did not acknowledge the replayed change"));
        }
        LOG.infof("Meta change from %s: %d comment(s) published, %d set aside", Topics.WEBHOOKS_META,
                result.outcomes().size(), result.deadLettered());
        return record.ack();
    }

    /** The one-change delivery the change came in, as far as its headers tell. */
    ObjectNode delivery(JsonNode change, Headers headers) {
        ObjectNode root = mapper.createObjectNode();
        header(headers, OBJECT).ifPresent(o -> root.put("object", o));
        ObjectNode entry = root.putArray("entry").addObject();
        header(headers, ENTRY_ID).ifPresent(id -> entry.put("id", id));
        header(headers, ENTRY_TIME).ifPresent(t -> {
            try {
                entry.put("time", Long.parseLong(t));
            } catch (NumberFormatException e) {
                entry.put("time", t);
            }
        });
        ArrayNode changes = entry.putArray("changes");
        changes.add(change);
        return root;
    }

    private static Optional<String> header(Headers headers, String name) {
        Header h = headers == null ? null : headers.lastHeader(name);
        return h == null || h.value() == null ? Optional.empty() : Optional.of(new String(h.value(), StandardCharsets.UTF_8));
    }
}
