package io.earshot.triage.domain.question;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Flags comments that ask something, so staff answer them: a question mark in any script ({@code ? ؟ ¿ ？}) or an
 * interrogative opening in the comment's language ("how do I", "¿cómo", "как", "هل", "cum" ...); in Telugu and Hindi,
 * whose question words stand inside the sentence, a question word anywhere, or Telugu's yes/no ending (ఉందా).
 * Leading mentions and hashtags are skipped.
 */
public final class QuestionDetector {

    private static final Map<String, Set<String>> OPENINGS = Map.ofEntries(
            Map.entry("en", Set.of("what", "why", "how", "when", "where", "who", "whom", "whose", "which", "is", "are",
                    "am", "do", "does", "did", "can", "could", "will", "would", "should", "shall", "has", "have", "may",
                    "anyone", "anybody", "isn't", "aren't", "don't", "doesn't", "didn't", "can't", "won't", "wtf")),
            Map.entry("es", Set.of("qué", "por qué", "porqué", "cómo", "cuándo", "dónde", "adónde", "quién", "quiénes",
                    "cuál", "cuáles", "cuánto", "cuánta", "cuántos", "cuántas", "alguien", "puedo", "pueden", "podrían",
                    "podrías", "hay")),
            Map.entry("pt", Set.of("que", "por que", "porque", "como", "quando", "onde", "quem", "qual", "quais",
                    "quanto", "quantos", "alguém", "posso", "podem", "vocês")),
            Map.entry("fr", Set.of("pourquoi", "comment", "quand", "où", "qui", "quel", "quelle", "quels", "quelles",
                    "combien", "est-ce", "puis-je", "pouvez-vous", "avez-vous", "êtes-vous")),
            Map.entry("de", Set.of("warum", "wieso", "weshalb", "wie", "wann", "wo", "wer", "was", "welche", "welcher",
                    "welches", "kann", "können", "könnt", "gibt", "habt", "hat", "ist", "sind", "wird")),
            Map.entry("it", Set.of("perché", "come", "quando", "dove", "chi", "quale", "quali", "quanto", "quanti",
                    "cosa", "che cosa", "posso", "potete")),
            Map.entry("ro", Set.of("ce", "de ce", "cum", "când", "cand", "unde", "cine", "care", "cât", "cat", "câte",
                    "cate", "oare", "puteți", "puteti", "poți", "poti", "aveți", "aveti", "există", "exista")),
            Map.entry("ru", Set.of("что", "почему", "зачем", "как", "когда", "где", "куда", "откуда", "кто", "какой",
                    "какая", "какое", "какие", "сколько", "разве", "неужели", "можно", "подскажите", "скажите")),
            Map.entry("ar", Set.of("هل", "لماذا", "ليش", "ليه", "كيف", "إزاي", "ازاي", "متى", "امتى", "إمتى", "أين",
                    "وين", "فين", "ماذا", "شو", "ايش", "إيش", "كم", "مين", "منو", "لمتى")),
            Map.entry("hi", Set.of("क्या", "क्यों", "कैसे", "कब", "कहाँ", "कहां", "कौन", "कितना", "कितने", "kya",
                    "kyu", "kyun", "kyon", "kaise", "kab", "kahan", "kaun", "kitna")),
            Map.entry("te", Set.of("ఏమిటి", "ఏంటి", "ఎందుకు", "ఎలా", "ఎప్పుడు", "ఎక్కడ", "ఎవరు", "ఏది", "ఎంత",
                    "ఎన్ని", "ఏమి")));

    /** Languages whose question words usually stand inside the sentence (verb-final), not at its opening. */
    private static final Set<String> ANYWHERE = Set.of("te", "hi");

    /** Telugu yes/no questions end the verb with the particle ా (e.g. ఉందా, వస్తారా). */
    private static final Set<String> TELUGU_ENDINGS = Set.of("ఉందా", "ఉన్నారా", "వస్తారా", "చేస్తారా", "ఇస్తారా",
            "కాదా", "లేదా", "ఉంటుందా", "అవుతుందా", "చేయగలరా", "చెప్పగలరా");

    /** True when {@code text} (in {@code lang}, may be "und") asks a question. */
    public boolean isQuestion(String text, String lang) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '?' || c == '؟' || c == '¿' || c == '？' || c == ';' && "el".equals(lang)) {
                return true;
            }
        }
        String[] words = firstWords(text);
        if (words[0] == null) {
            return false;
        }
        Set<String> open = OPENINGS.get(lang);
        if (open == null) {
            return false;
        }
        if (open.contains(words[0]) || (words[1] != null && open.contains(words[0] + " " + words[1]))) {
            return true;
        }
        if ("ru".equals(lang) && words[1] != null && words[1].equals("ли")) {
            return true;
        }
        if (ANYWHERE.contains(lang) && containsAny(text, open)) {
            return true;
        }
        if ("te".equals(lang)) {
            String last = lastWord(text);
            return last != null && TELUGU_ENDINGS.contains(last) || teluguYesNo(text);
        }
        return false;
    }

    private static String[] firstWords(String text) {
        String[] out = new String[2];
        int n = 0;
        int i = 0;
        int len = text.length();
        while (i < len && n < 2) {
            while (i < len && !isWordChar(text.codePointAt(i)) && text.charAt(i) != '@' && text.charAt(i) != '#') {
                i++;
            }
            if (i >= len) {
                break;
            }
            boolean skip = text.charAt(i) == '@' || text.charAt(i) == '#';
            int start = i;
            while (i < len && (isWordChar(text.codePointAt(i)) || text.charAt(i) == '@' || text.charAt(i) == '#'
                    || text.charAt(i) == '\'' || text.charAt(i) == '-')) {
                i += Character.charCount(text.codePointAt(i));
            }
            if (skip && n == 0) {
                continue;
            }
            out[n++] = text.substring(start, i).toLowerCase(Locale.ROOT);
        }
        return out;
    }

    private static boolean containsAny(String text, Set<String> words) {
        int i = 0;
        int len = text.length();
        while (i < len) {
            while (i < len && !isWordChar(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            int start = i;
            while (i < len && isWordChar(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            if (i > start && words.contains(text.substring(start, i).toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A Telugu "is there ...?" anywhere in the sentence: a word ending in ందా (ఉందా, వుందా, ఉంటుందా), the
     * question form of "to be"; the word order is free, so it need not close the comment.
     */
    private static boolean teluguYesNo(String text) {
        int i = text.indexOf("ందా");
        while (i >= 0) {
            int end = i + 3;
            if (end >= text.length() || !isWordChar(text.codePointAt(end))) {
                return true;
            }
            i = text.indexOf("ందా", end);
        }
        return false;
    }

    private static String lastWord(String text) {
        int end = text.length();
        while (end > 0 && !isWordChar(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        int start = end;
        while (start > 0 && isWordChar(text.codePointBefore(start))) {
            start -= Character.charCount(text.codePointBefore(start));
        }
        return start == end ? null : text.substring(start, end);
    }

    private static boolean isWordChar(int cp) {
        int t = Character.getType(cp);
        return Character.isLetterOrDigit(cp) || t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK;
    }
}
