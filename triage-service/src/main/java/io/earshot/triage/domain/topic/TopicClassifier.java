package io.earshot.triage.domain.topic;

import io.earshot.triage.domain.model.Text;

import java.util.List;

/**
 * Says what a complaint or question is about ({@link Topic}), so it reaches the right reply template and the right
 * person. Cue lists, not a model: no labelled topic data exists in Earshot's languages, and a list a business can read
 * and extend beats an opaque score here. The topic with the most cue hits wins (a phrase counts two, a word one;
 * ties go to the more specific topic, {@link #PRECEDENCE}); {@link Topic#OTHER} when nothing matches. Cost: one trie
 * walk per word of the already analysed text. Thread-safe; docs/model-card.md ("Topics") has its figures.
 */
public final class TopicClassifier {

    /** Tie order: a concrete failure before the waiting it caused ("still waiting for my refund" is a refund). */
    static final Topic[] PRECEDENCE = {Topic.REFUND_BILLING, Topic.DELIVERY, Topic.ACCOUNT_LOGIN,
            Topic.STAFF_BEHAVIOUR, Topic.PRODUCT_QUALITY, Topic.PRICING, Topic.WAITING_NO_ANSWER};

    /** Arabic proclitics (folded): conjunctions, prepositions and the article glued to the word they precede. */
    private static final String[] AR_PROCLITICS = {"وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل"};

    private final TopicCues cues;

    public TopicClassifier(TopicCues cues) {
        this.cues = cues;
    }

    /** With the shipped lists. */
    public static TopicClassifier defaults() {
        return new TopicClassifier(TopicCues.defaults());
    }

    /** The topic of an analysed text in {@code lang}; {@link Topic#OTHER} when no cue matches or no list exists. */
    public Topic classify(Text.Analysed text, String lang) {
        int[] hits = hits(text, lang);
        Topic best = Topic.OTHER;
        int most = 0;
        for (Topic t : PRECEDENCE) {
            if (hits[t.ordinal()] > most) {
                most = hits[t.ordinal()];
                best = t;
            }
        }
        return best;
    }

    /** Cue hits per topic (by ordinal), phrases counting two. */
    int[] hits(Text.Analysed text, String lang) {
        int[] hits = new int[Topic.values().length];
        CueTrie trie = cues.trie(lang);
        if (trie == null) {
            return hits;
        }
        List<Text.Token> tokens = text.tokens();
        String[] words = new String[tokens.size()];
        for (int i = 0; i < words.length; i++) {
            Text.Token t = tokens.get(i);
            words[i] = t.kind() == Text.Kind.WORD ? t.text() : ""; // "" ends a phrase
        }
        boolean arabic = "ar".equals(lang);
        for (int i = 0; i < words.length; ) {
            if (words[i].isEmpty()) {
                i++;
                continue;
            }
            int m = trie.longest(words, words.length, i, 0);
            if (arabic) {
                m = longer(m, clitics(trie, words, i));
            }
            if (m == CueTrie.NONE) {
                i++;
                continue;
            }
            int span = m & 0xFF;
            hits[m >>> 8] += span > 1 ? 2 : 1;
            i += span;
        }
        return hits;
    }

    /** The longest match once a leading Arabic proclitic is set aside (the stem keeps at least two letters). */
    private static int clitics(CueTrie trie, String[] words, int at) {
        String w = words[at];
        int best = CueTrie.NONE;
        for (String p : AR_PROCLITICS) {
            if (w.length() >= p.length() + 2 && w.startsWith(p)) {
                best = longer(best, trie.longest(words, words.length, at, p.length()));
            }
        }
        return best;
    }

    private static int longer(int a, int b) {
        if (a == CueTrie.NONE) {
            return b;
        }
        return b != CueTrie.NONE && (b & 0xFF) > (a & 0xFF) ? b : a;
    }
}
