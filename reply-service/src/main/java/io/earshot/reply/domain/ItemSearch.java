package io.earshot.reply.domain;

import io.earshot.commons.text.TextFold;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the queue's search matches an item by, folded with {@link TextFold} so case, accents, tashkeel and tatweel do
 * not matter: the comment text, the author's display name and handle, the platform's comment id and the item id.
 *
 * <p>Each item is indexed under its {@link #tokens} (one sorted set per token); a query scans the index of one of its
 * complete words and checks every word on each item it reads ({@link Query#matches}), as a substring of the folded
 * fields, so the last word may be the start of a word still being typed. See docs/dashboard.md, "Search".
 */
public final class ItemSearch {

    /** At most this many distinct tokens are indexed per item: ids and names first, then the text in order. */
    public static final int MAX_TOKENS = 64;
    /** Shorter words are not indexed (they would index nearly every item). */
    public static final int MIN_TOKEN = 2;
    /** Longer tokens are indexed by their first this many characters (queries cut theirs the same way). */
    public static final int MAX_TOKEN_CHARS = 64;
    /** Longest query accepted, in characters. */
    public static final int MAX_QUERY = 200;

    private ItemSearch() {
    }

    /** The tokens an item is indexed under: whole ids and handle, then the words of ids, handle, name and text. */
    public static List<String> tokens(QueueItem item) {
        QueueItem.Author a = item.author();
        String handle = TextFold.fold(a == null ? null : a.handle());
        String id = TextFold.fold(item.id());
        String externalId = TextFold.fold(item.externalId());
        Set<String> tokens = new LinkedHashSet<>();
        for (String whole : List.of(id, externalId, handle.startsWith("@") ? handle.substring(1) : handle)) {
            if (whole.codePointCount(0, whole.length()) >= MIN_TOKEN) {
                tokens.add(cut(whole));
            }
        }
        for (String field : List.of(id, externalId, handle, TextFold.fold(a == null ? null : a.displayName()),
                TextFold.fold(item.text()))) {
            for (String word : TextFold.words(field, MIN_TOKEN)) {
                if (tokens.size() >= MAX_TOKENS) {
                    return new ArrayList<>(tokens);
                }
                tokens.add(cut(word));
            }
        }
        return new ArrayList<>(tokens);
    }

    /** The folded fields a query's words are looked for in, one per line (so no word spans two fields). */
    static String haystack(QueueItem item) {
        QueueItem.Author a = item.author();
        return String.join("\n", TextFold.fold(item.text()), TextFold.fold(a == null ? null : a.displayName()),
                TextFold.fold(a == null ? null : a.handle()), TextFold.fold(item.externalId()), TextFold.fold(item.id()));
    }

    private static String cut(String token) {
        return token.codePointCount(0, token.length()) <= MAX_TOKEN_CHARS ? token
                : token.substring(0, token.offsetByCodePoints(0, MAX_TOKEN_CHARS));
    }

    /**
     * A parsed query.
     *
     * @param words the folded words, each of which an item must contain
     * @param indexTokens tokens any matching item is indexed under (the words of the complete query words: all but
     *        the last, and the last too when the query ends with a space); empty when the query is only a word being
     *        typed, which then needs a bounded scan
     */
    public record Query(List<String> words, List<String> indexTokens) {

        /** The query {@code q} as typed; null when it has no words. */
        public static Query parse(String q) {
            if (q == null) {
                return null;
            }
            String folded = TextFold.fold(q);
            List<String> words = Arrays.stream(folded.split("\\s+")).filter(w -> !w.isEmpty()).distinct().toList();
            if (words.isEmpty()) {
                return null;
            }
            boolean lastComplete = Character.isWhitespace(folded.charAt(folded.length() - 1));
            Set<String> tokens = new LinkedHashSet<>();
            for (int i = 0; i < words.size(); i++) {
                if (i < words.size() - 1 || lastComplete) {
                    TextFold.words(words.get(i), MIN_TOKEN).forEach(w -> tokens.add(cut(w)));
                }
            }
            return new Query(words, List.copyOf(tokens));
        }

        /** True when every word of the query is in the item's folded fields. */
        public boolean matches(QueueItem item) {
            String haystack = haystack(item);
            return words.stream().allMatch(haystack::contains);
        }
    }
}
