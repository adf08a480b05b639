package io.earshot.reply.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.redis.QueueStore;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
class QueueResourceTest {

    @Inject
    QueueStore store;

    private String platform() {
        return "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private QueueItem item(String id, String platform, String label, String lang, int priority, String createdAt) {
        return new QueueItem(id, id, platform, platform + ":t", "t", "x" + id, null,
                new QueueItem.Author("u", "h", "H"), "text " + id, null, Instant.parse(createdAt), lang, label, 0.7,
                Map.of("praise", 0.1, "complaint", 0.7, "neutral", 0.2), List.of(), priority, List.of(),
                new QueueItem.Draft("draft", lang, "template"), QueueItem.State.pending, 1, Instant.now(), Instant.now());
    }

    @Test
    void mostUrgentFirstThenNewestWithFiltersAndCursorPaging() {
        String p = platform();
        store.createIfAbsent(item("old-urgent-" + p, p, "complaint", "en", 90, "2026-11-01T08:00:00Z"));
        store.createIfAbsent(item("new-urgent-" + p, p, "complaint", "es", 90, "2026-11-01T09:00:00Z"));
        store.createIfAbsent(item("newest-calm-" + p, p, "praise", "en", 10, "2026-11-01T10:00:00Z"));

        given().queryParam("platform", p).when().get("/api/queue").then().statusCode(200)
                .body("items.id", contains("new-urgent-" + p, "old-urgent-" + p, "newest-calm-" + p))
                .body("nextCursor", nullValue());

        String cursor = given().queryParam("platform", p).queryParam("limit", 2).when().get("/api/queue")
                .then().statusCode(200).body("items", hasSize(2)).extract().path("nextCursor");
        given().queryParam("platform", p).queryParam("limit", 2).queryParam("cursor", cursor).when().get("/api/queue")
                .then().statusCode(200).body("items.id", contains("newest-calm-" + p));

        given().queryParam("platform", p).queryParam("label", "complaint").queryParam("lang", "es")
                .when().get("/api/queue").then().statusCode(200).body("items.id", contains("new-urgent-" + p));
    }

    @Test
    void badParametersAreNamedProblems() {
        given().queryParam("limit", 0).when().get("/api/queue").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("limit"));
        given().queryParam("cursor", "bm90LWEtY3Vyc29y").when().get("/api/queue").then().statusCode(400)
                .body("errors.field", hasItem("cursor"));
        given().queryParam("label", "<script>").when().get("/api/queue").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("label"));
    }

    @Test
    void unknownItemIs404Problem() {
        given().when().get("/api/queue/nope").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
    }
}
