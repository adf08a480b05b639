package io.earshot.reply.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.support.Items;
import io.earshot.reply.support.LostRedis;
import io.earshot.reply.support.Staff;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Saved replies: own and team ones, who sees and changes which, validation, versions, filling, the audit. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
@QuarkusTestResource(io.earshot.reply.support.PlatformStubs.class)
class SavedRepliesTest {

    @Inject
    RedisCommands<String, String> redis;

    @Inject
    QueueStore store;

    private static String create(String user, Map<String, Object> body) {
        return Staff.as(user).body(body).post("/api/saved-replies").then().statusCode(201)
                .body("version", equalTo(1)).extract().path("id");
    }

    @Test
    void aUserKeepsTheirOwnAndSeesTheirTeamsButNobodyElsesReply() {
        String mine = create("ana", Map.of("title", "Delivery delay", "lang", "en",
                "text", "Hi {author}, sorry for the wait! Your case is {case}."));
        String team = create("supervisor", Map.of("title", "Reembolso", "lang", "es",
                "text", "Hola {author}, el reembolso ya está en camino.", "owner", "team:billing"));
        String bens = create("ben", Map.of("title", "Ben's own", "lang", "en", "text", "Thanks!"));

        JsonPath anas = Staff.as("ana").get("/api/saved-replies").then().statusCode(200).extract().jsonPath();
        assertTrue(anas.getList("id").containsAll(List.of(mine, team)), anas.prettify());
        assertTrue(!anas.getList("id").contains(bens), "ben's reply is not ana's to see");
        assertEquals(List.of(team), Staff.as("ana").queryParam("lang", "es").get("/api/saved-replies")
                .then().statusCode(200).extract().jsonPath().getList("id"), "filtered by language");

        // someone else's reply does not exist for you: 404, never 403
        Staff.as("ana").get("/api/saved-replies/" + bens).then().statusCode(404).contentType("application/problem+json");
        Staff.as("ana").body(Map.of("title", "x", "lang", "en", "text", "y", "version", 1))
                .put("/api/saved-replies/" + bens).then().statusCode(404);
        Staff.as("ana").delete("/api/saved-replies/" + bens).then().statusCode(404);
        Staff.as("ben").get("/api/saved-replies/" + team).then().statusCode(404);
        Staff.as("ben").get("/api/saved-replies").then().statusCode(200).body("id", not(hasItem(team)));
        Staff.as("ben").queryParam("owner", "team:billing").get("/api/saved-replies").then().statusCode(404);
        // a member reads the team's reply but only a supervisor changes it
        Staff.as("ana").get("/api/saved-replies/" + team).then().statusCode(200).body("owner", equalTo("team:billing"));
        Staff.as("ana").delete("/api/saved-replies/" + team).then().statusCode(403);
        Staff.as("ana").body(Map.of("title", "Ours", "lang", "en", "text", "Hi", "owner", "team:billing"))
                .post("/api/saved-replies").then().statusCode(403);
        Staff.as("admin").queryParam("owner", "team:billing").get("/api/saved-replies").then().statusCode(200)
                .body("id", hasItem(team));
        Staff.as("admin").delete("/api/saved-replies/" + team).then().statusCode(204);
        Staff.as("ana").get("/api/saved-replies/" + team).then().statusCode(404);
        Staff.as("ana").delete("/api/saved-replies/" + mine).then().statusCode(204);
    }

    @Test
    void badInputIsA400NamingTheField() {
        Staff.as("ana").body(Map.of("title", "", "lang", "en", "text", "Hi")).post("/api/saved-replies")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("title"));
        Staff.as("ana").body(Map.of("title", "x".repeat(81), "lang", "en", "text", "Hi")).post("/api/saved-replies")
                .then().statusCode(400).body("errors.field", hasItem("title"));
        Staff.as("ana").body(Map.of("title", "Hi", "lang", "English", "text", "Hi")).post("/api/saved-replies")
                .then().statusCode(400).body("errors.field", hasItem("lang"));
        Staff.as("ana").body(Map.of("title", "Hi", "lang", "en", "text", "x".repeat(2001))).post("/api/saved-replies")
                .then().statusCode(400).body("errors.field", hasItem("text"));
        Staff.as("ana").body(Map.of("title", "Hi", "lang", "en", "text", "Dear {customer}")).post("/api/saved-replies")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("text"))
                .body("detail", containsString("{customer}"));
        Staff.as("ana").body(Map.of("title", "Hi", "lang", "en", "text", "Hi", "owner", "user:ben"))
                .post("/api/saved-replies").then().statusCode(400).body("errors.field", hasItem("owner"));
        Staff.as("ana").queryParam("lang", "ENG").get("/api/saved-replies").then().statusCode(400)
                .body("errors.field", hasItem("lang"));
        Staff.as("ana").body("{\"title\":\"Hi\",\"lang\":\"en\",\"text\":\"Hi\"}").put("/api/saved-replies/whatever")
                .then().statusCode(400).body("errors.field", hasItem("version"));
    }

    @Test
    void anUpdateNamesItsVersionSlotsAreFilledForAnItemAndEveryChangeIsAudited() {
        String id = create("ana", Map.of("title", "Thanks", "lang", "en", "text", "Thanks {author}! (ref {case})"));
        Staff.as("ana").body(Map.of("title", "Thanks a lot", "lang", "en", "text", "Thank you, {author}! (ref {case})",
                "version", 1)).put("/api/saved-replies/" + id).then().statusCode(200).body("version", equalTo(2));
        Staff.as("ana").body(Map.of("title", "Stale", "lang", "en", "text", "old", "version", 1))
                .put("/api/saved-replies/" + id).then().statusCode(409).contentType("application/problem+json");
        Staff.as("ana").get("/api/saved-replies/" + id).then().statusCode(200).body("title", equalTo("Thanks a lot"));

        QueueItem item = Items.complaint("generic").withComment(c -> c.withAuthor(new QueueItem.Author("u1", "jd", "Jane")));
        store.createIfAbsent(item);
        String expected = "Thank you, Jane! (ref " + io.earshot.reply.domain.QueueItems.caseReference(item.id()) + ")";
        Staff.as("ana").queryParam("item", item.id()).get("/api/saved-replies").then().statusCode(200)
                .body("find { it.id == '" + id + "' }.filled", equalTo(expected));
        Staff.as("ana").queryParam("item", "no-such-item").get("/api/saved-replies").then().statusCode(404);

        Staff.as("ana").queryParam("version", 1).delete("/api/saved-replies/" + id).then().statusCode(409);
        Staff.as("ana").queryParam("version", 2).delete("/api/saved-replies/" + id).then().statusCode(204);
        List<Map<String, Object>> actions = Staff.supervisor().get("/api/audit/actions?limit=50").then().statusCode(200)
                .extract().jsonPath().getList("actions");
        for (String action : List.of("saved_reply_created", "saved_reply_updated", "saved_reply_deleted")) {
            assertTrue(actions.stream().anyMatch(a -> action.equals(a.get("action")) && id.equals(a.get("subject"))
                    && "ana".equals(a.get("actor"))), action + " in " + actions);
        }
        assertTrue(actions.stream().noneMatch(a -> String.valueOf(a.get("detail")).contains("Thank you")),
                "no reply text in the audit");
    }

    @Test
    void savedRepliesAreNotWipedWithTheQueue() {
        String id = create("ana", Map.of("title", "Kept", "lang", "ro", "text", "Mulțumim, {author}!"));
        LostRedis.wipe(redis);
        Staff.as("ana").get("/api/saved-replies/" + id).then().statusCode(200).body("lang", equalTo("ro"));
        assertTrue(!io.earshot.reply.redis.RedisKeys.SAVED_REPLIES.wipedByRebuild());
    }
}
