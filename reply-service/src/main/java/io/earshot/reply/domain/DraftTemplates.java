package io.earshot.reply.domain;

import io.earshot.reply.config.ReplyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reply templates per language and kind of comment, written as a good community manager would, with slots for the
 * author, the brand, the signature and a case reference. Drafts are always in the commenter's language when a
 * template exists for it; otherwise in the fallback language. Files: {@code drafts/<lang>.properties}.
 */
@ApplicationScoped
public class DraftTemplates {

    /** The slots a template may use; any other {@code {name}} is an error. */
    public static final Set<String> SLOTS = Set.of("author", "brand", "signature", "case");
    public static final List<String> KINDS = List.of("praise", "complaint", "neutral", "question");
    private static final Pattern SLOT = Pattern.compile("\\{([a-zA-Z_]+)}");

    private final Map<String, Map<String, String>> byLanguage = new HashMap<>();
    private final ReplyConfig config;

    @Inject
    public DraftTemplates(ReplyConfig config) {
        this.config = config;
        for (String lang : config.templateLanguages()) {
            byLanguage.put(lang, load(lang));
        }
        if (!byLanguage.containsKey(config.fallbackLanguage())) {
            throw new IllegalStateException("no templates for the fallback language " + config.fallbackLanguage());
        }
    }

    private static Map<String, String> load(String lang) {
        try (InputStream in = DraftTemplates.class.getResourceAsStream("/drafts/" + lang + ".properties")) {
            if (in == null) {
                throw new IllegalStateException("no templates for language " + lang);
            }
            Properties props = new Properties();
            props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> templates = new HashMap<>();
            for (String kind : KINDS) {
                String text = props.getProperty(kind);
                if (text == null) {
                    throw new IllegalStateException("templates for " + lang + " lack " + kind);
                }
                validate(text);
                templates.put(kind, text);
                String shorter = props.getProperty(kind + ".short");
                if (shorter != null) {
                    validate(shorter);
                    templates.put(kind + ".short", shorter);
                }
            }
            return templates;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Throws when a template uses a slot that does not exist. */
    public static void validate(String template) {
        Matcher m = SLOT.matcher(template);
        while (m.find()) {
            if (!SLOTS.contains(m.group(1))) {
                throw new IllegalArgumentException("unknown slot {" + m.group(1) + "}; known: " + SLOTS);
            }
        }
    }

    /** The language a draft for a comment in {@code lang} is written in. */
    public String draftLanguage(String lang) {
        String primary = lang == null ? "" : lang.toLowerCase(Locale.ROOT);
        return byLanguage.containsKey(primary) ? primary : config.fallbackLanguage();
    }

    /** The built-in template of a language and kind (from {@code drafts/<lang>.properties}), or null. */
    public String builtIn(String lang, String kind) {
        Map<String, String> forLang = byLanguage.get(lang);
        return forLang == null ? null : forLang.get(kind);
    }

    /** The languages with built-in templates. */
    public java.util.Set<String> languages() {
        return java.util.Collections.unmodifiableSet(byLanguage.keySet());
    }

    /**
     * Drafts a reply.
     *
     * @param kind praise, complaint, neutral or question
     * @param authorName how to address the commenter; may be null
     * @param caseRef a short reference the customer can quote
     */
    public QueueItem.Draft draft(String kind, String lang, String authorName, String caseRef) {
        return draft(kind, lang, null, authorName, caseRef, key -> null);
    }

    /**
     * Drafts a reply from an admin's template when there is one (most specific first: language, kind and topic;
     * then language and kind), else from the built-in one.
     *
     * @param overrides admin templates by key {@code lang:kind:topic} or {@code lang:kind}; null when none
     */
    public QueueItem.Draft draft(String kind, String lang, String topic, String authorName, String caseRef,
                                 java.util.function.Function<String, String> overrides) {
        return draft(kind, lang, topic, authorName, caseRef, overrides, Integer.MAX_VALUE);
    }

    /**
     * As above, and when the draft would be longer than {@code maxLength} (X allows 280 characters) the built-in
     * shorter variant of the template is used when there is one.
     */
    public QueueItem.Draft draft(String kind, String lang, String topic, String authorName, String caseRef,
                                 java.util.function.Function<String, String> overrides, int maxLength) {
        String draftLang = draftLanguage(lang);
        String k = KINDS.contains(kind) ? kind : "neutral";
        String template = null;
        String source = "template:" + draftLang + ":" + k;
        if (topic != null && !topic.isBlank()) {
            template = overrides.apply(draftLang + ":" + k + ":" + topic);
            source = source + ":" + topic;
        }
        if (template == null) {
            template = overrides.apply(draftLang + ":" + k);
            source = "template:" + draftLang + ":" + k;
        }
        if (template == null) {
            template = byLanguage.get(draftLang).get(k);
        }
        String text = render(template, authorName, caseRef);
        String shorter = byLanguage.get(draftLang).get(k + ".short");
        if (text.codePointCount(0, text.length()) > maxLength && shorter != null) {
            text = render(shorter, authorName, caseRef);
            source = "template:" + draftLang + ":" + k + ":short";
        }
        return new QueueItem.Draft(text, draftLang, source);
    }

    /** Fills the slots of a template. */
    public String render(String template, String authorName, String caseRef) {
        if (authorName == null || authorName.isBlank()) {
            // address nobody rather than leave a dangling comma: "Thank you so much!", "Hi, we're sorry..."
            template = template.replace(", {author}", "").replace(" {author},", ",").replace("{author} ", "");
        }
        return template
                .replace("{author}", authorName == null ? "" : authorName)
                .replace("{brand}", config.brandName())
                .replace("{signature}", config.signature().orElse(""))
                .replace("{case}", caseRef)
                .replaceAll(" {2,}", " ")
                .strip();
    }
}
