package io.earshot.reply.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.reply.config.ReplyConfig;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DraftTemplatesTest {

    static final List<String> LANGS = List.of("en", "es", "ru", "ar", "ro", "te", "fr", "de", "pt", "it", "hi");

    static ReplyConfig config() {
        return new ReplyConfig() {
            public String brandName() { return "Acme"; }
            public java.util.Optional<String> signature() { return java.util.Optional.of("– Ana"); }
            public List<String> templateLanguages() { return LANGS; }
            public String fallbackLanguage() { return "en"; }
            public int maxPageSize() { return 100; }
            public int searchScanLimit() { return 2000; }
        };
    }

    private final DraftTemplates templates = new DraftTemplates(config());

    @ParameterizedTest
    @ValueSource(strings = {"en", "es", "ru", "ar", "ro", "te", "fr", "de", "pt", "it", "hi"})
    void everyLanguageDraftsEveryKindWithNoSlotLeft(String lang) {
        for (String kind : DraftTemplates.KINDS) {
            QueueItem.Draft draft = templates.draft(kind, lang, "Zoë", "AB12CD34");
            assertEquals(lang, draft.lang());
            assertFalse(draft.text().contains("{"), draft.text());
            assertTrue(draft.text().contains("Zoë"), lang + " " + kind + " addresses the author");
            assertTrue(draft.text().endsWith("– Ana"), "signed");
        }
    }

    @Test
    void complaintsAskForAPrivateChannelAndQuoteTheCase() {
        assertTrue(templates.draft("complaint", "en", "Jo", "AB12CD34").text().contains("private message"));
        assertTrue(templates.draft("complaint", "en", "Jo", "AB12CD34").text().contains("AB12CD34"));
    }

    @Test
    void unknownLanguagesFallBackToEnglish() {
        assertEquals("en", templates.draft("praise", "ja", "Jo", "X").lang());
        assertEquals("en", templates.draft("praise", null, "Jo", "X").lang());
    }

    @Test
    void missingAuthorLeavesNoDanglingPunctuation() {
        String text = templates.draft("praise", "en", null, "X").text();
        assertTrue(text.startsWith("Thank you so much!"), text);
    }

    @Test
    void unknownSlotsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> DraftTemplates.validate("Hi {customer}"));
    }
}
