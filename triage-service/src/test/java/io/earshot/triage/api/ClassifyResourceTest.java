package io.earshot.triage.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** POST /api/classify (one or a batch) and GET /api/model, answered by the same engine as the stream. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
class ClassifyResourceTest {

    @Test
    void oneComment() {
        given().contentType("application/json")
                .body("{\"id\":\"c1\",\"text\":\"¿Dónde está mi pedido? Llegó roto\",\"platform\":\"facebook\"}")
                .when().post("/api/classify")
                .then().statusCode(200)
                .body("id", equalTo("c1"))
                .body("lang", equalTo("es"))
                .body("label", equalTo("complaint"))
                .body("flags", hasItem("question"))
                .body("model", startsWith("triage-"))
                .body("scores.keySet()", contains("praise", "complaint", "neutral", "spam", "abusive"));
    }

    @Test
    void aBatchIsAnsweredInOrder() {
        given().contentType("application/json")
                .body("[{\"id\":\"1\",\"text\":\"Thank you, wonderful service!\",\"lang\":\"en\"},"
                        + "{\"id\":\"2\",\"text\":\"mail me: ana@example.com\"}]")
                .when().post("/api/classify")
                .then().statusCode(200)
                .body("$", hasSize(2))
                .body("[0].id", equalTo("1"))
                .body("[0].label", equalTo("praise"))
                .body("[1].pii[0].type", equalTo("email"))
                .body("[1].pii[0].start", equalTo(9));
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        given().contentType("application/json").body("[{\"id\":\"1\"}]")
                .when().post("/api/classify")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("[0].text"));
        StringBuilder big = new StringBuilder("[");
        for (int i = 0; i < 1001; i++) {
            big.append(i == 0 ? "" : ",").append("{\"text\":\"hi\"}");
        }
        given().contentType("application/json").body(big.append("]").toString())
                .when().post("/api/classify")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("body"));
    }

    @Test
    void theModelVersionIsPublished() {
        given().when().get("/api/model")
                .then().statusCode(200)
                .body("model", startsWith("triage-"))
                .body("components.stance", startsWith("stance-"))
                .body("components.spam", startsWith("spam-"))
                .body("components.abusive", startsWith("abusive-"))
                .body("languages", hasItem("te"));
    }
}
