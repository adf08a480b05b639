package io.earshot.ingest.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
