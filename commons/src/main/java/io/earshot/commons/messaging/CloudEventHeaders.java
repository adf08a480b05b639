package io.earshot.commons.messaging;

import io.smallrye.reactive.messaging.kafka.impl.ce.KafkaCloudEventHelper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * The CloudEvents binary-mode Kafka headers of an Earshot event, built in this one place for every service and every
 * way of sending (an emitter's message or a record handed to the producer directly): {@code ce_specversion},
 * {@code ce_id}, {@code ce_type}, {@code ce_source}, {@code ce_time} and {@code content-type}, with the names and
 * value formats SmallRye's Kafka connector writes, so consumers route and deduplicate without parsing the body and a
 * header never differs by the path its event took.
 *
 * @param id the event id ({@code ce_id}), stable across retries so consumers can deduplicate
 * @param type the event type ({@code earshot.comment.created}, ...)
 * @param source the producing service ({@code earshot/ingest-service})
 * @param time when the event happened, written as RFC 3339 in UTC
 */
public record CloudEventHeaders(String id, String type, String source, Instant time) {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";

    public CloudEventHeaders {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
    }

    /** The headers, in the order SmallRye writes them; the value is JSON. */
    public List<Header> headers() {
        List<Header> headers = new ArrayList<>(6);
        headers.add(header(SPEC_VERSION, "1.0"));
        headers.add(header(ID, id));
        headers.add(header(TYPE, type));
        headers.add(header(SOURCE, source));
        headers.add(header(TIME, KafkaCloudEventHelper.RFC3339_DATE_FORMAT.format(time.atZone(ZoneOffset.UTC))));
        headers.add(header(CONTENT_TYPE, "application/json"));
        return headers;
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
