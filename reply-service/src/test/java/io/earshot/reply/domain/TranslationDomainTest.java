package io.earshot.reply.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.reply.domain.WorkflowException;
import io.earshot.reply.messaging.ReplyEvent;
import io.earshot.reply.support.Items;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Language codes, the hash of what a translated draft showed, and a translated draft surviving a rebuild. */
class TranslationDomainTest {

    @Test
    void primaryLanguageSubtagsOnly() {
        assertEquals("te", Languages.require("languages[0]", " TE "));
        for (String bad : new String[] {"en-US", "pt_BR", "english", "e", "und", "zxx", "", "ar1", "Latn"}) {
            WorkflowException e = assertThrows(WorkflowException.class, () -> Languages.require("languages[2]", bad), bad);
            assertEquals(WorkflowException.Reason.INVALID_INPUT, e.reason());
            assertEquals("languages[2]", e.errors().get(0).field());
        }
        assertEquals(List.of("ar", "en"), Languages.requireList("languages", List.of("ar", "EN", "ar")));
        assertTrue(Languages.rightToLeft("ar"));
        assertFalse(Languages.rightToLeft("te"));
        assertFalse(Languages.readable(null, List.of("en")));
    }

    @Test
    void theShownHashCoversTheTextAndBothLanguages() {
        QueueItem.Translation t = new QueueItem.Translation("Thanks!", "en", "Thank you!", "api.example", "m", Instant.EPOCH);
        QueueItem.Draft draft = new QueueItem.Draft("شكراً!", "ar", "mt:m", "ana", 1, t);
        String h = QueueItems.shownTextHash(draft);
        assertEquals(h, QueueItems.shownTextHash(new QueueItem.Draft("شكراً!", "ar", "mt:m", "ben", 1, t)));
        assertNotEquals(h, QueueItems.shownTextHash(new QueueItem.Draft("شكراً جزيلاً!", "ar", "mt:m", "ana", 1, t)));
        assertNotEquals(h, QueueItems.shownTextHash(new QueueItem.Draft("شكراً!", "ar", "mt:m", "ana", 1,
                new QueueItem.Translation("Thanks!", "en", "Thanks a lot!", "api.example", "m", Instant.EPOCH))));
        assertNotEquals(h, QueueItems.shownTextHash(new QueueItem.Draft("شكراً!", "ar", "mt:m", "ana", 1,
                new QueueItem.Translation("Cheers!", "en", "Thank you!", "api.example", "m", Instant.EPOCH))));
    }

    @Test
    void aRebuildKeepsTheTranslationSoTheApprovalStillNeedsBothTexts() {
        QueueItem.Translation t = new QueueItem.Translation("Thanks!", "en", "Thank you!", "api.example", "m", Instant.EPOCH);
        QueueItem before = Items.complaint("facebook").withVerdict(vrd -> vrd.withLang("ar")).withState(QueueItem.State.claimed).withHandling(hdl -> hdl.withVersion(2));
        QueueItem edited = before.withHandling(hdl -> hdl.withVersion(3))
                .withDraft(new QueueItem.Draft("شكراً!", "ar", "mt:m", "ana", 1, t));
        ReplyEvent event = QueueItems.event(edited, "edited", "ana", "machine-translated", before.draftText(), Instant.EPOCH);
        assertEquals(t, event.translation());
        QueueItem replayed = Replay.apply(before, event);
        assertEquals(t, replayed.draft().translation());
        assertEquals(QueueItems.shownTextHash(edited.draft()), QueueItems.shownTextHash(replayed.draft()));
        // a later edit by a person clears it
        QueueItem rewritten = replayed.withHandling(hdl -> hdl.withVersion(4)).withDraft(new QueueItem.Draft("مرحباً", "ar", "staff:ana", "ana", 1));
        assertNull(QueueItems.event(rewritten, "edited", "ana", null, "شكراً!", Instant.EPOCH).translation());
        assertNull(Replay.apply(replayed, QueueItems.event(rewritten, "edited", "ana", null, "شكراً!", Instant.EPOCH)).draft().translation());
    }
}
