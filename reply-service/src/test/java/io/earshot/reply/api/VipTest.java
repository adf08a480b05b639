package io.earshot.reply.api;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.messaging.Topics;
import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.support.Staff;
import io.earshot.reply.support.Triaged;
import io.earshot.testsupport.EventSchemas;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.earshot.testsupport.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** VIP authors: the API, the priority boost of their new comments (capped), the badge flag, bad input. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
@QuarkusTestResource(io.earshot.reply.support.PlatformStubs.class)
class VipTest {

    @Inject
    QueueStore store;

    private QueueItem arrived(String id) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> store.find(id).orElse(null), java.util.Objects::nonNull);
    }

    @Test
    void aVipsNewCommentsAreBoostedCappedAt100AndFlaggedOthersAreNot() {
        String vip = "vip-" + UUID.randomUUID().toString().substring(0, 8);
        String high = "vip-high-" + UUID.randomUUID().toString().substring(0, 8);
        String plain = "plain-" + UUID.randomUUID().toString().substring(0, 8);
        Staff.supervisor().body(Map.of("identity", "jane-doe")).put("/api/vips/generic/u-" + vip).then().statusCode(200)
                .body("platform", equalTo("generic")).body("authorId", equalTo("u-" + vip))
                .body("identity", equalTo("jane-doe")).body("by", equalTo("supervisor"));
        Staff.supervisor().put("/api/vips/generic/u-" + high).then().statusCode(200).body("identity", nullValue());
        Staff.supervisor().get("/api/vips").then().statusCode(200).body("authorId", hasItem("u-" + vip));
        Staff.supervisor().queryParam("identity", "jane-doe").get("/api/vips").then().statusCode(200)
                .body("authorId", equalTo(List.of("u-" + vip)));

        try (Triaged triaged = new Triaged()) {
            triaged.send("generic", vip, Triaged.record(vip, 1, "created", "generic", "x-" + vip, "Where is my order?",
                    "en", "complaint", ""));
            triaged.send("generic", high, Triaged.record(high, 1, "created", "generic", "x-" + high, "Still waiting!",
                    "en", "complaint", "").replace("\"priority\":50", "\"priority\":90"));
            triaged.send("generic", plain, Triaged.record(plain, 1, "created", "generic", "x-" + plain, "Where is it?",
                    "en", "complaint", ""));
        }
        QueueItem boosted = arrived(vip);
        assertEquals(80, boosted.priority(), "50 from triage + 30");
        assertTrue(boosted.explanation().stream().anyMatch(e -> e.contains("VIP")), boosted.explanation().toString());
        assertEquals(100, arrived(high).priority(), "capped at 100");
        assertEquals(50, arrived(plain).priority(), "not a VIP");

        Staff.responder().get("/api/queue/" + vip).then().statusCode(200).body("vip", equalTo(true))
                .body("priority", equalTo(80));
        Staff.responder().get("/api/queue/" + plain).then().statusCode(200).body("vip", nullValue());
        Staff.responder().queryParam("limit", 100).get("/api/queue").then().statusCode(200)
                .body("items.find { it.id == '" + vip + "' }.vip", equalTo(true))
                .body("items.find { it.id == '" + plain + "' }.containsKey('vip')", equalTo(false));

        // unmarking takes the badge away at once, and the boost with it
        Staff.supervisor().delete("/api/vips/generic/u-" + vip).then().statusCode(204);
        Staff.responder().get("/api/queue/" + vip).then().statusCode(200).body("vip", nullValue()).body("priority", equalTo(50));
        Staff.supervisor().get("/api/vips/generic/u-" + vip).then().statusCode(404).contentType("application/problem+json");
        Staff.supervisor().delete("/api/vips/generic/u-" + vip).then().statusCode(404);
        List<Map<String, Object>> actions = Staff.supervisor().get("/api/audit/actions?limit=50").then().statusCode(200)
                .extract().jsonPath().getList("actions");
        assertTrue(actions.stream().anyMatch(a -> "vip_marked".equals(a.get("action")) && ("generic:u-" + vip).equals(a.get("subject"))));
        assertTrue(actions.stream().anyMatch(a -> "vip_unmarked".equals(a.get("action"))));
        assertTrue(actions.stream().noneMatch(a -> String.valueOf(a.get("detail")).contains("jane-doe")), "no names in the audit");
    }

    @Test
    void markingAnAuthorReRanksTheirOpenItemsOnceWithAnEventAndUnmarkingUndoesIt() {
        String author = "rr-" + UUID.randomUUID().toString().substring(0, 8);
        String open = author + "-open";
        try (Triaged triaged = new Triaged(); TopicReader replies = new TopicReader(Topics.REPLIES)) {
            triaged.send("generic", open, Triaged.record(open, 1, "created", "generic", "x-" + open, "Where is my order?",
                    "en", "complaint", "").replace("\"u-" + open + "\"", "\"u-" + author + "\""));
            assertEquals(50, arrived(open).priority());

            Staff.supervisor().put("/api/vips/generic/u-" + author).then().statusCode(200);
            assertEquals(80, store.find(open).orElseThrow().priority(), "queued before the mark, re-ranked by it");
            Staff.responder().queryParam("limit", 100).get("/api/queue").then().statusCode(200)
                    .body("items.find { it.id == '" + open + "' }.priority", equalTo(80));
            await().atMost(Duration.ofSeconds(20)).until(() -> replies.poll().stream()
                    .anyMatch(r -> r.value().contains("\"reprioritised\"") && r.value().contains(open)));
            String event = replies.poll().stream().map(r -> r.value())
                    .filter(v -> v.contains("\"reprioritised\"") && v.contains(open)).findFirst().orElseThrow();
            assertTrue(event.contains("\"priority\":80"), event);
            assertEquals(List.of(), EventSchemas.violations("replies", event));

            Staff.supervisor().put("/api/vips/generic/u-" + author).then().statusCode(200);
            assertEquals(80, store.find(open).orElseThrow().priority(), "marking twice boosts once");
            Staff.supervisor().delete("/api/vips/generic/u-" + author).then().statusCode(204);
            assertEquals(50, store.find(open).orElseThrow().priority(), "unmarked: the boost is taken back");
        }
    }

    @Test
    void onlySupervisorsMarkAndBadInputIsA400NamingTheField() {
        Staff.responder().put("/api/vips/generic/u-1").then().statusCode(403);
        Staff.responder().get("/api/vips").then().statusCode(403);
        Staff.supervisor().put("/api/vips/Not%20A%20Platform/u-1").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("platform"));
        Staff.supervisor().put("/api/vips/generic/" + "x".repeat(201)).then().statusCode(400)
                .body("errors.field", hasItem("authorId"));
        Staff.supervisor().body(Map.of("identity", "<script>")).put("/api/vips/generic/u-1").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("identity"));
        Staff.supervisor().body("{\"identity\":").put("/api/vips/generic/u-1").then().statusCode(400);
        Staff.supervisor().get("/api/vips/generic/nobody-" + UUID.randomUUID()).then().statusCode(404);
    }
}
