package io.earshot.reply.workflow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.messaging.Topics;
import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.redis.RedisKeys;
import io.earshot.reply.support.Items;
import io.earshot.reply.support.PlatformStubs;
import io.earshot.reply.support.Staff;
import io.earshot.testsupport.EventSchemas;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.earshot.testsupport.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The queue through its API, on a real broker and a real Redis: claims, versions, approval, events, audit, roles. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
@QuarkusTestResource(PlatformStubs.class)
class QueueWorkflowTest {

    private static TopicReader replies;

    @Inject
    QueueStore store;

    @Inject
    io.lettuce.core.api.sync.RedisCommands<String, String> redis;

    @BeforeAll
    static void connect() {
        replies = new TopicReader(Topics.REPLIES);
        PlatformStubs.server().stubFor(post(urlEqualTo("/callback"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"id\":\"gen-1\"}")));
    }

    @AfterAll
    static void close() {
        replies.close();
    }

    private String queued(QueueItem item) {
        QueueItem built = item;
        assertTrue(store.createIfAbsent(built));
        return built.id();
    }

    private long version(String id) {
        return Staff.responder().get("/api/queue/" + id).then().statusCode(200).extract().<Number>path("version").longValue();
    }

    private List<ConsumerRecord<String, String>> events(String id) {
        return replies.poll().stream().filter(r -> r.value().contains("\"itemId\":\"" + id + "\"")).toList();
    }

    private List<String> types(String id) {
        return events(id).stream().map(r -> r.value().replaceAll(".*\"type\":\"([a-z]+)\".*", "$1")).toList();
    }

    @Test
    void twoRespondersClaimAtOnceAndExactlyOneWins() throws Exception {
        String id = queued(Items.complaint("generic"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        for (String who : List.of("ana", "ben")) {
            Callable<Response> claim = () -> {
                start.await();
                return Staff.as(who).post("/api/queue/" + id + "/claim");
            };
            answers.add(pool.submit(claim));
        }
        start.countDown();
        Response a = answers.get(0).get();
        Response b = answers.get(1).get();
        pool.shutdown();
        List<Integer> codes = List.of(a.statusCode(), b.statusCode());
        assertTrue(codes.contains(200) && codes.contains(409), codes.toString());
        Response winner = a.statusCode() == 200 ? a : b;
        Response loser = a.statusCode() == 200 ? b : a;
        String holder = winner.path("claim.holder");
        String other = holder.equals("ana") ? "ben" : "ana";
        assertEquals("application/problem+json", loser.contentType().replaceAll(";.*", ""));
        assertTrue(loser.<String>path("detail").contains("claimed by " + holder), loser.asString());

        // the loser can neither edit nor approve; the claimant can renew
        Staff.as(other).body("{\"text\":\"mine\",\"version\":" + version(id) + "}").put("/api/queue/" + id + "/draft")
                .then().statusCode(409).body("detail", containsString("claimed by " + holder));
        Staff.as(other).post("/api/queue/" + id + "/approve").then().statusCode(409);
        Staff.as(holder).post("/api/queue/" + id + "/claim").then().statusCode(200).body("claim.holder", equalTo(holder));

        // a responder cannot take over; a supervisor can, and the old claimant is then refused
        Staff.as(other).queryParam("takeover", true).post("/api/queue/" + id + "/claim").then().statusCode(403);
        Staff.supervisor().queryParam("takeover", true).post("/api/queue/" + id + "/claim").then().statusCode(200)
                .body("claim.holder", equalTo("supervisor")).body("state", equalTo("claimed"));
        Staff.as(holder).body("{\"text\":\"late\",\"version\":" + version(id) + "}").put("/api/queue/" + id + "/draft")
                .then().statusCode(409).body("detail", containsString("claimed by supervisor"));
    }

    @Test
    void aStaleEditIsRefused() {
        String id = queued(Items.complaint("generic"));
        long v = Staff.as("ana").post("/api/queue/" + id + "/claim").then().statusCode(200).extract().<Number>path("version").longValue();
        Staff.as("ana").body("{\"text\":\"Hi Jane, we are sorry, please send us a private message.\",\"version\":" + v + "}")
                .put("/api/queue/" + id + "/draft").then().statusCode(200).body("version", equalTo((int) v + 1))
                .body("draft.source", equalTo("staff:ana"));
        Staff.as("ana").body("{\"text\":\"an edit from an old screen\",\"version\":" + v + "}")
                .put("/api/queue/" + id + "/draft").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("version " + (v + 1)));
        Staff.as("ana").body("{\"version\":" + v + "}").post("/api/queue/" + id + "/approve").then().statusCode(409);
        Staff.as("ana").body("{\"text\":null,\"version\":" + (v + 1) + "}").put("/api/queue/" + id + "/draft")
                .then().statusCode(400).body("errors.field", hasItem("text"));
    }

    @Test
    void aResponderTakesACommentToAPublishedReplyAndEveryStepIsAnEventAndInTheAudit() throws Exception {
        String id = queued(Items.complaint("generic"));
        Staff.as("ana").post("/api/queue/" + id + "/claim").then().statusCode(200).body("state", equalTo("claimed"))
                .body("lint.ok", equalTo(true));
        String text = "Hi Jane, we're sorry! Please send us a private message with your order details and we'll fix it.";
        long v = version(id);
        Staff.as("ana").body("{\"text\":\"" + text + "\",\"version\":" + v + "}").put("/api/queue/" + id + "/draft")
                .then().statusCode(200);
        Staff.as("ana").body("{}").post("/api/queue/" + id + "/lint").then().statusCode(200).body("ok", equalTo(true));
        Staff.as("ana").body("{\"text\":\"write to me at jane@example.org\"}").post("/api/queue/" + id + "/lint")
                .then().statusCode(200).body("ok", equalTo(false)).body("findings.code", hasItem("personal_data"));
        Staff.as("ana").body("{\"version\":" + (v + 1) + "}").post("/api/queue/" + id + "/approve").then().statusCode(200)
                .body("state", equalTo("approved")).body("approval.by", equalTo("ana"))
                .body("approval.idempotencyKey", notNullValue());

        await().atMost(Duration.ofSeconds(20)).until(() -> "published".equals(store.find(id).orElseThrow().state().name()));
        List<LoggedRequest> sent = PlatformStubs.server().findAll(postRequestedFor(urlEqualTo("/callback"))
                .withRequestBody(matchingJsonPath("$.itemId", com.github.tomakehurst.wiremock.client.WireMock.equalTo(id))));
        assertEquals(1, sent.size(), "one approval, one reply");
        LoggedRequest request = sent.get(0);
        String body = request.getBodyAsString();
        assertTrue(body.contains(text.replace("'", "'")), body);
        String timestamp = request.getHeader("X-Earshot-Timestamp");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("test-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, request.getHeader("X-Earshot-Signature"));
        assertEquals(store.find(id).orElseThrow().approval().idempotencyKey(), request.getHeader("Idempotency-Key"));

        await().atMost(Duration.ofSeconds(20)).until(() -> types(id).containsAll(
                List.of("claimed", "edited", "approved", "publishing", "published")));
        for (ConsumerRecord<String, String> event : events(id)) {
            assertEquals(List.of(), EventSchemas.violations("replies", event.value()), event.value());
            assertEquals("generic:t", event.key());
            assertTrue(event.headers().lastHeader("ce_id") != null && event.headers().lastHeader("ce_type") != null
                    && event.headers().lastHeader("ce_source") != null && event.headers().lastHeader("ce_time") != null);
        }
        Staff.responder().queryParam("item", id).get("/api/audit").then().statusCode(200)
                .body("entries.action", org.hamcrest.Matchers.contains("claimed", "edited", "approved", "publishing", "published"))
                .body("entries[1].actor", equalTo("ana"))
                .body("entries[1].fromState", equalTo("claimed"))
                .body("entries[1].textBefore", notNullValue())
                .body("entries[1].textAfter", equalTo(text))
                .body("entries[4].actor", equalTo("system"));
        Staff.responder().get("/api/queue/" + id).then().body("publication.platformReplyId", equalTo("gen-1"));
    }

    @Test
    void aFailingLintBlocksApprovalUnlessASupervisorOverridesItAndThatIsAudited() {
        String id = queued(Items.complaint("generic").withDraft(new QueueItem.Draft("Hi {customer}, thanks for your message, we will help.", "en", "t")));
        Staff.as("ana").post("/api/queue/" + id + "/claim").then().statusCode(200).body("lint.ok", equalTo(false))
                .body("lint.findings.code", hasItem("unresolved_slot"));
        Staff.as("ana").post("/api/queue/" + id + "/approve").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("draft.unresolved_slot"));
        Staff.as("ana").body("{\"override\":true}").post("/api/queue/" + id + "/approve").then().statusCode(422);
        Staff.supervisor().queryParam("takeover", true).post("/api/queue/" + id + "/claim").then().statusCode(200);
        Staff.supervisor().body("{\"override\":true}").post("/api/queue/" + id + "/approve").then().statusCode(200)
                .body("approval.lintOverride", hasItem("unresolved_slot"));
        Staff.responder().queryParam("item", id).get("/api/audit").then().statusCode(200)
                .body("entries.find { it.action == 'approved' }.reason", containsString("lint overridden by supervisor"));
    }

    @Test
    void anEmptyReplyCannotBeApprovedEvenWithASupervisorsOverrideUntilSomeoneWritesIt() {
        String id = queued(Items.complaint("generic").withDraft(new QueueItem.Draft("", "en", "t")));
        Staff.supervisor().post("/api/queue/" + id + "/claim").then().statusCode(200);
        Staff.supervisor().body("{\"override\":true}").post("/api/queue/" + id + "/approve").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("draft.text"));
        Staff.supervisor().get("/api/queue/" + id).then().statusCode(200).body("state", equalTo("claimed"));
        long v = version(id);
        Staff.supervisor().body("{\"text\":\"Thanks for telling us, we are on it.\",\"version\":" + v + "}")
                .put("/api/queue/" + id + "/draft").then().statusCode(200);
        Staff.supervisor().body("{\"override\":true}").post("/api/queue/" + id + "/approve").then().statusCode(200)
                .body("state", equalTo("approved"));
    }

    @Test
    void refusedTransitionsAreConflictsThatSayWhy() {
        String id = queued(Items.complaint("generic"));
        Staff.as("ana").post("/api/queue/" + id + "/approve").then().statusCode(409).body("detail", containsString("pending"));
        Staff.as("ana").post("/api/queue/" + id + "/release").then().statusCode(409);
        Staff.as("ana").body("{\"minutes\":30}").post("/api/queue/" + id + "/snooze").then().statusCode(200).body("state", equalTo("snoozed"));
        Staff.as("ana").body("{}").post("/api/queue/" + id + "/escalate").then().statusCode(200).body("state", equalTo("escalated"));
        Staff.as("ana").post("/api/queue/" + id + "/claim").then().statusCode(409).body("detail", containsString("supervisor"));
        Staff.supervisor().post("/api/queue/" + id + "/claim").then().statusCode(200);
        Staff.supervisor().post("/api/queue/" + id + "/release").then().statusCode(200).body("state", equalTo("pending"));
        Staff.as("ana").body("{\"reason\":\"not for us\"}").post("/api/queue/" + id + "/reject").then().statusCode(200)
                .body("state", equalTo("rejected")).body("stateReason", equalTo("not for us"));
        Staff.as("ana").post("/api/queue/" + id + "/claim").then().statusCode(409).body("detail", containsString("rejected"));
        Staff.as("ana").body("{}").post("/api/queue/" + id + "/reject").then().statusCode(400).body("errors.field", hasItem("reason"));
        Staff.as("ana").post("/api/queue/nope/claim").then().statusCode(404);
    }

    @Test
    void rolesDecideWhoMayDoWhat() {
        String id = queued(Items.complaint("generic"));
        Staff.responder().body("{\"assignee\":\"ana\"}").post("/api/queue/" + id + "/assign").then().statusCode(403);
        Staff.supervisor().body("{\"assignee\":\"ana\",\"team\":\"billing\"}").post("/api/queue/" + id + "/assign")
                .then().statusCode(200).body("assignee", equalTo("ana")).body("team", equalTo("billing"));
        Staff.responder().queryParam("assignee", "ana").queryParam("platform", "generic").get("/api/queue")
                .then().statusCode(200).body("items.id", hasItem(id));
        Staff.responder().body("{\"ids\":[\"" + id + "\"],\"reason\":\"spam\"}").post("/api/queue/bulk/reject").then().statusCode(403);
        Staff.responder().body("{\"text\":\"Hi {author}\"}").put("/api/templates/en/praise").then().statusCode(403);
        Staff.supervisor().post("/api/admin/rebuild").then().statusCode(403);
        Staff.responder().get("/api/stats").then().statusCode(200).body("byState.pending", notNullValue());
        Staff.admin().body("{\"text\":\"Hi {customer}\"}").put("/api/templates/en/praise").then().statusCode(400)
                .body("errors.field", hasItem("text"));
        Staff.admin().body("{\"text\":\"Hi {author}\"}").put("/api/templates/en/abusive").then().statusCode(400)
                .body("errors.field", hasItem("kind"));
        io.restassured.RestAssured.given().post("/api/queue/" + id + "/claim").then().statusCode(401);
    }

    @Test
    void bulkActionsReportEachItem() {
        String a = queued(Items.complaint("generic"));
        String b = queued(Items.complaint("generic"));
        Staff.as("ana").post("/api/queue/" + b + "/claim").then().statusCode(200);
        Staff.supervisor().body("{\"ids\":[\"" + a + "\",\"" + b + "\",\"missing\"],\"team\":\"billing\"}")
                .post("/api/queue/bulk/assign").then().statusCode(200)
                .body("results." + a, equalTo("pending")).body("results." + b, equalTo("claimed"))
                .body("results.missing", containsString("404"));
        Staff.supervisor().body("{\"ids\":[\"" + a + "\",\"" + b + "\"],\"reason\":\"spam wave\"}")
                .post("/api/queue/bulk/reject").then().statusCode(200)
                .body("results." + a, equalTo("rejected")).body("results." + b, equalTo("rejected"));
    }

    @Test
    void aClaimThatRunsOutIsReleasedAndASnoozeThatEndsWakesTheItemEachAsAnEvent() {
        String claimed = queued(Items.complaint("generic"));
        Staff.as("ana").post("/api/queue/" + claimed + "/claim").then().statusCode(200);
        // as if the TTL ran out: the lock is gone and the timer is due
        redis.del(RedisKeys.CLAIM.key(claimed));
        store.timerAt(QueueStore.CLAIM_TIMER + claimed, java.time.Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> store.find(claimed).orElseThrow().state() == QueueItem.State.pending);
        await().atMost(Duration.ofSeconds(20)).until(() -> types(claimed).contains("released"));
        Staff.responder().queryParam("item", claimed).get("/api/audit").then()
                .body("entries.find { it.action == 'released' }.reason", containsString("claim of ana ran out"))
                .body("entries.find { it.action == 'released' }.actor", equalTo("system"));

        String snoozed = queued(Items.complaint("generic"));
        Staff.as("ana").body("{\"until\":\"" + java.time.Instant.now().plusSeconds(2) + "\"}")
                .post("/api/queue/" + snoozed + "/snooze").then().statusCode(200).body("state", equalTo("snoozed"));
        await().atMost(Duration.ofSeconds(30)).until(() -> store.find(snoozed).orElseThrow().state() == QueueItem.State.pending);
        await().atMost(Duration.ofSeconds(20)).until(() -> types(snoozed).containsAll(List.of("snoozed", "woken")));
    }

    @Test
    void aSnoozeIsBoundedByTheConfiguredMaximum() {
        String id = queued(Items.complaint("generic"));
        Staff.as("ana").body("{\"until\":\"" + java.time.Instant.now().plus(Duration.ofDays(31)) + "\"}")
                .post("/api/queue/" + id + "/snooze").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("until"));
        Staff.as("ana").body("{\"minutes\":" + (60 * 24 * 30 + 1) + "}")
                .post("/api/queue/" + id + "/snooze").then().statusCode(400).body("errors.field", hasItem("minutes"));
        Staff.as("ana").body("{\"until\":\"" + java.time.Instant.now().plus(Duration.ofDays(29)) + "\"}")
                .post("/api/queue/" + id + "/snooze").then().statusCode(200).body("state", equalTo("snoozed"));
    }
}
