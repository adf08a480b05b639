package io.earshot.reply.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.reply.domain.Actor;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.domain.QueueItem.State;
import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.support.PlatformStubs;
import io.earshot.reply.support.Triaged;
import io.earshot.reply.workflow.QueueService;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An edited comment updates its item and replaces a draft (and an approval) made for the old text; a removed one is retracted. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
@QuarkusTestResource(PlatformStubs.class)
class CommentChangesTest {

    @Inject
    QueueStore store;

    @Inject
    QueueService service;

    private QueueItem awaitItem(String id, java.util.function.Predicate<QueueItem> condition) {
        await().atMost(Duration.ofSeconds(30)).until(() -> store.find(id).filter(condition).isPresent());
        return store.find(id).orElseThrow();
    }

    @Test
    void anEditedCommentReplacesTheDraftAndAnApprovalForTheOldText() {
        String id = UUID.randomUUID().toString();
        try (Triaged triaged = new Triaged()) {
            triaged.send("tiktok", id, Triaged.record(id, 1, "created", "tiktok", "rd-" + id, "Gracias por todo", "es", "praise", ""));
            QueueItem first = awaitItem(id, i -> true);
            assertTrue(first.draftText().contains("Gracias") || first.draftText().contains("gracias"), first.draftText());

            Actor ana = new Actor("ana", false, false);
            service.claim(id, ana, false);
            service.approve(id, ana, null, false);
            // tiktok has no connector here: the approved reply fails, keeping the approval for the old text
            QueueItem failed = awaitItem(id, i -> i.state() == State.failed);
            assertTrue(failed.stateReason().contains("no connector"), failed.stateReason());
            triaged.send("tiktok", id, Triaged.record(id, 2, "edited", "tiktok", "rd-" + id,
                    "El pedido llegó roto, ¿qué hago?", "es", "complaint", "\"question\""));
            QueueItem edited = awaitItem(id, i -> i.commentVersion() == 2);
            assertEquals("El pedido llegó roto, ¿qué hago?", edited.text());
            assertEquals("complaint", edited.label());
            assertEquals(State.pending, edited.state());
            assertNull(edited.approval(), "the approval was for the old text");
            assertTrue(edited.draftText().contains("sentimos") || edited.draftText().contains("Sentimos"), edited.draftText());

            // a redelivered old version changes nothing
            long version = edited.version();
            triaged.send("tiktok", id, Triaged.record(id, 1, "created", "tiktok", "rd-" + id, "Gracias por todo", "es", "praise", ""));
            triaged.send("tiktok", id, Triaged.record(id, 3, "removed", "tiktok", "rd-" + id, "", "es", "neutral", ""));
            QueueItem removed = awaitItem(id, i -> i.commentVersion() == 3 || i.state() == State.retracted);
            assertEquals(State.retracted, removed.state());
            assertEquals(version + 1, removed.version());
        }
    }

    @Test
    void abuseGetsAHideSuggestionNotAReply() {
        String id = UUID.randomUUID().toString();
        try (Triaged triaged = new Triaged()) {
            triaged.send("facebook", id, Triaged.record(id, 1, "created", "facebook", "fb-" + id, "you are all idiots", "en", "complaint", "\"abusive\""));
            QueueItem item = awaitItem(id, i -> true);
            assertEquals("hide", item.suggestion());
            assertEquals("", item.draftText());
            assertEquals("policy:abusive", item.draft().source());
        }
    }
}
