package io.earshot.reply.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.support.Triaged;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A comment triaged for an account with business hours is due in that account's working time; one for an account
 * without any (and no default) keeps the round-the-clock SLA.
 */
@QuarkusTest
@TestProfile(BusinessHoursSlaTest.ShopHours.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
@QuarkusTestResource(io.earshot.reply.support.PlatformStubs.class)
class BusinessHoursSlaTest {

    /** 9-17 Monday to Friday in Bucharest for facebook:shop-ro only; complaints answered within two hours. */
    public static class ShopHours implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "earshot.reply.workflow.sla", "complaint=PT2H,question=PT4H,neutral=PT24H,praise=PT24H",
                    "earshot.reply.sla.hours.accounts.\"facebook:shop-ro\".zone", "Europe/Bucharest",
                    "earshot.reply.sla.hours.accounts.\"facebook:shop-ro\".days", "MON-FRI",
                    "earshot.reply.sla.hours.accounts.\"facebook:shop-ro\".open", "09:00",
                    "earshot.reply.sla.hours.accounts.\"facebook:shop-ro\".close", "17:00",
                    "earshot.reply.sla.hours.accounts.\"facebook:shop-ro\".holidays", "2026-12-25,2027-01-01");
        }
    }

    @Inject
    QueueStore store;

    /** A complaint from {@code account}, written on Friday 6 November 2026 at 18:00 in Bucharest (16:00 UTC). */
    private static String fridayEveningComplaint(String id, String account) {
        return Triaged.record(id, 1, "created", "facebook", "x-" + id, "Comanda a venit sparta", "ro", "complaint", "")
                .replace("\"account\":null", "\"account\":\"" + account + "\"")
                .replace("2026-11-01T10:00:00Z", "2026-11-06T16:00:00Z");
    }

    @Test
    void aFridayEveningComplaintWithATwoHourSlaIsDueMondayAtEleven() {
        String inHours = UUID.randomUUID().toString();
        String roundTheClock = UUID.randomUUID().toString();
        try (Triaged triaged = new Triaged()) {
            triaged.send("facebook", inHours, fridayEveningComplaint(inHours, "shop-ro"));
            triaged.send("facebook", roundTheClock, fridayEveningComplaint(roundTheClock, "shop-es"));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> store.find(inHours).isPresent()
                && store.find(roundTheClock).isPresent());

        // Monday 9 November 11:00 in Bucharest (UTC+2)
        assertEquals(Instant.parse("2026-11-09T09:00:00Z"), store.find(inHours).orElseThrow().slaDeadline());
        assertEquals(Instant.parse("2026-11-06T18:00:00Z"), store.find(roundTheClock).orElseThrow().slaDeadline());
        // the dashboard's countdown reads this deadline from the item view
        given().auth().preemptive().basic("responder", "resp-pw").when().get("/api/queue/" + inHours).then()
                .statusCode(200)
                .body("slaDeadline", equalTo("2026-11-09T09:00:00Z"));
    }
}
