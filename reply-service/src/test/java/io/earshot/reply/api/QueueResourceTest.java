package io.earshot.reply.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.support.Items;
import io.earshot.reply.support.Staff;
import io.earshot.reply.redis.QueueStore;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
@QuarkusTestResource(io.earshot.reply.support.PlatformStubs.class)
class QueueResourceTest {

    @Inject
    QueueStore store;

    private String platform() {
        return Items.platform();
    }

    private QueueItem item(String id, String platform, String label, String lang, int priority, String createdAt) {
        return Items.item(id, platform, label, lang, priority, createdAt);
    }

    @Test
    void mostUrgentFirstThenEarliestDeadlineWithFiltersAndCursorPaging() {
        String p = platform();
        store.createIfAbsent(item("old-urgent-" + p, p, "complaint", "en", 90, "2026-11-01T08:00:00Z"));
        store.createIfAbsent(item("new-urgent-" + p, p, "complaint", "es", 90, "2026-11-01T09:00:00Z"));
        store.createIfAbsent(item("newest-calm-" + p, p, "praise", "en", 10, "2026-11-01T10:00:00Z"));

        Staff.responder().queryParam("platform", p).when().get("/api/queue").then().statusCode(200)
                .body("items.id", contains("old-urgent-" + p, "new-urgent-" + p, "newest-calm-" + p))
                .body("nextCursor", nullValue());

        String cursor = Staff.responder().queryParam("platform", p).queryParam("limit", 2).when().get("/api/queue")
                .then().statusCode(200).body("items", hasSize(2)).extract().path("nextCursor");
        Staff.responder().queryParam("platform", p).queryParam("limit", 2).queryParam("cursor", cursor).when().get("/api/queue")
                .then().statusCode(200).body("items.id", contains("newest-calm-" + p));

        Staff.responder().queryParam("platform", p).queryParam("state", "pending")
                .when().get("/api/queue").then().statusCode(200).body("items", hasSize(3));

        Staff.responder().queryParam("platform", p).queryParam("label", "complaint").queryParam("lang", "es")
                .when().get("/api/queue").then().statusCode(200).body("items.id", contains("new-urgent-" + p));
    }

    @Test
    void badParametersAreNamedProblems() {
        Staff.responder().queryParam("limit", 0).when().get("/api/queue").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("limit"));
        Staff.responder().queryParam("cursor", "bm90LWEtY3Vyc29y").when().get("/api/queue").then().statusCode(400)
                .body("errors.field", hasItem("cursor"));
        Staff.responder().queryParam("label", "<script>").when().get("/api/queue").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("label"));
    }

    @Test
    void theApiNeedsAnAccount() {
        io.restassured.RestAssured.given().when().get("/api/queue").then().statusCode(401);
        Staff.as("responder").auth().preemptive().basic("responder", "nope").when().get("/api/queue").then().statusCode(401);
        io.restassured.RestAssured.given().when().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void unknownItemIs404Problem() {
        Staff.responder().when().get("/api/queue/nope").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
    }
}
