package io.earshot.reply.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.redis.RedisKeys;
import io.earshot.reply.support.ChatHook;
import io.earshot.reply.support.Items;
import io.earshot.reply.support.PlatformStubs;
import io.earshot.reply.support.Staff;
import io.earshot.reply.workflow.SlaWatch;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The chat webhook, against WireMock: a breach and an escalation are POSTed once each, signed with HMAC-SHA256 over
 * {@code timestamp.body} (verified here independently of the code's signer), without the comment, the draft, the
 * author or staff's reason; a receiver that fails once gets the same Idempotency-Key on the retry.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
@QuarkusTestResource(PlatformStubs.class)
@QuarkusTestResource(value = ChatHook.class, restrictToAnnotatedClass = true)
class ChatWebhookTest {

    @Inject
    QueueStore store;

    @Inject
    SlaWatch watch;

    @Inject
    RedisCommands<String, String> redis;

    @Inject
    ObjectMapper mapper;

    private QueueItem queued(Instant deadline) {
        QueueItem item = Items.complaint(Items.platform()).withHandling(h -> h.withSlaDeadline(deadline).withTeam("care"));
        assertTrue(store.createIfAbsent(item));
        return item;
    }

    private static List<LoggedRequest> posts(String itemId) {
        return PlatformStubs.server().findAll(postRequestedFor(urlEqualTo(ChatHook.PATH))
                .withRequestBody(matchingJsonPath("$.itemId", WireMock.equalTo(itemId))));
    }

    private static String hmac(String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(ChatHook.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    private void assertSignedAndClean(LoggedRequest request, QueueItem item, String... more) throws Exception {
        String body = request.getBodyAsString();
        assertEquals(hmac(request.getHeader("X-Earshot-Timestamp"), body), request.getHeader("X-Earshot-Signature"));
        long age = Instant.now().getEpochSecond() - Long.parseLong(request.getHeader("X-Earshot-Timestamp"));
        assertTrue(age >= 0 && age < 120, "a current timestamp");
        for (String s : List.of(item.text(), item.draftText(), item.author().id(), item.author().handle(),
                item.author().displayName())) {
            assertFalse(body.contains(s), "the webhook leaks " + s + ": " + body);
        }
        for (String s : more) {
            assertFalse(body.contains(s), "the webhook leaks " + s + ": " + body);
        }
    }

    @Test
    void aBreachIsPostedOnceSignedWithTheItemAndALink() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofHours(1));
        redis.del(RedisKeys.SLA.prefix()); // other classes' items in the shared Redis would be posted too: forget them
        QueueItem item = queued(deadline);
        PlatformStubs.server().stubFor(post(urlEqualTo(ChatHook.PATH))
                .withRequestBody(matchingJsonPath("$.itemId", WireMock.equalTo(item.id())))
                .willReturn(aResponse().withStatus(200)));
        assertEquals(1, watch.check(deadline.plusSeconds(1)));
        assertEquals(0, watch.check(deadline.plusSeconds(60)));

        await().atMost(Duration.ofSeconds(20)).until(() -> posts(item.id()).size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> posts(item.id()).size() == 1);
        LoggedRequest request = posts(item.id()).get(0);
        assertSignedAndClean(request, item);
        JsonNode json = mapper.readTree(request.getBodyAsString());
        assertEquals("sla_breached", json.get("kind").asText());
        assertEquals(item.platform(), json.get("platform").asText());
        assertEquals("complaint", json.get("label").asText());
        assertEquals("care", json.get("team").asText());
        assertEquals(deadline.toEpochMilli(), Instant.parse(json.get("deadline").asText()).toEpochMilli());
        assertEquals("https://earshot.example.test/item/" + item.id(), json.get("link").asText());
        assertTrue(json.get("text").asText().startsWith("[Earshot] SLA breached: complaint on "), json.get("text").asText());
        assertEquals(json.get("id").asText(), request.getHeader("Idempotency-Key"));
    }

    @Test
    void anEscalationIsRetriedWithTheSameKeyAndCarriesNoReason() throws Exception {
        String scenario = "chat-flaky-" + System.nanoTime();
        QueueItem item = queued(Instant.now().plus(Duration.ofHours(2)));
        PlatformStubs.server().stubFor(post(urlEqualTo(ChatHook.PATH))
                .withRequestBody(matchingJsonPath("$.itemId", WireMock.equalTo(item.id())))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        PlatformStubs.server().stubFor(post(urlEqualTo(ChatHook.PATH))
                .withRequestBody(matchingJsonPath("$.itemId", WireMock.equalTo(item.id())))
                .inScenario(scenario).whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(204)));
        String reason = "they wrote: " + item.text();
        Staff.as("ana").body("{\"reason\":\"" + reason + "\"}").post("/api/queue/" + item.id() + "/escalate")
                .then().statusCode(200).body("state", equalTo("escalated"));

        await().atMost(Duration.ofSeconds(20)).until(() -> posts(item.id()).size() == 2);
        List<LoggedRequest> both = posts(item.id());
        assertEquals(both.get(0).getHeader("Idempotency-Key"), both.get(1).getHeader("Idempotency-Key"));
        for (LoggedRequest r : both) {
            assertSignedAndClean(r, item, reason, "they wrote");
            assertEquals("escalated", mapper.readTree(r.getBodyAsString()).get("kind").asText());
        }
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> posts(item.id()).size() == 2);
    }
}
