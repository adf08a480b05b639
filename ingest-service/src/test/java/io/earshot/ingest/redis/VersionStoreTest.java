package io.earshot.ingest.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.ingest.domain.CommentDraft;
import io.earshot.ingest.domain.Normalization;
import io.earshot.ingest.messaging.CommentIngested;
import io.earshot.ingest.messaging.CommentIngested.Action;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.lettuce.core.api.sync.RedisCommands;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, item 8: a comment's versions and event ids are never reused, neither after the 7 days a version used to
 * be remembered nor after ingest's Redis is lost; reply-service applies a version when it is larger than the one its
 * item has (TriagedConsumer), so every later revision must be larger.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
class VersionStoreTest {

    @Inject
    Normalization normalization;

    @Inject
    RedisCommands<String, String> redis;

    static CommentDraft revision(String id, Action action, String text, Instant revisedAt) {
        CommentDraft d = new CommentDraft("generic", id);
        d.threadId = "t-" + id;
        d.authorId = "a-1";
        d.text = text;
        d.action = action;
        d.revisedAt = revisedAt;
        return d;
    }

    @Test
    void anEditEightDaysLaterAndAfterARedisFlushGetsALargerVersionAndANewEventId() {
        String id = "v-" + UUID.randomUUID();
        Instant t0 = Instant.now().minus(Duration.ofDays(9));
        CommentIngested created = normalization.toEvent(revision(id, Action.created, "first", null), t0);
        CommentIngested edit = normalization.toEvent(revision(id, Action.edited, "second", null), t0.plusSeconds(60));
        assertEquals(1, created.version());
        assertTrue(edit.version() > created.version());

        redis.flushall();
        Instant later = t0.plusSeconds(60).plus(Duration.ofDays(8));
        CommentIngested editAgain = normalization.toEvent(revision(id, Action.edited, "third", null), later);
        CommentIngested removed = normalization.toEvent(revision(id, Action.removed, "", null), later.plusSeconds(5));
        assertTrue(editAgain.version() > edit.version(), editAgain.version() + " > " + edit.version());
        assertTrue(removed.version() > editAgain.version());
        assertNotEquals(edit.eventId(), editAgain.eventId());
        assertNotEquals(editAgain.eventId(), removed.eventId());
    }

    @Test
    void aRedeliveredRevisionKeepsItsVersionAlsoAfterAFlushWhenThePlatformGivesItsTime() {
        String id = "v-" + UUID.randomUUID();
        Instant editedAt = Instant.now().minus(Duration.ofHours(2));
        CommentIngested first = normalization.toEvent(revision(id, Action.edited, "edited text", editedAt), Instant.now());
        CommentIngested again = normalization.toEvent(revision(id, Action.edited, "edited text", editedAt), Instant.now().plusSeconds(30));
        assertEquals(first.version(), again.version());
        assertEquals(first.eventId(), again.eventId());
        redis.flushall();
        CommentIngested afterFlush = normalization.toEvent(revision(id, Action.edited, "edited text", editedAt), Instant.now());
        assertEquals(first.version(), afterFlush.version(), "the same revision, the same version: deduplicated downstream");
    }

    @Test
    void twoRevisionsInOneSecondGetTwoVersionsAndAnOlderOneArrivingLateStaysOlder() {
        String id = "v-" + UUID.randomUUID();
        Instant at = Instant.now().minus(Duration.ofMinutes(5));
        CommentIngested a = normalization.toEvent(revision(id, Action.edited, "a", at), Instant.now());
        CommentIngested b = normalization.toEvent(revision(id, Action.edited, "b", at), Instant.now());
        assertNotEquals(a.version(), b.version());
        CommentIngested late = normalization.toEvent(revision(id, Action.edited, "older", at.minusSeconds(120)), Instant.now());
        assertTrue(late.version() < a.version(), "an edit made before the ones applied is not applied after them");
        assertTrue(late.version() > 1);
    }

    @Test
    void anIntegratorsEditWithEditedAtKeepsItsEventIdAcrossAFlush() {
        String id = "v-" + UUID.randomUUID();
        String edit = """
                {"platform":"generic","externalId":"%s","threadId":"t","author":{"id":"a"},"text":"changed",
                 "createdAt":"2026-11-01T10:00:00Z","action":"edited","editedAt":"2026-11-02T10:00:00Z"}""".formatted(id);
        String first = io.earshot.ingest.support.Api.authorized().contentType("application/json").body(edit)
                .when().post("/api/comments").then().statusCode(202).extract().path("eventId");
        redis.flushall();
        String again = io.earshot.ingest.support.Api.authorized().contentType("application/json").body(edit)
                .when().post("/api/comments").then().statusCode(202).extract().path("eventId");
        assertEquals(first, again, "the same edit, the same event: consumers deduplicate it");
    }
}
