package io.earshot.ingest.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Ids must never change: every consumer deduplicates on them, across releases. */
class CommentIdsTest {

    @Test
    void areTheNameBasedUuidsOfTheJdk() {
        for (String id : new String[] {"c-1", "PAGE_POST_C", "Ügy€😀", ""}) {
            assertEquals(UUID.nameUUIDFromBytes(("comment|facebook|" + id).getBytes(StandardCharsets.UTF_8)).toString(),
                    CommentIds.commentId("facebook", id));
            assertEquals(UUID.nameUUIDFromBytes(("ingested|x|" + id + "|3").getBytes(StandardCharsets.UTF_8)).toString(),
                    CommentIds.eventId("x", id, 3));
        }
    }

    @Test
    void versionsHaveTheirOwnEventIds() {
        assertNotEquals(CommentIds.eventId("youtube", "Ugx", 1), CommentIds.eventId("youtube", "Ugx", 2));
        assertEquals(CommentIds.commentId("youtube", "Ugx"), CommentIds.commentId("youtube", "Ugx"));
    }
}
