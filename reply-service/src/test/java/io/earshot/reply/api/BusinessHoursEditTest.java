package io.earshot.reply.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.earshot.reply.domain.BusinessHours;
import io.earshot.reply.support.PlatformStubs;
import io.earshot.reply.support.Staff;
import io.earshot.reply.workflow.SlaPolicy;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An admin edits business hours without a restart; the SLA clock follows, bad hours are refused by field. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
@QuarkusTestResource(PlatformStubs.class)
class BusinessHoursEditTest {

    @Inject
    SlaPolicy policy;

    private static Map<String, Object> bucharest(List<String> holidays) {
        return Map.of("zone", "Europe/Bucharest", "days", "MON-FRI", "open", "09:00", "close", "17:00", "holidays", holidays);
    }

    @Test
    void editedHoursMoveTheSlaClockAcrossAWeekendAndAHolidayAndCanBeReset() {
        String account = "page-" + UUID.randomUUID().toString().substring(0, 8);
        String key = "facebook:" + account;
        Staff.admin().body(bucharest(List.of("2026-12-25"))).put("/api/admin/business-hours/" + key).then().statusCode(200)
                .body("edited", equalTo(true)).body("hours.zone", equalTo("Europe/Bucharest"));

        BusinessHours hours = policy.sla().hours().of("facebook", account);
        // Friday 18:00 in Bucharest with a 2-hour SLA and hours 9-17: due Monday 11:00
        assertEquals(Instant.parse("2026-11-09T09:00:00Z"),
                hours.addWorking(Instant.parse("2026-11-06T16:00:00Z"), Duration.ofHours(2)));
        // Thursday 24 December 16:30 + 2 h: 30 min that day, Christmas closed, the weekend, Monday 10:30
        assertEquals(Instant.parse("2026-12-28T08:30:00Z"),
                hours.addWorking(Instant.parse("2026-12-24T14:30:00Z"), Duration.ofHours(2)));
        Staff.supervisor().get("/api/admin/business-hours").then().statusCode(200)
                .body("'" + key + "'.edited", equalTo(true));
        Staff.supervisor().get("/api/audit/actions?limit=50").then().statusCode(200)
                .body("actions.findAll { it.action == 'business_hours_set' }.subject", hasItem(key));

        Staff.admin().delete("/api/admin/business-hours/" + key).then().statusCode(204);
        assertEquals(policy.sla().hours().of("facebook", "no-such-account"), policy.sla().hours().of("facebook", account),
                "back to the default hours");
        Staff.admin().delete("/api/admin/business-hours/" + key).then().statusCode(404);
    }

    @Test
    void hoursThatCannotWorkAreRefusedNamingTheField() {
        String key = "/api/admin/business-hours/facebook:bad-" + UUID.randomUUID().toString().substring(0, 8);
        Staff.admin().body(Map.of("zone", "Mars/Olympus", "days", "MON-FRI", "open", "09:00", "close", "17:00"))
                .put(key).then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("zone"));
        Staff.admin().body(Map.of("zone", "UTC", "days", "MON-FUN", "open", "09:00", "close", "17:00"))
                .put(key).then().statusCode(400).body("errors[0].field", equalTo("days"));
        Staff.admin().body(Map.of("zone", "UTC", "days", "MON-FRI", "open", "17:00", "close", "09:00"))
                .put(key).then().statusCode(400).body("errors[0].field", equalTo("close"));
        Staff.admin().body(Map.of("zone", "UTC", "days", "MON-FRI", "open", "09:00", "close", "17:00", "holidays", List.of("25.12.2026")))
                .put(key).then().statusCode(400).contentType("application/problem+json");
        Staff.admin().body(Map.of("zone", "UTC", "days", "MON-FRI", "close", "17:00"))
                .put(key).then().statusCode(400).body("errors[0].field", equalTo("open"));
        Staff.admin().body(bucharest(List.of())).put("/api/admin/business-hours/not a key").then().statusCode(400);
        Staff.supervisor().body(bucharest(List.of())).put(key).then().statusCode(403);
        Staff.responder().get("/api/admin/business-hours").then().statusCode(403);
    }
}
