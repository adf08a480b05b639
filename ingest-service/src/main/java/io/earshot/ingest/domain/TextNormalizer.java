package io.earshot.ingest.domain;

import java.text.Normalizer;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
        // Characters are dropped first and the rest composed after: dropping one between a letter and its accent
        // (e + U+202E + U+0301) would otherwise leave decomposed, non-NFC text behind (TextNormalizerFuzzTest keeps such inputs).
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
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
        return Normalizer.normalize(out, Normalizer.Form.NFC).strip();
    }

    /** The longest author id, handle or display name kept, in code points (the API's own limit for ids). */
    public static final int MAX_NAME = 256;

    /**
     * An author's id, handle or display name made as safe as comment text and then some: {@link #normalize} (NFC,
     * no control or bidi-override characters), and also no zero-width or bidi-mark characters (a name is one short
     * line that staff read to decide whom they answer, and these make two names look alike), any run of white space
     * one space, at most {@code max} code points. Null when nothing is left.
     */
    public static String name(String name, int max) {
        if (name == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(name.length());
        boolean space = false;
        for (int cp : normalize(name).codePoints().toArray()) {
            if (isInvisible(cp)) {
                continue;
            }
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.appendCodePoint(cp);
        }
        String cleaned = Normalizer.normalize(out, Normalizer.Form.NFC);
        if (cleaned.codePointCount(0, cleaned.length()) > max) {
            cleaned = cleaned.substring(0, cleaned.offsetByCodePoints(0, max)).strip();
        }
        return cleaned.isEmpty() ? null : cleaned;
    }

    private static boolean isInvisible(int cp) {
        return (cp >= 0x200B && cp <= 0x200F) || cp == 0x2060 || cp == 0xFEFF || cp == 0x180E || cp == 0x061C
                || Character.getType(cp) == Character.FORMAT;
    }

    private static final Pattern BREAKS = Pattern.compile("(?i)<br\\s*/?>|</p\\s*>|</div\\s*>|</li\\s*>");
    private static final Pattern HIDDEN = Pattern.compile("(?is)<(script|style)\\b.*?</\\1\\s*>");
    private static final Pattern TAGS = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});");
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", "\u00A0"), Map.entry("hellip", "\u2026"),
            Map.entry("mdash", "\u2014"), Map.entry("ndash", "\u2013"), Map.entry("lsquo", "\u2018"),
            Map.entry("rsquo", "\u2019"), Map.entry("ldquo", "\u201C"), Map.entry("rdquo", "\u201D"),
            Map.entry("copy", "\u00A9"), Map.entry("reg", "\u00AE"), Map.entry("trade", "\u2122"),
            Map.entry("euro", "\u20AC"), Map.entry("pound", "\u00A3"), Map.entry("yen", "\u00A5"));

    /**
     * Plain text from an HTML fragment (Mastodon statuses, YouTube's textDisplay): line breaks for {@code <br>} and
     * block ends, tags dropped, entities decoded, then {@link #normalize}.
     */
    public static String fromHtml(String html) {
        if (html == null) {
            return "";
        }
        String text = HIDDEN.matcher(html).replaceAll("");
        text = BREAKS.matcher(text).replaceAll("\n");
        text = TAGS.matcher(text).replaceAll("");
        return normalize(decodeEntities(text).replaceAll("\n{3,}", "\n\n"));
    }

    /** Decodes named (the common ones) and numeric character references; unknown ones stay as they are. */
    public static String decodeEntities(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String name = m.group(1);
            String replacement = null;
            if (name.startsWith("#")) {
                try {
                    int cp = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
                            ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                    if (Character.isValidCodePoint(cp)) {
                        replacement = new String(Character.toChars(cp));
                    }
                } catch (NumberFormatException ignored) {
                    // left as it is
                }
            } else {
                replacement = NAMED.get(name);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement != null ? replacement : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static boolean isBidiOverride(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }
}
