package io.earshot.triage.domain.model;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Normalises comment text the same way at training and at inference time, and splits it into tokens. Social text is
 * noisy (elongations, mentions, links, mixed diacritics), so the model sees one canonical form of each.
 */
public final class Text {

    /** Kinds of tokens the feature extractor treats differently. */
    public enum Kind { WORD, NUMBER, EMOJI, PUNCT, MENTION, URL }

    /** One token of normalised text: its canonical form, its kind and cue flags. */
    public record Token(String text, Kind kind, boolean elongated, boolean allCaps) { }

    /** The normalised tokens of one text plus document-level cues. */
    public record Analysed(List<Token> tokens, int exclamations, int questions, int elongations, int capsWords,
                           int letters) { }

    private Text() { }

    /** Analyses {@code raw}: NFKC, case folding, Latin diacritic folding, Arabic letter unification, tokens. */
    public static Analysed analyse(String raw) {
        String s = raw == null ? "" : raw;
        if (!isAscii(s)) {
            s = Normalizer.normalize(s, Normalizer.Form.NFKC);
        }
        List<Token> tokens = new ArrayList<>(Math.max(8, s.length() / 4));
        int excl = 0, quest = 0, elong = 0, caps = 0, letters = 0;
        int n = s.length();
        int i = 0;
        StringBuilder sb = new StringBuilder(32);
        while (i < n) {
            int cp = s.codePointAt(i);
            int len = Character.charCount(cp);
            if (cp == '@' && i + 1 < n && isWordCp(s.codePointAt(i + 1))) {
                int j = i + 1;
                while (j < n && (isWordCp(s.codePointAt(j)) || s.charAt(j) == '_')) {
                    j += Character.charCount(s.codePointAt(j));
                }
                tokens.add(new Token("@user", Kind.MENTION, false, false));
                i = j;
                continue;
            }
            if ((cp == 'h' || cp == 'H' || cp == 'w' || cp == 'W') && startsUrl(s, i)) {
                int j = i;
                while (j < n && !Character.isWhitespace(s.charAt(j))) {
                    j++;
                }
                tokens.add(new Token("http", Kind.URL, false, false));
                urlHost(s, i, j, tokens);
                i = j;
                continue;
            }
            if (isWordCp(cp)) {
                int j = i;
                sb.setLength(0);
                int upper = 0, lower = 0, digits = 0;
                int prev = -1, run = 0;
                boolean elongated = false;
                while (j < n) {
                    int c = s.codePointAt(j);
                    if (!isWordCp(c) && !(c == '\'' || c == '’') ) {
                        break;
                    }
                    if ((c == '\'' || c == '’') && !(j + 1 < n && isWordCp(s.codePointAt(j + 1)))) {
                        break;
                    }
                    j += Character.charCount(c);
                    if (Character.isUpperCase(c)) {
                        upper++;
                    } else if (Character.isLowerCase(c)) {
                        lower++;
                    } else if (Character.isDigit(c)) {
                        digits++;
                    }
                    int f = fold(c);
                    if (f == 0) {
                        continue;
                    }
                    if (f == prev) {
                        run++;
                        if (run >= 2) {
                            elongated = true;
                            continue;
                        }
                    } else {
                        run = 0;
                    }
                    prev = f;
                    sb.appendCodePoint(f);
                }
                i = j;
                if (sb.length() == 0) {
                    continue;
                }
                letters += upper + lower;
                boolean allCaps = upper >= 2 && lower == 0;
                if (allCaps) {
                    caps++;
                }
                if (elongated) {
                    elong++;
                }
                Kind kind = digits > 0 && upper + lower == 0 ? Kind.NUMBER : Kind.WORD;
                tokens.add(new Token(kind == Kind.NUMBER ? "0" : sb.toString(), kind, elongated, allCaps));
                continue;
            }
            if (isEmoji(cp)) {
                tokens.add(new Token(new String(Character.toChars(cp)), Kind.EMOJI, false, false));
            } else if (cp == '!') {
                excl++;
                if (tokens.isEmpty() || !tokens.get(tokens.size() - 1).text().equals("!")) {
                    tokens.add(new Token("!", Kind.PUNCT, false, false));
                }
            } else if (cp == '?' || cp == '؟' || cp == '¿') {
                quest++;
                if (tokens.isEmpty() || !tokens.get(tokens.size() - 1).text().equals("?")) {
                    tokens.add(new Token("?", Kind.PUNCT, false, false));
                }
            } else if (cp == '.' || cp == ',' || cp == ';' || cp == ':' || cp == '،' || cp == '؛') {
                Token last = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
                String p = (cp == '.' ? "." : ",");
                if (last == null || !last.text().equals(p)) {
                    tokens.add(new Token(p, Kind.PUNCT, false, false));
                }
            } else if (cp == '(' || cp == ')' ) {
                // emoticons such as :) :( are handled below through lookbehind on ':'
                Token last = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
                if (last != null && last.kind() == Kind.PUNCT && last.text().equals(",") && i > 0
                        && (s.charAt(i - 1) == ':' || s.charAt(i - 1) == '-')) {
                    tokens.set(tokens.size() - 1, new Token(cp == ')' ? ":)" : ":(", Kind.EMOJI, false, false));
                }
            }
            i += len;
        }
        return new Analysed(tokens, excl, quest, elong, caps, letters);
    }

    /** Adds the host name parts of a link (not "www", not the scheme) as URL tokens: link farms reuse hosts. */
    private static void urlHost(String s, int from, int to, List<Token> tokens) {
        int start = s.indexOf("//", from);
        if (start < 0 || start >= to) {
            if (!s.regionMatches(true, from, "www.", 0, 4)) {
                return;
            }
            start = from;
        } else {
            start += 2;
        }
        int end = start;
        while (end < to && s.charAt(end) != '/' && s.charAt(end) != '?' && s.charAt(end) != '#') {
            end++;
        }
        if (end - start < 4) {
            return;
        }
        for (String part : s.substring(start, end).toLowerCase(Locale.ROOT).split("\\.")) {
            if (!part.isEmpty() && !part.equals("www") && part.length() < 30) {
                tokens.add(new Token("url:" + part, Kind.URL, false, false));
            }
        }
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsUrl(String s, int i) {
        return s.regionMatches(true, i, "http://", 0, 7) || s.regionMatches(true, i, "https://", 0, 8)
                || s.regionMatches(true, i, "www.", 0, 4)
                || (s.regionMatches(true, i, "http", 0, 4) && (i + 4 == s.length() || !isWordCp(s.codePointAt(i + 4))));
    }

    static boolean isWordCp(int cp) {
        int t = Character.getType(cp);
        return Character.isLetterOrDigit(cp) || t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK
                || cp == '_' || cp == '#';
    }

    static boolean isEmoji(int cp) {
        return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) || cp == 0x2764 || cp == 0x2665
                || (cp >= 0x2190 && cp <= 0x21FF) || (cp >= 0x2B00 && cp <= 0x2BFF);
    }

    /**
     * Canonical form of one code point: lower case, Latin diacritics dropped, Arabic alef/yeh/teh-marbuta variants
     * unified and tashkeel/tatweel removed, hashtags' '#' and apostrophes dropped. 0 means "drop".
     */
    static int fold(int cp) {
        if (cp < 128) {
            if (cp >= 'A' && cp <= 'Z') {
                return cp + 32;
            }
            if (cp == '#' || cp == '\'' || cp == '_') {
                return 0;
            }
            return cp;
        }
        if (cp == '’') {
            return 0;
        }
        if (cp >= 0x0600 && cp <= 0x06FF) {
            if ((cp >= 0x064B && cp <= 0x065F) || cp == 0x0640 || cp == 0x0670) {
                return 0;
            }
            if (cp == 'أ' || cp == 'إ' || cp == 'آ' || cp == 'ٱ') {
                return 'ا';
            }
            if (cp == 'ى') {
                return 'ي';
            }
            if (cp == 'ة') {
                return 'ه';
            }
            return cp;
        }
        int lower = Character.toLowerCase(cp);
        if (lower < 0x0250) {
            return LATIN_FOLD[lower];
        }
        if (lower == 'ё') {
            return 'е';
        }
        if (lower == 'ș' || lower == 'ş') {
            return 's';
        }
        if (lower == 'ț' || lower == 'ţ') {
            return 't';
        }
        return lower;
    }

    private static final int[] LATIN_FOLD = new int[0x0250];

    static {
        for (int c = 0; c < LATIN_FOLD.length; c++) {
            LATIN_FOLD[c] = c;
            if (c >= 0xC0) {
                String d = Normalizer.normalize(new String(Character.toChars(c)), Normalizer.Form.NFD);
                int base = d.codePointAt(0);
                if (base < 128 && Character.isLetter(base)) {
                    LATIN_FOLD[c] = Character.toLowerCase(base);
                }
            }
        }
        LATIN_FOLD[0xDF] = 's';
    }

    /** The same folding applied to a lexicon or word-list entry, so lookups match analysed tokens. */
    public static String canonical(String term) {
        String fast = canonicalWord(term);
        return fast != null ? fast : canonicalSlow(term);
    }

    /**
     * {@link #canonical} for the common case, a single plain word already in NFKC form, without building tokens;
     * null when the term needs the full analysis (spaces, punctuation, digits only, marks that NFKC would change).
     */
    static String canonicalWord(String term) {
        if (term.isEmpty() || !Normalizer.isNormalized(term, Normalizer.Form.NFKC)) {
            return null;
        }
        StringBuilder sb = new StringBuilder(term.length());
        int prev = -1, run = 0, letters = 0;
        for (int i = 0; i < term.length(); ) {
            int c = term.codePointAt(i);
            i += Character.charCount(c);
            if (!isWordCp(c) || c == '#' || c == '_' || c == '@') {
                return null;
            }
            if (Character.isLetter(c)) {
                letters++;
            }
            int f = fold(c);
            if (f == 0) {
                continue;
            }
            if (f == prev) {
                if (++run >= 2) {
                    continue;
                }
            } else {
                run = 0;
            }
            prev = f;
            sb.appendCodePoint(f);
        }
        return letters == 0 || sb.length() == 0 ? null : sb.toString();
    }

    private static String canonicalSlow(String term) {
        StringBuilder sb = new StringBuilder(term.length());
        for (Token t : analyse(term).tokens()) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(t.text());
        }
        return sb.toString();
    }

    /** Lower-cases with the root locale; exposed for word lists. */
    public static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
