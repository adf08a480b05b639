package io.earshot.reply.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No English left in the dashboard's templates and scripts, within reason: every text a person reads comes from the
 * bundles ({@code {msg:key}} in templates, {@code t('key')} in scripts). What may stay is listed here with why:
 * names (Earshot, the platforms, languages in their own names), key names on the keyboard, protocol words.
 */
class HardCodedStringsTest {

    static final Path TEMPLATES = Path.of("src/main/resources/templates/dashboard");
    static final Path SCRIPTS = Path.of("src/main/resources/META-INF/resources/assets/js");

    /** Words that are names or codes, not English: the product, platforms, keys, languages in their own names. */
    static final Set<String> NAMES = Set.of("Earshot", "Enter", "Alt", "English", "facebook", "instagram", "youtube", "mastodon",
            "generic", "en", "de", "Español", "Română", "Français", "Deutsch", "Português", "Italiano");

    /** Literals in scripts that are protocol or DOM words, not text for people. */
    static final Set<String> SCRIPT_WORDS = Set.of("Accept", "Content-Type", "X-CSRF-Token", "GET", "POST", "PUT",
            "Escape", "Enter", "Live", "Intl");

    @Test
    void templatesTakeEveryTextFromTheMessageBundle() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String html = Files.readString(file);
                String stripped = html.replaceAll("(?s)<script.*?</script>", "").replaceAll("(?s)<style.*?</style>", "")
                        .replaceAll("\\{[^}]*}", " ");
                for (String attr : List.of("placeholder", "aria-label", "title", "alt", "value")) {
                    Matcher m = Pattern.compile(attr + "=\"([^\"]*)\"").matcher(html);
                    while (m.find()) {
                        String v = m.group(1).replaceAll("\\{[^}]*}", "");
                        if (!attr.equals("value") && englishWords(v, NAMES)) {
                            problems.add(file.getFileName() + ": " + attr + "=\"" + m.group(1) + "\"");
                        }
                    }
                }
                Matcher text = Pattern.compile(">([^<]+)<").matcher(stripped);
                while (text.find()) {
                    String t = text.group(1).strip();
                    if (!t.isEmpty() && englishWords(t, NAMES)) {
                        problems.add(file.getFileName() + ": text \"" + t + "\"");
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), "hard-coded text in templates (use {msg:key}):\n" + String.join("\n", problems));
    }

    @Test
    void scriptsTakeEveryTextFromTheCatalogue() throws IOException {
        List<String> problems = new ArrayList<>();
        Pattern literal = Pattern.compile("'((?:[^'\\\\\\n]|\\\\.)*)'|\"((?:[^\"\\\\\\n]|\\\\.)*)\"|`((?:[^`\\\\]|\\\\.)*)`");
        try (Stream<Path> files = Files.list(SCRIPTS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".js")).toList()) {
                String js = Files.readString(file).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "")
                        .replaceAll("(?m)\\s//\\s.*$", "");
                Matcher m = literal.matcher(js);
                while (m.find()) {
                    String s = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                    String words = s.replaceAll("\\$\\{[^}]*}", " ");
                    if (SCRIPT_WORDS.contains(words.strip())) {
                        continue;
                    }
                    // a capitalised word, or a lower-case phrase that ends like a sentence, is text for a person
                    if (Pattern.compile("\\b[A-Z][a-z]{2,}\\b").matcher(words).find()
                            || Pattern.compile("[a-z]{2,} [a-z]{2,}.*[.:!?…]\\s*$").matcher(words).find()) {
                        problems.add(file.getFileName() + ": " + s);
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), "hard-coded text in scripts (use t('key')):\n" + String.join("\n", problems));
    }

    /** Whether text has a Latin word of two letters or more that is not a name. */
    static boolean englishWords(String text, Set<String> names) {
        Matcher w = Pattern.compile("\\p{L}[\\p{L}'’-]+").matcher(text);
        while (w.find()) {
            if (w.group().matches(".*[A-Za-z].*") && !names.contains(w.group())) {
                return true;
            }
        }
        return false;
    }
}
