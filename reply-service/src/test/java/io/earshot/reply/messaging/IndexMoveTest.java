package io.earshot.reply.messaging;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.redis.RedisKeys;
import io.earshot.reply.support.PlatformStubs;
import io.earshot.reply.support.Staff;
import io.earshot.reply.support.Triaged;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.lettuce.core.Range;
import io.lettuce.core.api.sync.RedisCommands;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * An edited comment, re-triaged, moves through the queue's indexes with the change: its new words and flags find it,
 * its old words no longer do, and a new priority re-ranks it (the index member carries the priority).
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
@QuarkusTestResource(PlatformStubs.class)
class IndexMoveTest {

    @Inject
    QueueStore store;

    @Inject
    RedisCommands<String, String> redis;

    private QueueItem awaitItem(String id, Predicate<QueueItem> until) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> store.find(id).orElse(null), i -> i != null && until.test(i));
    }

    private static List<String> found(String query) {
        return Staff.responder().queryParam("q", query).queryParam("state", "pending").queryParam("limit", "100")
                .get("/api/queue").then().statusCode(200).extract().jsonPath().getList("items.id");
    }

    @Test
    void anEditMovesTheItemsWordsFlagsAndRank() {
        String id = UUID.randomUUID().toString();
        String old = "zqold" + id.substring(0, 6);
        String fresh = "zqnew" + id.substring(0, 6);
        try (Triaged triaged = new Triaged()) {
            triaged.send("facebook", id, Triaged.record(id, 1, "created", "facebook", "im-" + id,
                    "El paquete " + old + " llegó roto", "es", "complaint", ""));
            awaitItem(id, i -> true);
            assertEquals(List.of(id), found(old + " "));

            triaged.send("facebook", id, Triaged.record(id, 2, "edited", "facebook", "im-" + id,
                    "¿Cuándo llega el reembolso " + fresh + "?", "es", "complaint", "\"question\"")
                    .replace("\"priority\":50", "\"priority\":90"));
            QueueItem edited = awaitItem(id, i -> i.commentVersion() == 2);
            assertEquals(90, edited.priority());

            assertEquals(List.of(id), found(fresh + " "), "the new word finds it");
            assertTrue(found(old + " ").isEmpty(), "the old word no longer does");
            Staff.responder().queryParam("flag", "question").queryParam("q", fresh + " ").get("/api/queue").then()
                    .statusCode(200).body("items.id", hasItem(id));
            List<String> members = redis.zrangebylex(RedisKeys.QUEUE.prefix(), Range.create("010|", "010|~"));
            assertTrue(members.stream().anyMatch(m -> m.endsWith("|" + id)), "ranked at priority 90 in the queue order");
            assertTrue(redis.zrangebylex(RedisKeys.QUEUE.prefix(), Range.create("050|", "050|~")).stream()
                    .noneMatch(m -> m.endsWith("|" + id)), "and no longer at 50");
            Staff.responder().queryParam("q", old + " ").get("/api/queue").then().statusCode(200)
                    .body("items", empty()).body("items.id", not(hasItem(id)));
        }
    }
}
