package io.earshot.reply.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Fails the build when a dashboard string is missing or left in English in any language: the page bundles
 * ({@code messages/msg_*.properties} against {@link Msg}) and the scripts' catalogue ({@code i18n/ui_*.properties},
 * plural forms as CLDR gives each language). {@link HardCodedStringsTest} checks that the pages and scripts use them.
 */
class UiBundlesTest {

    static final List<String> LANGS = UiLanguages.ALL.stream().map(UiLanguages.UiLanguage::code).toList();
    static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z_]+)}");
    static final Set<String> PLURAL_FORMS = Set.of("zero", "one", "two", "few", "many", "other");
    /** The plural categories of Intl.PluralRules (CLDR) for each language's cardinal numbers. */
    static final Map<String, Set<String>> PLURALS = Map.of("en", Set.of("one", "other"), "es", Set.of("one", "many", "other"),
            "ru", Set.of("one", "few", "many", "other"), "ar", Set.of("zero", "one", "two", "few", "many", "other"),
            "ro", Set.of("one", "few", "other"), "te", Set.of("one", "other"));
    /** Each language's own script: a translated string with letters has at least one of them. */
    static final Map<String, Pattern> SCRIPT = Map.of("ru", Pattern.compile("\\p{IsCyrillic}"),
            "ar", Pattern.compile("\\p{IsArabic}"), "te", Pattern.compile("\\p{IsTelugu}"));
    /**
     * Strings that are rightly the same as in English: the word is the language's own ("urgent" in Romanian, "spam"
     * in Spanish menus is "spam"), a role name used as is ("supervisor" in Spanish), or no words at all.
     */
    static final Set<String> SAME_AS_ENGLISH = Set.of("es:role_supervisor", "es:flag_spam", "ro:flag_urgent",
            "ro:pii.card", "ro:flag.urgent", "ro:wait_seconds", "ro:wait_minutes", "es:wait_seconds", "es:wait_minutes",
            "es:mt.original", "es:item.use", "ro:state_pending");

    static Map<String, String> load(String path) {
        try (InputStream in = UiBundlesTest.class.getClassLoader().getResourceAsStream(path)) {
            assertTrue(in != null, path + " is missing");
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> out = new TreeMap<>();
            p.forEach((k, v) -> out.put((String) k, (String) v));
            return out;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static Set<String> placeholders(String value) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(value);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void everyPageStringIsDeclaredAndTranslatedInEveryLanguage() {
        Set<String> declared = Arrays.stream(Msg.class.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Map<String, String> en = load("messages/msg_en.properties");
        assertEquals(declared, en.keySet(), "msg_en.properties and the Msg interface declare the same keys");
        List<String> problems = new ArrayList<>();
        for (String lang : LANGS) {
            Map<String, String> other = load("messages/msg_" + lang + ".properties");
            compare("msg_" + lang, lang, en, other, problems);
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyScriptStringIsTranslatedInEveryLanguageWithItsPluralForms() {
        Map<String, String> en = load("i18n/ui_en.properties");
        List<String> problems = new ArrayList<>();
        for (String lang : LANGS) {
            Map<String, String> other = load("i18n/ui_" + lang + ".properties");
            Map<String, String> plain = new TreeMap<>(other);
            plain.keySet().removeIf(UiBundlesTest::isPlural);
            Map<String, String> enPlain = new TreeMap<>(en);
            enPlain.keySet().removeIf(UiBundlesTest::isPlural);
            compare("ui_" + lang, lang, enPlain, plain, problems);
            for (String base : en.keySet().stream().filter(UiBundlesTest::isPlural).map(UiBundlesTest::pluralBase)
                    .collect(Collectors.toCollection(TreeSet::new))) {
                Set<String> forms = other.keySet().stream().filter(k -> isPlural(k) && pluralBase(k).equals(base))
                        .map(k -> k.substring(k.lastIndexOf('.') + 1)).collect(Collectors.toCollection(TreeSet::new));
                if (!forms.equals(new TreeSet<>(PLURALS.get(lang)))) {
                    problems.add("ui_" + lang + ": " + base + " has plural forms " + forms + ", the language has "
                            + new TreeSet<>(PLURALS.get(lang)));
                }
                for (String form : forms) {
                    String value = other.get(base + "." + form);
                    if (!placeholders(en.get(base + ".other")).containsAll(placeholders(value))) {
                        problems.add("ui_" + lang + ": " + base + "." + form + " uses a placeholder English does not");
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theCatalogueServedFallsBackToEnglishOnlyForKeysALanguageLacks() {
        Map<String, String> served = new UiCatalogue().strings("ar");
        assertTrue(served.keySet().containsAll(UiCatalogue.load("en").keySet()));
        assertEquals("مباشر", served.get("live.on"));
        assertEquals("تعليقان", served.get("queue.count.two"));
        assertEquals("قائمة الانتظار", load("messages/msg_ar.properties").get("nav_queue"));
        assertEquals("rtl", UiLanguages.dir("ar"));
        assertEquals("ltr", UiLanguages.dir("te"));
    }

    @Test
    void acceptLanguagePicksTheBestSupportedLanguage() {
        assertEquals("es", UiLanguages.resolve(null, "es-MX,es;q=0.9,en;q=0.8"));
        assertEquals("ar", UiLanguages.resolve(null, "de-DE, ar-EG;q=0.7, en;q=0.3"));
        assertEquals("te", UiLanguages.resolve(null, "te-IN"));
        assertEquals("en", UiLanguages.resolve(null, "de, fr;q=0.5"));
        assertEquals("en", UiLanguages.resolve(null, "not a header ;;;"));
        assertEquals("en", UiLanguages.resolve(null, null));
        assertEquals("ro", UiLanguages.resolve("ro", "ar"), "a saved choice wins over the browser");
        assertEquals("ar", UiLanguages.resolve("xx", "ar"), "a choice no longer offered is ignored");
    }

    private static boolean isPlural(String key) {
        return PLURAL_FORMS.contains(key.substring(key.lastIndexOf('.') + 1)) && key.contains(".");
    }

    private static String pluralBase(String key) {
        return key.substring(0, key.lastIndexOf('.'));
    }

    private static void compare(String file, String lang, Map<String, String> en, Map<String, String> other,
                                List<String> problems) {
        for (String key : en.keySet()) {
            String value = other.get(key);
            if (value == null || value.isBlank()) {
                problems.add(file + ": missing " + key);
                continue;
            }
            String english = en.get(key);
            boolean serverWords = english.equals("{detail}");
            if (!serverWords && !placeholders(english).equals(placeholders(value))) {
                problems.add(file + ": " + key + " has placeholders " + placeholders(value) + ", English has "
                        + placeholders(english));
            }
            if (lang.equals("en")) {
                continue;
            }
            String words = PLACEHOLDER.matcher(value).replaceAll("").replaceAll("\\b[A-Z]{2,}\\b", "")
                    .replaceAll("[^\\p{L}]", "");
            if (value.equals(english) && !words.isEmpty() && !SAME_AS_ENGLISH.contains(lang + ":" + key)) {
                problems.add(file + ": " + key + " is still in English: " + value);
            }
            Pattern script = SCRIPT.get(lang);
            String natural = PLACEHOLDER.matcher(value).replaceAll("").replaceAll("\\b[A-Z_*./]{2,}\\b|\\./suite up|"
                    + "responder|supervisor|admin|CSV|SLA|HTTP|IBAN|id\\b|en|ar|te", "");
            if (script != null && natural.chars().anyMatch(Character::isLetter) && !script.matcher(natural).find()) {
                problems.add(file + ": " + key + " has no " + lang + " letters: " + value);
            }
        }
        for (String key : other.keySet()) {
            if (!en.containsKey(key)) {
                problems.add(file + ": " + key + " is not an English key (renamed or removed?)");
            }
        }
    }
}
