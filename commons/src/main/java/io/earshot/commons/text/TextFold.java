package io.earshot.commons.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Folds text for search so that what a person types finds what a commenter wrote whatever the case and accents:
 * {@code Ștefan}, {@code stefan} and {@code STEFAN} are one word, as are {@code ёлка} and {@code елка}, and Arabic
 * with or without tashkeel and tatweel. Indexes and queries fold the same way, so they always agree.
 *
 * <p>How: lower case ({@link Locale#ROOT}, never the machine's locale), NFKD (compatibility forms such as full-width
 * letters and ligatures become plain ones, precomposed letters become a base and combining marks), then the
 * combining marks of the Inherited script are dropped (Latin, Cyrillic and Greek diacritics, Arabic harakat), as are
 * the Arabic script's own Quranic annotation marks and the tatweel. Marks that belong to one script (Telugu or
 * Devanagari vowel signs, the virama) are letters of their words and are kept.
 */
public final class TextFold {

    private static final char TATWEEL = '\u0640';

    private TextFold() {
    }

    /** The folded form of {@code text}; empty for null. */
    public static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        decomposed.codePoints().filter(cp -> !dropped(cp)).forEach(out::appendCodePoint);
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * The words of already folded text, in order and without repeats: runs of letters, digits and the marks inside
     * them; anything else separates words. Words shorter than {@code minLength} code points are left out.
     */
    public static List<String> words(String folded, int minLength) {
        Set<String> words = new LinkedHashSet<>();
        int start = -1;
        for (int i = 0; i <= folded.length(); ) {
            int cp = i < folded.length() ? folded.codePointAt(i) : ' ';
            boolean inWord = Character.isLetterOrDigit(cp) || isMark(cp);
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                String word = folded.substring(start, i);
                if (word.codePointCount(0, word.length()) >= minLength) {
                    words.add(word);
                }
                start = -1;
            }
            i += i < folded.length() ? Character.charCount(cp) : 1;
        }
        return new ArrayList<>(words);
    }

    private static boolean dropped(int cp) {
        if (cp == TATWEEL) {
            return true;
        }
        if (!isMark(cp)) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.INHERITED || script == Character.UnicodeScript.ARABIC;
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK;
    }
}
