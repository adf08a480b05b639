package io.earshot.reply.security;

import static io.earshot.reply.security.FromAddress.from;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** An admin lifts the back-off of a locked-out colleague (or of a shared office address) before it runs out. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
class LoginUnlockTest {

    @Test
    void anAdminUnlocksAnAccountAndTheUnlockIsAudited() {
        for (int i = 0; i < 5; i++) {
            from("127.0.0.90").auth().preemptive().basic("ben", "typo-" + i).get("/api/me/languages").then().statusCode(401);
        }
        from("127.0.0.90").auth().preemptive().basic("ben", "ben-pw").get("/api/me/languages").then().statusCode(429);
        from("127.0.0.1").auth().preemptive().basic("ana", "ana-pw").delete("/api/admin/logins/accounts/ben/limits")
                .then().statusCode(403);

        from("127.0.0.1").auth().preemptive().basic("admin", "admin-pw").delete("/api/admin/logins/accounts/ben/limits")
                .then().statusCode(200).body("target", equalTo("ben")).body("cleared", greaterThanOrEqualTo(2));
        from("127.0.0.90").auth().preemptive().basic("ben", "ben-pw").get("/api/me/languages").then().statusCode(200);
        String audit = from("127.0.0.1").auth().preemptive().basic("admin", "admin-pw")
                .get("/api/admin/logins?limit=1000").then().statusCode(200).extract().asString();
        assertTrue(audit.contains("\"account\":\"ben\",\"address\":\"-\",\"event\":\"unlocked\",\"detail\":\"account, by admin\""),
                audit);
    }

    @Test
    void anAdminUnlocksAnAddressSprayedOverManyAccounts() {
        for (int i = 0; i < 30; i++) {
            from("127.0.0.91").auth().preemptive().basic("ghost-" + i, "pw").get("/api/me/languages").then().statusCode(401);
        }
        from("127.0.0.91").auth().preemptive().basic("ghost-x", "pw").get("/api/me/languages").then().statusCode(429);
        from("127.0.0.1").auth().preemptive().basic("admin", "admin-pw").delete("/api/admin/logins/addresses/not an ip/limits")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("address"));
        from("127.0.0.1").auth().preemptive().basic("admin", "admin-pw").delete("/api/admin/logins/addresses/127.0.0.91/limits")
                .then().statusCode(200).body("cleared", equalTo(2));
        from("127.0.0.91").auth().preemptive().basic("ghost-x", "pw").get("/api/me/languages").then().statusCode(401);
    }
}
