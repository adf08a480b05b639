package io.earshot.ingest.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void composesToNfc() {
        assertEquals("café", TextNormalizer.normalize("cafe\u0301"));
    }

    @Test
    void dropsControlAndBidiOverrideCharactersButKeepsLines() {
        assertEquals("a\nb\tc", TextNormalizer.normalize("a\r\n\u0000b\t\u202Ec\u0007"));
    }

    @Test
    void keepsEveryScriptAndEmoji() {
        String text = "مرحبا Привет నమస్కారం ¿Qué? ăîșț 👍🏽";
        assertEquals(text, TextNormalizer.normalize(text));
    }

    @Test
    void nullBecomesEmpty() {
        assertEquals("", TextNormalizer.normalize(null));
    }

    @Test
    void namesLoseBidiOverridesControlAndZeroWidthCharactersAndAreCut() {
        // an override reverses what follows it: staff would read a name that is not the one stored
        assertEquals("Official Support", TextNormalizer.name("\u202EOfficial\u200B \u2066Sup\u200Dport\u2069\u0007\n", 256));
        assertEquals("Jane Doe", TextNormalizer.name("  Jane\n\t  Doe\u200F ", 256));
        assertEquals("Jos\u00E9", TextNormalizer.name("Jose\u0301", 256), "NFC");
        assertEquals("ab", TextNormalizer.name("ab\uFEFF\u2060", 256));
        assertNull(TextNormalizer.name("\u200B\u202E ", 256), "nothing left");
        String cut = TextNormalizer.name("\uD83D\uDC4D".repeat(300), 256);
        assertEquals(256, cut.codePointCount(0, cut.length()), "cut on code points, never inside a surrogate pair");
    }

    @Test
    void authorFieldsOfEveryEventAreNormalised() {
        CommentDraft d = new CommentDraft("generic", "n-1");
        d.authorId = "u\u0000-1";
        d.authorHandle = "\u202Eeno\u200B";
        d.authorName = "Ana\nMaria";
        var event = d.toEvent(1, java.time.Instant.parse("2026-12-01T00:00:00Z"), 4096);
        assertEquals("u-1", event.author().id());
        assertEquals("eno", event.author().handle());
        assertEquals("Ana Maria", event.author().displayName());
        CommentDraft blank = new CommentDraft("generic", "n-2");
        blank.authorId = "\u200B";
        assertEquals("unknown", blank.toEvent(1, java.time.Instant.now(), 4096).author().id());
    }
}
