package io.earshot.commons.messaging;

import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Builds the Kafka records every Earshot event travels in: JSON value, the conversation as key (so one thread stays
 * in order on one partition), and CloudEvents binary headers ({@code ce_id}, {@code ce_type}, {@code ce_source},
 * {@code ce_time}) so consumers can route and deduplicate without parsing the body.
 */
public final class EventMessages {

    private EventMessages() {
    }

    /** The record key of a conversation: the same thread id on two platforms is two conversations. */
    public static String conversationKey(String platform, String threadId) {
        return platform + ":" + threadId;
    }

    public static Message<String> event(String key, String json, String eventId, String type, String source, Instant time) {
        return Message.of(json)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build())
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(eventId)
                        .withType(type)
                        .withSource(URI.create(source))
                        .withTimestamp(time.atZone(ZoneOffset.UTC))
                        .withDataContentType("application/json")
                        .build());
    }
}
