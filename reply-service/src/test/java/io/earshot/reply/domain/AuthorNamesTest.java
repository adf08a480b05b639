package io.earshot.reply.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.reply.support.Items;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A commenter's name cannot shape the reply: what {@code {author}} is filled with, and how author fields are kept. */
class AuthorNamesTest {

    static final ReplyLint LINT = new ReplyLint(new ReplyLint.Rules(Map.of("x", 280), 2000, Set.of("shop.example"),
            Set.of("ShopHelp"), Set.of("+44 20 7946 0000")));

    @Test
    void bidiOverridesAndIsolatesAreDropped() {
        // "Jane" followed by a right-to-left override that would show "moc.live" as "evil.com"
        assertEquals("Jane", AuthorNames.forReply("Jane\u202E"));
        assertEquals("Jane Doe", AuthorNames.forReply("\u2067Jane\u2069 \u202ADoe\u202C"));
        assertEquals("Jane", AuthorNames.forReply("\u200FJane\u200E"));
        assertFalse(AuthorNames.normalize("Ja\u202Ene").contains("\u202E"));
    }

    @Test
    void zeroWidthAndOtherInvisibleCharactersAreDropped() {
        assertEquals("Jane", AuthorNames.forReply("Ja\u200Bne\u2060\uFEFF"));
        // a zero-width space cannot smuggle a domain past the domain check
        assertEquals("Visit", AuthorNames.forReply("Visit evil\u200B.example"));
    }

    @Test
    void mentionsLinksAndDomainsAreDropped() {
        assertEquals("Jane", AuthorNames.forReply("Jane @everyone"));
        assertEquals("Jane", AuthorNames.forReply("Jane ＠support"));
        assertEquals("Jane from", AuthorNames.forReply("Jane from evil.example"));
        assertEquals("Jane", AuthorNames.forReply("Jane www.evil.example/offer"));
        assertEquals("Jane", AuthorNames.forReply("Jane https://evil.example/x?y=1"));
        assertEquals("Jane", AuthorNames.forReply("Jane evil。example"));
        assertNull(AuthorNames.forReply("evil.example"), "nothing but a domain: address nobody");
        assertNull(AuthorNames.forReply("@evil"));
    }

    @Test
    void phoneNumbersAndSymbolsAreDropped() {
        assertEquals("Jane call", AuthorNames.forReply("Jane, call +1 (415) 555-0100!"));
        assertEquals("Jane", AuthorNames.forReply("Jane 💸💸 <b>"));
        assertEquals("R2D2", AuthorNames.forReply("R2D2"));
    }

    @Test
    void theNameIsCappedAtAWordBoundary() {
        String name = AuthorNames.forReply("Maximilian Alexander Bartholomew Fitzgerald-Worthington the Third");
        assertTrue(name.codePointCount(0, name.length()) <= AuthorNames.MAX_LENGTH, name);
        assertEquals("Maximilian Alexander Bartholomew", name);
        String long1 = AuthorNames.forReply("a".repeat(200));
        assertEquals(AuthorNames.MAX_LENGTH, long1.length());
    }

    @Test
    void realNamesInEveryScriptSurvive() {
        assertEquals("Lucía Pérez", AuthorNames.forReply("Lucía Pérez"));
        assertEquals("O'Brien-Smith", AuthorNames.forReply("O'Brien-Smith"));
        assertEquals("مريم", AuthorNames.forReply("مريم"));
        assertEquals("Дмитрий", AuthorNames.forReply("Дмитрий"));
        assertEquals("సాయి", AuthorNames.forReply("సాయి"));
        assertEquals("प्रिया", AuthorNames.forReply("प्रिया"));
        // NFC: a decomposed é becomes the composed one
        assertEquals("Lucía", AuthorNames.forReply("Luci\u0301a"));
    }

    @Test
    void authorFieldsAreNormalisedLikeCommentText() {
        assertEquals("Jane Doe", AuthorNames.normalize("  Jane\n\tDoe\u0007 "));
        assertEquals("Lucía", AuthorNames.normalize("Luci\u0301a\u202E"));
        assertNull(AuthorNames.normalize(null));
    }

    @Test
    void theDraftAddressesTheSanitisedNameAndPassesTheLint() {
        QueueItem item = Items.complaint("x")
                .withComment(cmt -> cmt.withAuthor(new QueueItem.Author("u1", "@evil", "Jane\u202E @everyone visit evil.example +1 415 555 0100")));
        String name = QueueItems.authorName(item);
        assertEquals("Jane visit", name);
        DraftTemplates templates = new DraftTemplates(DraftTemplatesTest.config());
        String draft = templates.draft("complaint", "en", name, QueueItems.caseReference(item.id())).text();
        assertFalse(draft.contains("evil"), draft);
        assertFalse(draft.contains("@"), draft);
        assertFalse(draft.contains("\u202E"), draft);
        assertTrue(LINT.lint(item, draft).ok(), LINT.lint(item, draft).toString());
        // nothing usable in the display name: the handle, then nobody
        QueueItem handleOnly = Items.complaint("x").withComment(cmt -> cmt.withAuthor(new QueueItem.Author("u1", "jane_doe", "www.evil.example")));
        assertEquals("jane doe", QueueItems.authorName(handleOnly));
        QueueItem nobody = Items.complaint("x").withComment(cmt -> cmt.withAuthor(new QueueItem.Author("u1", "@evil", "evil.example")));
        assertNull(QueueItems.authorName(nobody));
    }
}
