package io.earshot.commons.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

class CloudEventHeadersTest {

    private static final Instant TIME = Instant.parse("2026-11-01T10:00:00.123Z");

    private static Map<String, String> asMap(Iterable<Header> headers) {
        Map<String, String> map = new LinkedHashMap<>();
        headers.forEach(h -> map.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        return map;
    }

    @Test
    void theBinaryModeHeadersSmallRyeWrites() {
        List<Header> headers = new CloudEventHeaders("e-1", "earshot.comment.created", "earshot/ingest-service", TIME).headers();
        Map<String, String> map = asMap(headers);
        assertEquals(List.of("ce_specversion", "ce_id", "ce_type", "ce_source", "ce_time", "content-type"),
                List.copyOf(map.keySet()));
        assertEquals("1.0", map.get("ce_specversion"));
        assertEquals("e-1", map.get("ce_id"));
        assertEquals("earshot.comment.created", map.get("ce_type"));
        assertEquals("earshot/ingest-service", map.get("ce_source"));
        assertEquals("application/json", map.get("content-type"));
        assertEquals(TIME, Instant.from(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(map.get("ce_time"))));
    }

    @Test
    void anEmittedEventCarriesTheSameHeadersAsRecordHeaders() {
        Message<String> message = EventMessages.event("youtube:v1", "{}", "e-2", "earshot.reply.approved",
                "earshot/reply-service", TIME);
        @SuppressWarnings("unchecked")
        OutgoingKafkaRecordMetadata<String> kafka = message.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow();
        assertEquals("youtube:v1", kafka.getKey());
        assertEquals(asMap(new CloudEventHeaders("e-2", "earshot.reply.approved", "earshot/reply-service", TIME).headers()),
                asMap(kafka.getHeaders()));
        assertFalse(message.getMetadata(OutgoingCloudEventMetadata.class).isPresent(),
                "no second set of ce_* headers from SmallRye's CloudEvent metadata");
    }
}
