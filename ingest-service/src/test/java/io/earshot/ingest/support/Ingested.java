package io.earshot.ingest.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.ingest.messaging.Topics;
import io.earshot.testsupport.TopicReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What reached {@code comments.ingested}, for assertions: one reader per test class. */
public final class Ingested implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final TopicReader reader = new TopicReader(Topics.COMMENTS_INGESTED);

    public List<ConsumerRecord<String, String>> records() {
        return reader.poll();
    }

    /** Every event of one platform comment, oldest first. */
    public List<JsonNode> of(String platform, String externalId) {
        return reader.poll().stream().map(r -> parse(r.value()))
                .filter(n -> n.path("platform").asText().equals(platform) && n.path("externalId").asText().equals(externalId))
                .toList();
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        reader.close();
    }
}
