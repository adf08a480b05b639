package io.earshot.reply.domain;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Text similarity for suggestions: Jaccard over word unigrams and bigrams, cheap and language-neutral. */
public final class Similarity {

    private Similarity() {
    }

    public static Set<String> tokens(String text) {
        Set<String> tokens = new HashSet<>();
        if (text == null) {
            return tokens;
        }
        String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
        String previous = null;
        for (String w : words) {
            if (w.isEmpty()) {
                continue;
            }
            tokens.add(w);
            if (previous != null) {
                tokens.add(previous + " " + w);
            }
            previous = w;
        }
        return tokens;
    }

    public static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String t : a) {
            if (b.contains(t)) {
                common++;
            }
        }
        return (double) common / (a.size() + b.size() - common);
    }
}
