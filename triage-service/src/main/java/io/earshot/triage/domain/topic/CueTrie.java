package io.earshot.triage.domain.topic;

import java.util.Arrays;

/**
 * The cue terms of one language as a character trie over folded text, built once at load: a lookup walks the
 * characters of a word (and on into the next words for phrases) without allocating, hashing or running a regex, so a
 * comment costs one walk per word. A node remembers the topic of a term that ends there exactly and of a stem
 * ({@code term*}) that any longer word may continue.
 */
final class CueTrie {

    /** A match: the topic, how many tokens the cue spans and whether it was a phrase (several words). */
    static final int NONE = -1;

    private final Node root = new Node();

    private static final class Node {
        char[] keys = new char[0];
        Node[] kids = new Node[0];
        int exact = NONE;
        int stem = NONE;

        Node child(char c) {
            char[] k = keys;
            for (int i = 0; i < k.length; i++) {
                if (k[i] == c) {
                    return kids[i];
                }
            }
            return null;
        }

        Node add(char c) {
            Node n = child(c);
            if (n == null) {
                n = new Node();
                keys = Arrays.copyOf(keys, keys.length + 1);
                kids = Arrays.copyOf(kids, kids.length + 1);
                keys[keys.length - 1] = c;
                kids[kids.length - 1] = n;
            }
            return n;
        }
    }

    /**
     * Adds a folded term (words separated by one space) for a topic; a stem matches every word it begins.
     *
     * @return the topic the same term already had, or {@link #NONE}
     */
    int add(String folded, boolean stem, int topic) {
        Node n = root;
        for (int i = 0; i < folded.length(); i++) {
            n = n.add(folded.charAt(i));
        }
        int before = stem ? n.stem : n.exact;
        if (stem) {
            n.stem = topic;
        } else {
            n.exact = topic;
        }
        return before == topic ? NONE : before;
    }

    /**
     * The longest cue starting at character {@code from} of word {@code words[at]}, continuing into the following
     * words for phrases. Returns {@code topic * 256 + words spanned}, or {@link #NONE}.
     */
    int longest(String[] words, int count, int at, int from) {
        Node n = root;
        int best = NONE;
        for (int w = at; w < count; w++) {
            String word = words[w];
            int start = w == at ? from : 0;
            if (w > at) {
                n = n.child(' ');
                if (n == null) {
                    break;
                }
            }
            boolean whole = true;
            for (int i = start; i < word.length(); i++) {
                n = n.child(word.charAt(i));
                if (n == null) {
                    whole = false;
                    break;
                }
                if (n.stem != NONE) {
                    best = n.stem * 256 + (w - at + 1);
                }
            }
            if (!whole) {
                break;
            }
            if (n.exact != NONE) {
                best = n.exact * 256 + (w - at + 1);
            }
        }
        return best;
    }
}
