package io.earshot.reply.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.reply.support.Items;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ReplyLintTest {

    static final ReplyLint LINT = new ReplyLint(new ReplyLint.Rules(
            Map.of("x", 280, "mastodon", 500, "instagram", 2200, "facebook", 8000, "youtube", 10000), 2000,
            Set.of("example.com")));

    private static QueueItem item(String platform, String lang) {
        return Items.complaint(platform).withVerdict(vrd -> vrd.withLang(lang));
    }

    @Test
    void aGoodReplyPasses() {
        ReplyLint.Result r = LINT.lint(item("x", "en"), "Hi Jane, we're sorry about this. Please send us a private message and we'll help.");
        assertTrue(r.ok(), r.toString());
    }

    @Test
    void eachProblemIsFound() {
        assertEquals(List.of("empty"), LINT.lint(item("x", "en"), "  ").codes());
        assertTrue(LINT.lint(item("x", "en"), "a".repeat(281)).codes().contains("too_long"));
        assertFalse(LINT.lint(item("facebook", "en"), "Thanks for the message and your patience, we will help you. " + "a".repeat(281)).codes().contains("too_long"));
        assertTrue(LINT.lint(item("mastodon", "en"), "Thanks for the message! " + "a".repeat(500)).codes().contains("too_long"));
        assertTrue(LINT.lint(item("x", "en"), "Hi {customer}, thanks for your message and your patience!").codes().contains("unresolved_slot"));
        assertTrue(LINT.lint(item("x", "en"), "Thanks, we will write to jane@example.org with the details.").codes().contains("personal_data"));
        assertTrue(LINT.lint(item("x", "es"), "Thank you for your message, we are looking into this for you.").codes().contains("language"));
        assertTrue(LINT.lint(item("x", "en"), "Thanks for the message, see https://evil.test/x for the details").codes().contains("link"));
        assertFalse(LINT.lint(item("x", "en"), "Thanks for the message, see https://help.example.com/x for the details").codes().contains("link"));
    }

    @Test
    void personalDataTriageFoundIsNotEchoedAndIsMasked() {
        String text = "Call me on 0612 345 678 or mail lucia@correo.es please";
        QueueItem item = Items.complaint("facebook").withComment(cmt -> cmt.withText(text))
                .withComment(cmt -> cmt.withPii(List.of(new QueueItem.Pii("phone", 11, 23), new QueueItem.Pii("email", 32, 47))));
        ReplyLint.Result r = LINT.lint(item, "Hi Lucía, we'll call 0612 345 678 today and mail you, thanks for your patience.");
        assertTrue(r.codes().contains("personal_data"), r.toString());
        String masked = PersonalData.mask(item, "We will call 0612 345 678 and mail lucia@correo.es");
        assertFalse(masked.contains("0612"), masked);
        assertFalse(masked.contains("lucia@"), masked);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "es", "ru", "ar", "ro", "te", "fr", "de", "pt", "it", "hi"})
    void everyBuiltInTemplatePassesTheLintInItsLanguage(String lang) {
        DraftTemplates templates = new DraftTemplates(DraftTemplatesTest.config());
        for (String kind : DraftTemplates.KINDS) {
            QueueItem item = Items.complaint("x").withVerdict(vrd -> vrd.withLang(lang));
            String text = templates.draft(kind, lang, null, "Zoë", "AB12CD34", key -> null, 280).text();
            ReplyLint.Result r = LINT.lint(item, text);
            assertTrue(r.ok(), lang + " " + kind + ": " + r + " in " + text);
        }
    }
}
