package io.earshot.triage.insights;

import io.earshot.triage.domain.model.Text;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The terms one comment contributes to emerging-issue counting: its words and 2-word phrases, folded by triage's own
 * {@link Text} normaliser so that "Entrega", "entrega" and "entregaaa" count as one term in every language. A comment
 * counts once per term (document frequency): a rant repeating a word is one voice, not ten.
 */
public final class Terms {

    private Terms() {
    }

    /** Distinct unigrams and bigrams of {@code text}; words shorter than {@code minChars} code points are left out. */
    public static Set<String> of(String text, int minChars) {
        List<String> words = new ArrayList<>();
        List<Boolean> breaks = new ArrayList<>();
        boolean broken = false;
        for (Text.Token t : Text.analyse(text).tokens()) {
            if (t.kind() == Text.Kind.WORD && t.text().codePointCount(0, t.text().length()) >= minChars) {
                words.add(t.text());
                breaks.add(broken);
                broken = false;
            } else {
                // punctuation, links, emoji and short words end a phrase: a bigram spans two adjacent kept words
                broken = true;
            }
        }
        Set<String> terms = new LinkedHashSet<>(words);
        for (int i = 1; i < words.size(); i++) {
            if (!breaks.get(i)) {
                terms.add(words.get(i - 1) + " " + words.get(i));
            }
        }
        return terms;
    }
}
