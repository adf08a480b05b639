package io.earshot.reply.domain;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A deliberately small language guess for the reply lint: the script decides ru, ar, hi and te; for Latin-script
 * languages the most frequent function words decide. It only has to notice a reply written in the wrong language,
 * not classify arbitrary text, so it answers null when unsure.
 */
public final class LanguageGuess {

    private static final Map<String, Set<String>> WORDS = Map.of(
            "en", Set.of("the", "and", "you", "we", "to", "your", "for", "thanks", "thank", "is", "are", "with", "please", "this", "it", "of"),
            "es", Set.of("el", "la", "los", "las", "y", "que", "por", "gracias", "su", "tu", "para", "con", "nos", "es", "lo", "una", "muy"),
            "fr", Set.of("le", "la", "les", "et", "vous", "nous", "pour", "merci", "votre", "est", "avec", "une", "des", "du", "très"),
            "de", Set.of("der", "die", "das", "und", "sie", "wir", "für", "danke", "ihre", "ist", "mit", "uns", "eine", "nicht", "ihnen"),
            "pt", Set.of("o", "os", "as", "e", "que", "por", "obrigado", "obrigada", "seu", "sua", "para", "com", "nos", "você", "uma", "muito"),
            "it", Set.of("il", "lo", "gli", "e", "che", "per", "grazie", "suo", "tuo", "con", "ci", "è", "una", "molto", "vostro", "della"),
            "ro", Set.of("și", "si", "că", "pentru", "mulțumim", "vă", "noi", "cu", "este", "o", "un", "nu", "dumneavoastră", "să"));

    private static final List<String> LATIN = List.of("en", "es", "fr", "de", "pt", "it", "ro");

    private LanguageGuess() {
    }

    /** Whether the guess can tell this language at all. */
    public static boolean knows(String lang) {
        return WORDS.containsKey(lang) || Set.of("ru", "ar", "hi", "te").contains(lang);
    }

    /** The language of {@code text}, or null when unsure. */
    public static String guess(String text) {
        int cyrillic = 0, arabic = 0, devanagari = 0, telugu = 0, latin = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            switch (script) {
                case CYRILLIC -> cyrillic++;
                case ARABIC -> arabic++;
                case DEVANAGARI -> devanagari++;
                case TELUGU -> telugu++;
                case LATIN -> latin++;
                default -> { }
            }
        }
        int letters = cyrillic + arabic + devanagari + telugu + latin;
        if (letters < 8) {
            return null;
        }
        if (cyrillic * 2 > letters) {
            return "ru";
        }
        if (arabic * 2 > letters) {
            return "ar";
        }
        if (devanagari * 2 > letters) {
            return "hi";
        }
        if (telugu * 2 > letters) {
            return "te";
        }
        if (latin * 2 <= letters) {
            return null;
        }
        String best = null;
        int bestScore = 0, second = 0;
        String[] tokens = text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+");
        for (String lang : LATIN) {
            int score = 0;
            for (String token : tokens) {
                if (WORDS.get(lang).contains(token)) {
                    score++;
                }
            }
            if (score > bestScore) {
                second = bestScore;
                bestScore = score;
                best = lang;
            } else if (score > second) {
                second = score;
            }
        }
        // at least two telling words and a clear lead, else unsure
        return bestScore >= 2 && bestScore > second + 1 ? best : null;
    }
}
