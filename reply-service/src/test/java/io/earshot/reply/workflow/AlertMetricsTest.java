package io.earshot.reply.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.support.Items;
import io.earshot.reply.support.PlatformStubs;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The counters behind the ops alerts: a breach is counted once, when it happens, and only for a comment still unanswered. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
@QuarkusTestResource(PlatformStubs.class)
class AlertMetricsTest {

    @Inject
    QueueStore store;

    @Inject
    SlaWatch watch;

    @Inject
    MeterRegistry registry;

    private double breaches(String platform) {
        Counter c = registry.find("earshot.reply.sla.breaches").tag("platform", platform).counter();
        return c == null ? 0 : c.count();
    }

    private QueueItem due(String platform, Instant deadline, QueueItem.State state, List<String> flags) {
        QueueItem item = Items.complaint(platform).withHandling(hdl -> hdl.withSlaDeadline(deadline)).withState(state).withVerdict(vrd -> vrd.withFlags(flags));
        assertTrue(store.createIfAbsent(item));
        return item;
    }

    @Test
    void anUnansweredCommentPastItsDeadlineIsCountedOnceAcrossChecks() {
        String platform = Items.platform();
        Instant deadline = Instant.now().plus(Duration.ofHours(1));
        due(platform, deadline, QueueItem.State.pending, List.of());

        watch.check(deadline.minusSeconds(1));
        assertEquals(0, breaches(platform), "not due yet");
        watch.check(deadline.plusSeconds(1));
        assertEquals(1, breaches(platform));
        watch.check(deadline.plusSeconds(60));
        assertEquals(1, breaches(platform), "a breach is counted once");

        String scraped = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(scraped.contains("earshot_reply_sla_breaches_total{") && scraped.contains("platform=\"" + platform + "\""),
                "exposed under the name the alert rules use");
    }

    @Test
    void answeredCommentsAndSpamAreNotBreaches() {
        String platform = Items.platform();
        Instant deadline = Instant.now().plus(Duration.ofHours(1));
        due(platform, deadline, QueueItem.State.rejected, List.of());
        due(platform, deadline, QueueItem.State.pending, List.of("spam"));

        watch.check(deadline.plusSeconds(1));
        assertEquals(0, breaches(platform));
    }
}
