package io.earshot.reply.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.reply.api.ItemView;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Items as Redis holds them and as the API shows them, written by the code of commit 9489cef (before QueueItem was
 * split into parts), with every field set: reading and writing them again must give the same JSON, so stored queues
 * survive a deploy and API clients see no change.
 */
class GoldenJsonTest {

    private final ObjectMapper mapper = GoldenJson.mapper();

    @ParameterizedTest
    @ValueSource(strings = {"pending", "approved", "published", "moderated"})
    void storedItemReadsAndWritesBackUnchanged(String name) throws IOException {
        JsonNode golden = golden(name);
        QueueItem item = mapper.treeToValue(golden, QueueItem.class);
        JsonNode written = mapper.readTree(mapper.writeValueAsString(item));
        assertEquals(golden, written);
        assertEquals(fieldNames(golden), fieldNames(written), "field order");
    }

    @Test
    void apiViewOfAnItemIsUnchanged() throws IOException {
        QueueItem moderated = mapper.treeToValue(golden("moderated"), QueueItem.class);
        QueueItem pending = mapper.treeToValue(golden("pending"), QueueItem.class);
        Instant t = Instant.parse("2026-11-02T11:00:00Z");
        ItemView view = new ItemView(QueueItemJson.of(moderated), new ItemView.Claim("alice", t.plusSeconds(300)),
                new ReplyLint.Result(true, List.of()), true, "timeout", List.of(),
                List.of(new ItemView.Related("it-pending", "Jane Doe", pending.text(), pending.commentCreatedAt(),
                        "complaint", QueueItem.State.pending, null)),
                List.of(), null);
        JsonNode golden = golden("item-view");
        JsonNode written = mapper.readTree(mapper.writeValueAsString(view));
        assertEquals(golden, written);
        assertEquals(fieldNames(golden), fieldNames(written), "field order");
    }

    private JsonNode golden(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/golden/" + name + ".json")) {
            return mapper.readTree(in);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
