package io.earshot.ingest.domain;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;

/**
 * Fuzzes Meta webhook parsing (entries, changes, Facebook feed and Instagram comments) on any JSON: it never throws,
 * and every comment it returns has the ids the event needs, text that passes normalisation's promises, and was not
 * written by the business's own page.
 */
class MetaWebhookFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> OWN = Set.of("PAGE1", "IGACC1");

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] data) {
        JsonNode root;
        try {
            root = JSON.readTree(data);
        } catch (JsonProcessingException e) {
            return; // the resource answers 400 before parsing
        } catch (java.io.IOException e) {
            return;
        }
        MetaDeliveries.Parsed parsed = MetaDeliveries.parse(root, OWN);
        assertNotNull(parsed.comments());
        assertTrue(parsed.comments().size() <= Math.max(parsed.changes(), 0), "no more comments than changes");
        for (CommentDraft c : parsed.comments()) {
            assertNotNull(c.platform, "platform");
            assertNotNull(c.externalId, "comment id");
            assertTrue(c.authorId == null || !OWN.contains(c.authorId), "the business's own comments are skipped");
            if (c.text != null) {
                TextNormalizerFuzzTest.assertClean(TextNormalizer.normalize(c.text));
            }
        }
    }
}
