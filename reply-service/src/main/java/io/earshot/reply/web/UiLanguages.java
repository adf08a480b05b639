package io.earshot.reply.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages the dashboard speaks, and which one a request gets: the user's saved choice, else the best match of
 * the browser's {@code Accept-Language}, else English. Arabic is the one written right to left, so its pages carry
 * {@code dir="rtl"} on {@code <html>} and the style sheet, written in logical properties, mirrors the layout.
 */
public final class UiLanguages {

    /** A dashboard language: its code and its name written in itself, as the switcher lists it. */
    public record UiLanguage(String code, String name) {
    }

    /** In the order the switcher lists them. Adding a language: docs/dashboard.md. */
    public static final List<UiLanguage> ALL = List.of(new UiLanguage("en", "English"), new UiLanguage("es", "Español"),
            new UiLanguage("ru", "Русский"), new UiLanguage("ar", "العربية"), new UiLanguage("ro", "Română"),
            new UiLanguage("te", "తెలుగు"));

    public static final String DEFAULT = "en";

    private UiLanguages() {
    }

    public static boolean supported(String code) {
        return code != null && ALL.stream().anyMatch(l -> l.code().equals(code));
    }

    public static String dir(String code) {
        return "ar".equals(code) ? "rtl" : "ltr";
    }

    /**
     * The supported language an {@code Accept-Language} header prefers most (weights honoured, regions ignored:
     * {@code es-MX} gets Spanish), or empty when it names none of them or cannot be parsed.
     */
    public static Optional<String> fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            return Locale.LanguageRange.parse(header).stream()
                    .filter(r -> r.getWeight() > 0)
                    .map(r -> r.getRange().split("-")[0].toLowerCase(Locale.ROOT))
                    .filter(UiLanguages::supported).findFirst();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The language a page is rendered in: the saved choice when there is one, else the header's, else English. */
    public static String resolve(String saved, String acceptLanguage) {
        if (supported(saved)) {
            return saved;
        }
        return fromAcceptLanguage(acceptLanguage).orElse(DEFAULT);
    }
}
