package io.earshot.ingest.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.ingest.domain.Hashes;
import io.earshot.ingest.redis.DedupStore;
import io.earshot.ingest.support.Api;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, item 6: a key or webhook secret submits only for the platforms (and accounts) it is bound to; anything
 * else is 403 problem+json and nothing of it is published. The shared test key is bound to {@code generic}; the
 * integrator {@code shop-app} to {@code trustpilot} and account {@code shop-1} (application.properties, %test).
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
class IntegratorKeysTest {

    private static final String SHOP_KEY = "test-shop-app-key";
    private static final String SHOP_SECRET = "test-shop-app-secret";

    @Inject
    DedupStore dedup;

    static String comment(String platform, String id, String account) {
        return """
                {"platform":"%s","externalId":"%s","threadId":"t-%s","author":{"id":"a-1"},"text":"hello",
                 "createdAt":"2026-11-01T10:00:00Z"%s}""".formatted(platform, id, id, account == null ? "" : ",\"account\":\"" + account + "\"");
    }

    static RequestSpecification withKey(String key) {
        return given().header("Authorization", "Bearer " + key).contentType("application/json");
    }

    static RequestSpecification signed(String secret, byte[] body) {
        long ts = Instant.now().getEpochSecond();
        String signature = "sha256=" + Hashes.hmacSha256Hex(secret, (ts + ".").getBytes(StandardCharsets.UTF_8), body);
        return given().contentType("application/json").header("X-Earshot-Timestamp", Long.toString(ts))
                .header("X-Earshot-Signature", signature).body(body);
    }

    @Test
    void theSharedKeyMayNotSpeakForAPlatform() {
        String id = "fb-" + UUID.randomUUID();
        withKey(Api.KEY).body(comment("facebook", id, null)).when().post("/api/comments")
                .then().statusCode(403).contentType("application/problem+json")
                .body("errors.field", hasItem("platform")).body("detail", containsString("facebook"));
        assertFalse(dedup.isKnown("facebook", id, 1), "nothing published");
        withKey(Api.KEY).body(comment("generic", "g-" + UUID.randomUUID(), null)).when().post("/api/comments")
                .then().statusCode(202);
    }

    @Test
    void anIntegratorKeySubmitsOnlyForItsPlatformAndAccount() {
        String ok = "tp-" + UUID.randomUUID();
        withKey(SHOP_KEY).body(comment("trustpilot", ok, "shop-1")).when().post("/api/comments").then().statusCode(202);
        assertTrue(dedup.isKnown("trustpilot", ok, 1));
        withKey(SHOP_KEY).body(comment("trustpilot", "tp-" + UUID.randomUUID(), "shop-2")).when().post("/api/comments")
                .then().statusCode(403).body("errors.field", hasItem("account"));
        withKey(SHOP_KEY).body(comment("trustpilot", "tp-" + UUID.randomUUID(), null)).when().post("/api/comments")
                .then().statusCode(403).body("errors.field", hasItem("account"));
        withKey(SHOP_KEY).body(comment("generic", "g-" + UUID.randomUUID(), "shop-1")).when().post("/api/comments")
                .then().statusCode(403).body("errors.field", hasItem("platform"));
        withKey("not-a-key").body(comment("generic", "g-" + UUID.randomUUID(), null)).when().post("/api/comments")
                .then().statusCode(401);
    }

    @Test
    void aGenericWebhookBatchWithAForbiddenCommentIsRefusedWhole() {
        String good = "tp-" + UUID.randomUUID();
        String forged = "fb-" + UUID.randomUUID();
        byte[] body = Api.utf8("[" + comment("trustpilot", good, "shop-1") + "," + comment("facebook", forged, "shop-1") + "]");
        signed(SHOP_SECRET, body).when().post("/webhooks/generic")
                .then().statusCode(403).contentType("application/problem+json").body("errors.field", hasItem("[1].platform"));
        assertFalse(dedup.isKnown("trustpilot", good, 1));
        assertFalse(dedup.isKnown("facebook", forged, 1));
        byte[] allowed = Api.utf8("[" + comment("trustpilot", good, "shop-1") + "]");
        signed(SHOP_SECRET, allowed).when().post("/webhooks/generic").then().statusCode(200).body("accepted", equalTo(1));
        // the shared secret is bound to generic only
        signed(Api.GENERIC_SECRET, Api.utf8(comment("trustpilot", "tp-" + UUID.randomUUID(), "shop-1")))
                .when().post("/webhooks/generic").then().statusCode(403);
    }

    @Test
    void anImportLineForAForbiddenPlatformIsRejectedAndTheRestTaken() {
        String good = "g-" + UUID.randomUUID();
        String forged = "x-" + UUID.randomUUID();
        String lines = comment("generic", good, null).replace("\n", "") + "\n" + comment("x", forged, null).replace("\n", "") + "\n";
        given().header("Authorization", "Bearer " + Api.KEY).contentType("application/x-ndjson").body(Api.utf8(lines))
                .when().post("/api/import").then().statusCode(200)
                .body("summary.accepted", equalTo(1)).body("summary.rejected", equalTo(1))
                .body("lines[1].reason", containsString("forbidden: platform"));
        assertTrue(dedup.isKnown("generic", good, 1));
        assertFalse(dedup.isKnown("x", forged, 1));
    }
}
