package io.earshot.ingest.domain;

import java.text.Normalizer;

/**
 * Makes comment text comparable and safe to carry: Unicode NFC (the same word is the same bytes), no control or
 * format-override characters (they can disguise text in the dashboard), line breaks and tabs kept.
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(nfc.length());
        nfc.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\t') {
                out.appendCodePoint(cp);
            } else if (cp == '\r') {
                // dropped: \r\n becomes \n
            } else if (Character.getType(cp) == Character.CONTROL || isBidiOverride(cp)) {
                // dropped
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString().strip();
    }

    private static boolean isBidiOverride(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }
}
