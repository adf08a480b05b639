package io.earshot.reply.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Bluesky post needs beyond its text: the rich-text facets (links and mentions, located by UTF-8 byte offsets
 * as {@code app.bsky.richtext.facet} requires, not by Java chars), the 300-grapheme limit, and the record key a
 * reply is written under.
 */
public final class BlueskyText {

    /** Bluesky's limit on {@code app.bsky.feed.post} text, in graphemes. */
    public static final int MAX_GRAPHEMES = 300;

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");
    private static final Pattern MENTION = Pattern.compile("(?<![\\w@])@([a-zA-Z0-9](?:[a-zA-Z0-9-]{0,62}\\.)+[a-zA-Z][a-zA-Z0-9-]{0,62})");
    private static final Pattern GRAPHEME = Pattern.compile("\\X");
    private static final String TID_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz";
    /** 2015-01-01T00:00:00Z in microseconds: derived record keys fall between then and about 2023, never ahead of now. */
    private static final long TID_BASE_MICROS = 1_420_070_400_000_000L;

    private BlueskyText() {
    }

    /**
     * User-perceived characters (extended grapheme clusters), as Bluesky counts them. The regex {@code \X} rather than
     * {@code java.text.BreakIterator}: on Java 17 BreakIterator splits emoji ZWJ sequences (a family emoji counts 7).
     */
    public static int graphemes(String text) {
        Matcher m = GRAPHEME.matcher(text);
        int count = 0;
        while (m.find()) {
            count++;
        }
        return count;
    }

    /**
     * The facets of a text: every {@code http(s)} link, and every {@code @handle} that {@code resolve} turns into a
     * DID (a handle it cannot resolve stays plain text).
     */
    public static List<Map<String, Object>> facets(String text, Function<String, String> resolve) {
        List<Map<String, Object>> facets = new ArrayList<>();
        Matcher link = LINK.matcher(text);
        while (link.find()) {
            int end = link.end();
            while (end > link.start() && ".,;:!?)".indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            facets.add(facet(text, link.start(), end,
                    Map.of("$type", "app.bsky.richtext.facet#link", "uri", text.substring(link.start(), end))));
        }
        Matcher mention = MENTION.matcher(text);
        while (mention.find()) {
            String did = resolve.apply(mention.group(1).toLowerCase(java.util.Locale.ROOT));
            if (did != null && !insideLink(facets, byteOffset(text, mention.start()))) {
                facets.add(facet(text, mention.start(), mention.end(),
                        Map.of("$type", "app.bsky.richtext.facet#mention", "did", did)));
            }
        }
        return facets;
    }

    /** The UTF-8 length of {@code text} up to the char index {@code index}. */
    public static int byteOffset(String text, int index) {
        return text.substring(0, index).getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * A record key in TID syntax derived only from the idempotency key: every attempt of one approval writes the same
     * {@code at://} URI, so a resumed attempt finds the post an earlier one made and never posts twice.
     */
    public static String recordKey(String idempotencyKey) {
        byte[] h;
        try {
            h = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (h[i] & 0xff);
        }
        long micros = TID_BASE_MICROS + ((bits >>> 16) & ((1L << 48) - 1));
        long clock = bits & 0x3ff;
        long tid = (micros << 10) | clock;
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 13; i++) {
            s.append(TID_ALPHABET.charAt((int) ((tid >>> (60 - 5 * i)) & 0x1f)));
        }
        return s.toString();
    }

    private static boolean insideLink(List<Map<String, Object>> facets, int byteStart) {
        for (Map<String, Object> f : facets) {
            @SuppressWarnings("unchecked")
            Map<String, Integer> index = (Map<String, Integer>) f.get("index");
            if (byteStart >= index.get("byteStart") && byteStart < index.get("byteEnd")) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Object> facet(String text, int start, int end, Map<String, Object> feature) {
        Map<String, Object> facet = new LinkedHashMap<>();
        facet.put("index", Map.of("byteStart", byteOffset(text, start), "byteEnd", byteOffset(text, end)));
        facet.put("features", List.of(feature));
        return facet;
    }
}
