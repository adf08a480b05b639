package io.earshot.reply.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;

import io.earshot.reply.messaging.Topics;
import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.support.Items;
import io.earshot.reply.support.Staff;
import io.earshot.testsupport.EventSchemas;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import io.earshot.testsupport.TopicReader;
import org.junit.jupiter.api.Test;

/** Actions that are not workflow steps are kept in the action log, served by the audit API and sent on {@code audit}. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
@QuarkusTestResource(io.earshot.reply.support.PlatformStubs.class)
class ActionAuditTest {

    @Inject
    QueueStore store;

    @Test
    void aTemplateChangeAndARevealAreListedByTheAuditApiAndSentOnTheAuditTopic() {
        try (TopicReader topic = new TopicReader(Topics.AUDIT)) {
            String lang = "ro";
            Staff.admin().body(Map.of("text", "Mulțumim, {author}! Echipa {brand}")).put("/api/templates/" + lang + "/praise")
                    .then().statusCode(200);
            var item = Items.complaint("generic");
            String id = item.id();
            store.createIfAbsent(item);
            Staff.supervisor().post("/api/queue/" + id + "/reveal").then().statusCode(200);

            JsonPath page = Staff.supervisor().get("/api/audit/actions?limit=50").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> actions = page.getList("actions");
            Map<String, Object> reveal = actions.get(0);
            assertEquals("personal_data_revealed", reveal.get("action"), "newest first");
            assertEquals("supervisor", reveal.get("actor"));
            assertEquals(id, reveal.get("subject"));
            assertTrue(actions.stream().anyMatch(a -> "template_saved".equals(a.get("action"))
                    && "admin".equals(a.get("actor")) && ((String) a.get("subject")).startsWith(lang + ":praise")), actions.toString());

            List<ConsumerRecord<String, String>> sent = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                sent.addAll(topic.poll());
                return sent.stream().anyMatch(r -> r.value().contains(id));
            });
            ConsumerRecord<String, String> revealed = sent.stream().filter(r -> r.value().contains(id)).findFirst().orElseThrow();
            assertEquals(id, revealed.key(), "keyed by the subject");
            assertEquals("earshot.audit.personal_data_revealed", new String(revealed.headers().lastHeader("ce_type").value()));
            for (ConsumerRecord<String, String> r : sent) {
                assertEquals(List.of(), EventSchemas.violations("audit", r.value()), r.value());
                assertFalse(r.value().contains("\"text\""), "no comment text on the audit topic: " + r.value());
            }
        }
    }

    @Test
    void theActionLogIsForSupervisorsAndRejectsABadPage() {
        Staff.responder().get("/api/audit/actions").then().statusCode(403);
        Staff.supervisor().get("/api/audit/actions?limit=0").then().statusCode(400)
                .contentType("application/problem+json");
        Staff.supervisor().get("/api/audit/actions?offset=-1").then().statusCode(400);
    }
}
