package io.earshot.ingest.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * Coverage-guided fuzzing of text normalisation, the one path every comment's text takes. In a normal test run the
 * inputs under {@code TextNormalizerFuzzTestInputs/} (seeds and every crash found so far) run as regression tests;
 * {@code JAZZER_FUZZ=1 mvn -pl ingest-service test -Dtest=TextNormalizerFuzzTest#normalize} fuzzes for maxDuration.
 */
class TextNormalizerFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void normalize(byte[] data) {
        assertClean(TextNormalizer.normalize(new String(data, StandardCharsets.UTF_8)));
    }

    @FuzzTest(maxDuration = "60s")
    void fromHtml(byte[] data) {
        assertClean(TextNormalizer.fromHtml(new String(data, StandardCharsets.UTF_8)));
    }

    /** What docs/architecture.md promises of comments.ingested text: NFC, no control or bidi-override characters. */
    static void assertClean(String out) {
        assertTrue(Normalizer.isNormalized(out, Normalizer.Form.NFC), () -> "not NFC: " + escape(out));
        out.codePoints().forEach(cp -> {
            assertTrue(cp == '\n' || cp == '\t' || Character.getType(cp) != Character.CONTROL, () -> "control character in " + escape(out));
            assertTrue(!(cp >= 0x202A && cp <= 0x202E) && !(cp >= 0x2066 && cp <= 0x2069), () -> "bidi override in " + escape(out));
        });
        assertEquals(out, TextNormalizer.normalize(out), () -> "normalising twice changes " + escape(out));
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> b.append(cp < 0x20 || cp > 0x7e ? String.format("\\u{%x}", cp) : Character.toString(cp)));
        return b.toString();
    }
}
