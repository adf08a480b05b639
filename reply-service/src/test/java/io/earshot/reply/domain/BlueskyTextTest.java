package io.earshot.reply.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.reply.support.Items;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Bluesky facets by UTF-8 byte offsets, the derived record key, and the 300-grapheme lint. */
class BlueskyTextTest {

    @Test
    void facetOffsetsAreUtf8BytesNotChars() {
        String text = "Hola Lucía 🙏, escríbenos: https://help.example.com/pedido?id=ñ1. Gracias @soporte.example.com";
        List<Map<String, Object>> facets = BlueskyText.facets(text, h -> h.equals("soporte.example.com") ? "did:plc:soporte" : null);
        assertEquals(2, facets.size());
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        @SuppressWarnings("unchecked")
        Map<String, Integer> link = (Map<String, Integer>) facets.get(0).get("index");
        assertEquals("https://help.example.com/pedido?id=ñ1", slice(utf8, link), "the trailing full stop is not part of the link");
        assertEquals(31, link.get("byteStart"), "both í take 2 bytes and the emoji 4: 26 chars before the link are 31 bytes");
        assertEquals(Map.of("$type", "app.bsky.richtext.facet#link", "uri", "https://help.example.com/pedido?id=ñ1"),
                ((List<?>) facets.get(0).get("features")).get(0));
        @SuppressWarnings("unchecked")
        Map<String, Integer> mention = (Map<String, Integer>) facets.get(1).get("index");
        assertEquals("@soporte.example.com", slice(utf8, mention));
        assertEquals(Map.of("$type", "app.bsky.richtext.facet#mention", "did", "did:plc:soporte"),
                ((List<?>) facets.get(1).get("features")).get(0));
    }

    @Test
    void teluguTextWithALinkAndAnUnresolvableHandle() {
        String text = "నమస్కారం! వివరాలు https://example.com/te లో. @nobody.invalid";
        List<Map<String, Object>> facets = BlueskyText.facets(text, h -> null);
        assertEquals(1, facets.size(), "a handle that does not resolve stays text");
        @SuppressWarnings("unchecked")
        Map<String, Integer> link = (Map<String, Integer>) facets.get(0).get("index");
        assertEquals("https://example.com/te", slice(text.getBytes(StandardCharsets.UTF_8), link));
        assertEquals("నమస్కారం! వివరాలు ".getBytes(StandardCharsets.UTF_8).length, link.get("byteStart"));
    }

    @Test
    void theRecordKeyIsAValidTidAndTheSameForOneApproval() {
        Pattern tid = Pattern.compile("^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$");
        String a = BlueskyText.recordKey("item-1:4");
        assertTrue(tid.matcher(a).matches(), a);
        assertEquals(a, BlueskyText.recordKey("item-1:4"));
        assertNotEquals(a, BlueskyText.recordKey("item-1:5"));
        assertTrue(tid.matcher(BlueskyText.recordKey("ü")).matches());
    }

    @Test
    void blueskyCountsGraphemesAndAllows300() {
        ReplyLint lint = new ReplyLint(new ReplyLint.Rules(Map.of("x", 280), 2000, Set.of("example.com")));
        assertEquals(300, lint.limit("bluesky"));
        String family = "👩‍👩‍👧‍👦";
        assertEquals(1, BlueskyText.graphemes(family));
        assertEquals(7, family.codePointCount(0, family.length()));
        String start = "Thanks for writing, we are on it and will reply soon. ";
        String fits = start + family.repeat(300 - BlueskyText.graphemes(start));
        assertEquals(300, BlueskyText.graphemes(fits));
        QueueItem item = Items.complaint("bluesky").withVerdict(vrd -> vrd.withLang("en"));
        assertFalse(lint.lint(item, fits).codes().contains("too_long"), "300 graphemes, though 1,700 code points");
        ReplyLint.Result over = lint.lint(item, fits + "!");
        assertTrue(over.codes().contains("too_long"), over.toString());
        assertTrue(over.toString().contains("301 graphemes"), over.toString());
        QueueItem onX = Items.complaint("x").withVerdict(vrd -> vrd.withLang("en"));
        assertTrue(lint.lint(onX, start + family.repeat(40)).codes().contains("too_long"), "X still counts code points");
    }

    private static String slice(byte[] utf8, Map<String, Integer> index) {
        return new String(Arrays.copyOfRange(utf8, index.get("byteStart"), index.get("byteEnd")), StandardCharsets.UTF_8);
    }
}
