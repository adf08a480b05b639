package io.earshot.commons.messaging;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.time.Instant;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Builds the Kafka records every Earshot event travels in: JSON value, the conversation as key (so one thread stays
 * in order on one partition), and the CloudEvents binary headers of {@link CloudEventHeaders} so consumers can route
 * and deduplicate without parsing the body. The headers travel as record headers, not as SmallRye CloudEvent
 * metadata, so an emitter's record and one sent straight to the producer carry the same bytes.
 */
public final class EventMessages {

    private EventMessages() {
    }

    /** The record key of a conversation: the same thread id on two platforms is two conversations. */
    public static String conversationKey(String platform, String threadId) {
        return platform + ":" + threadId;
    }

    public static Message<String> event(String key, String json, String eventId, String type, String source, Instant time) {
        CloudEventHeaders ce = new CloudEventHeaders(eventId, type, source, time);
        return Message.of(json).addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key)
                .withHeaders(new RecordHeaders(ce.headers())).build());
    }
}
