package io.earshot.ingest.api;

import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.earshot.ingest.redis.DedupStore;
import io.earshot.ingest.support.Api;
import io.earshot.testsupport.RedisServerResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With no broker to acknowledge, the caller is told to retry and nothing half-done stays in Redis. */
@QuarkusTest
@TestProfile(KafkaUnavailableTest.NoBroker.class)
class KafkaUnavailableTest {

    public static class NoBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // a port nothing listens on
            return Map.of("kafka.bootstrap.servers", "127.0.0.1:1",
                    "earshot.ingest.publish-timeout", "4s",
                    "mp.messaging.outgoing.\"comments.ingested\".max.block.ms", "1500",
                    "mp.messaging.outgoing.\"comments.ingested\".delivery.timeout.ms", "3000",
                    "mp.messaging.outgoing.\"comments.ingested\".request.timeout.ms", "1000");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RedisServerResource.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Inject
    DedupStore dedup;

    @Test
    void answers503WithRetryAfterAndLeavesNoReservation() {
        Api.authorized().contentType("application/json").body(CommentResourceTest.comment("c-down", "hello"))
                .when().post("/api/comments")
                .then().statusCode(503).contentType("application/problem+json").header("Retry-After", notNullValue());
        assertFalse(dedup.isKnown("generic", "c-down", 1), "the reservation must be released");
    }

    @Test
    void aMetaDeliveryAnswers503SoMetaRetriesAndNothingIsKept() {
        byte[] body = Api.utf8(MetaWebhookTest.delivery(MetaWebhookTest.feedChange("add", "P_down", "P_down_c1", "U9", "hello")));
        Api.meta(body).when().post("/webhooks/meta")
                .then().statusCode(503).contentType("application/problem+json").header("Retry-After", notNullValue());
        assertFalse(dedup.isKnown("facebook", "P_down_c1", 1), "nothing half-done stays in Redis");
    }

    @Test
    void anImportStopsWith503AndSaysWhere() {
        byte[] body = Api.utf8(CommentResourceTest.comment("c-imp-down", "hello").replace("\n", "") + "\n");
        Api.authorized().contentType("application/x-ndjson").body(body).when().post("/api/import")
                .then().statusCode(503).contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString("line 1"));
    }
}
