package io.earshot.reply.workflow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.earshot.reply.domain.Actor;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.domain.QueueItem.State;
import io.earshot.reply.domain.QueueItems;
import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.support.Items;
import io.earshot.reply.support.PlatformStubs;
import io.earshot.reply.support.Staff;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Publishing exactly once, against every platform stubbed in WireMock: succeeding, failing for good, failing for a
 * while, timing out, and the service dying between marking an attempt and hearing back.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
@QuarkusTestResource(PlatformStubs.class)
class PublishingTest {

    static final String SPANISH = "Hola Lucía, sentimos lo ocurrido. Escríbenos por mensaje privado con los datos de tu pedido y lo solucionamos.";
    static final Actor ANA = new Actor("ana", false, false);

    @Inject
    QueueStore store;

    @Inject
    Approvals approvals;

    @Inject
    QueueService service;

    @Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    WireMockServer wm() {
        return PlatformStubs.server();
    }

    private QueueItem spanish(String platform) {
        QueueItem item = Items.complaint(platform).withVerdict(vrd -> vrd.withLang("es")).withComment(cmt -> cmt.withAuthor(new QueueItem.Author("u1", "lucia", "Lucía")))
                .withComment(cmt -> cmt.withText("El pedido llegó roto")).withDraft(new QueueItem.Draft(SPANISH, "es", "template:es:complaint"));
        assertTrue(store.createIfAbsent(item));
        return item;
    }

    private double publishFailures(String platform) {
        // summed over its reasons: counter() would pick one of them (token_expired or platform_error) at random
        return registry.find("earshot.reply.publish.failures").tag("platform", platform).counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
    }

    private void approve(String id) {
        service.claim(id, ANA, false);
        service.approve(id, ANA, null, false);
    }

    private QueueItem awaitState(String id, State state) {
        await().atMost(Duration.ofSeconds(30)).until(() -> store.find(id).orElseThrow().state() == state);
        return store.find(id).orElseThrow();
    }

    private static String json(String body) {
        return body;
    }

    private RequestPatternBuilder sendOf(String platform, QueueItem item) {
        String ext = item.externalId();
        return switch (platform) {
            case "facebook" -> postRequestedFor(urlEqualTo("/fb/" + ext + "/comments"));
            case "instagram" -> postRequestedFor(urlPathEqualTo("/ig/" + ext + "/replies"));
            case "youtube" -> postRequestedFor(urlPathEqualTo("/yt/youtube/v3/comments")).withRequestBody(matchingJsonPath("$.snippet.parentId", com.github.tomakehurst.wiremock.client.WireMock.equalTo(ext)));
            case "mastodon" -> postRequestedFor(urlEqualTo("/md/api/v1/statuses")).withRequestBody(matchingJsonPath("$.in_reply_to_id", com.github.tomakehurst.wiremock.client.WireMock.equalTo(ext)));
            case "x" -> postRequestedFor(urlEqualTo("/x/2/tweets")).withRequestBody(matchingJsonPath("$.reply.in_reply_to_tweet_id", com.github.tomakehurst.wiremock.client.WireMock.equalTo(ext)));
            default -> postRequestedFor(urlEqualTo("/callback")).withRequestBody(matchingJsonPath("$.externalId", com.github.tomakehurst.wiremock.client.WireMock.equalTo(ext)));
        };
    }

    private void stubSuccess(String platform, QueueItem item, String replyId) {
        String ext = item.externalId();
        switch (platform) {
            case "facebook" -> wm().stubFor(post(urlEqualTo("/fb/" + ext + "/comments")).willReturn(okJson("{\"id\":\"" + replyId + "\"}")));
            case "instagram" -> wm().stubFor(post(urlPathEqualTo("/ig/" + ext + "/replies")).willReturn(okJson("{\"id\":\"" + replyId + "\"}")));
            case "youtube" -> wm().stubFor(post(urlPathEqualTo("/yt/youtube/v3/comments")).withRequestBody(matchingJsonPath("$.snippet.parentId", com.github.tomakehurst.wiremock.client.WireMock.equalTo(ext)))
                    .willReturn(okJson("{\"kind\":\"youtube#comment\",\"id\":\"" + replyId + "\"}")));
            case "mastodon" -> wm().stubFor(post(urlEqualTo("/md/api/v1/statuses")).withRequestBody(matchingJsonPath("$.in_reply_to_id", com.github.tomakehurst.wiremock.client.WireMock.equalTo(ext)))
                    .willReturn(okJson("{\"id\":\"" + replyId + "\"}")));
            case "x" -> wm().stubFor(post(urlEqualTo("/x/2/tweets")).withRequestBody(matchingJsonPath("$.reply.in_reply_to_tweet_id", com.github.tomakehurst.wiremock.client.WireMock.equalTo(ext)))
                    .willReturn(okJson("{\"data\":{\"id\":\"" + replyId + "\",\"text\":\"...\"}}")));
            default -> wm().stubFor(post(urlEqualTo("/callback")).withRequestBody(matchingJsonPath("$.externalId", com.github.tomakehurst.wiremock.client.WireMock.equalTo(ext)))
                    .willReturn(okJson("{\"id\":\"" + replyId + "\"}")));
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(json(body));
    }

    @ParameterizedTest
    @ValueSource(strings = {"facebook", "instagram", "youtube", "mastodon", "x", "generic"})
    void anApprovedReplyIsPublishedOnceInTheCommentersLanguage(String platform) {
        QueueItem item = spanish(platform);
        stubSuccess(platform, item, platform + "-reply-" + item.externalId());
        approve(item.id());
        QueueItem published = awaitState(item.id(), State.published);
        assertEquals(platform + "-reply-" + item.externalId(), published.publication().platformReplyId());
        var sent = wm().findAll(sendOf(platform, item));
        assertEquals(1, sent.size());
        String body = sent.get(0).getBodyAsString() + " " + sent.get(0).getUrl();
        assertTrue(body.contains("sentimos") || body.contains("sentimos".replace(" ", "+")), body);
        if (platform.equals("mastodon")) {
            assertEquals(published.approval().idempotencyKey(), sent.get(0).getHeader("Idempotency-Key"));
        }
        assertTrue(store.outboxScore(item.id()) == null, "out of the outbox");
    }

    @Test
    void aTimedOutSendIsCheckedOnThePlatformBeforeAnyResend() {
        QueueItem item = spanish("facebook");
        String ext = item.externalId();
        // the platform is slow: it creates the reply but answers after our timeout
        wm().stubFor(post(urlEqualTo("/fb/" + ext + "/comments")).willReturn(okJson("{\"id\":\"fb-late\"}").withFixedDelay(6000)));
        wm().stubFor(get(urlPathEqualTo("/fb/" + ext + "/comments")).willReturn(okJson(
                "{\"data\":[{\"id\":\"fb-other\",\"message\":\"" + SPANISH + "\",\"from\":{\"id\":\"U9\"}},"
                        + "{\"id\":\"fb-late\",\"message\":\"" + SPANISH + "\",\"from\":{\"id\":\"PAGE\"}}]}")));
        approve(item.id());
        QueueItem published = awaitState(item.id(), State.published);
        assertEquals("fb-late", published.publication().platformReplyId());
        assertEquals(1, wm().findAll(postRequestedFor(urlEqualTo("/fb/" + ext + "/comments"))).size(), "never sent twice");
        assertTrue(wm().findAll(getRequestedFor(urlPathEqualTo("/fb/" + ext + "/comments"))).size() >= 1);
    }

    @Test
    void xHasNoIdempotencyKeySoAResendFollowsOnlyACheckThatFindsNothing() {
        QueueItem item = spanish("x");
        String ext = item.externalId();
        wm().stubFor(post(urlEqualTo("/x/2/tweets")).withRequestBody(matchingJsonPath("$.reply.in_reply_to_tweet_id", com.github.tomakehurst.wiremock.client.WireMock.equalTo(ext)))
                .inScenario("x-" + ext).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        wm().stubFor(post(urlEqualTo("/x/2/tweets")).withRequestBody(matchingJsonPath("$.reply.in_reply_to_tweet_id", com.github.tomakehurst.wiremock.client.WireMock.equalTo(ext)))
                .inScenario("x-" + ext).whenScenarioStateIs("up")
                .willReturn(okJson("{\"data\":{\"id\":\"x-2\",\"text\":\"...\"}}")));
        wm().stubFor(get(urlPathEqualTo("/x/2/users/999/tweets")).willReturn(okJson("{\"data\":[],\"meta\":{\"result_count\":0}}")));
        approve(item.id());
        QueueItem published = awaitState(item.id(), State.published);
        assertEquals("x-2", published.publication().platformReplyId());
        assertEquals(2, published.publication().attempts());
        assertEquals(2, wm().findAll(sendOf("x", item)).size());
        assertTrue(wm().findAll(getRequestedFor(urlPathEqualTo("/x/2/users/999/tweets"))).size() >= 1, "checked before resending");
    }

    @Test
    void mastodonRetriesCarryTheSameIdempotencyKey() {
        QueueItem item = spanish("mastodon");
        String ext = item.externalId();
        wm().stubFor(post(urlEqualTo("/md/api/v1/statuses")).withRequestBody(matchingJsonPath("$.in_reply_to_id", com.github.tomakehurst.wiremock.client.WireMock.equalTo(ext)))
                .inScenario("md-" + ext).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("ok"));
        wm().stubFor(post(urlEqualTo("/md/api/v1/statuses")).withRequestBody(matchingJsonPath("$.in_reply_to_id", com.github.tomakehurst.wiremock.client.WireMock.equalTo(ext)))
                .inScenario("md-" + ext).whenScenarioStateIs("ok").willReturn(okJson("{\"id\":\"md-9\"}")));
        approve(item.id());
        QueueItem published = awaitState(item.id(), State.published);
        var sent = wm().findAll(sendOf("mastodon", item));
        assertEquals(2, sent.size());
        assertEquals(published.approval().idempotencyKey(), sent.get(0).getHeader("Idempotency-Key"));
        assertEquals(sent.get(0).getHeader("Idempotency-Key"), sent.get(1).getHeader("Idempotency-Key"));
    }

    @Test
    void aPermanentFailureIsVisibleAndStaffCanRetryIt() {
        QueueItem item = spanish("instagram");
        String ext = item.externalId();
        wm().stubFor(post(urlPathEqualTo("/ig/" + ext + "/replies"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"Invalid parameter\",\"code\":100}}")));
        double failuresBefore = publishFailures("instagram");
        approve(item.id());
        QueueItem failed = awaitState(item.id(), State.failed);
        assertTrue(failed.stateReason().contains("Invalid parameter"), failed.stateReason());
        // counted just after the failed state is written: wait for it rather than race the worker
        await().atMost(Duration.ofSeconds(5)).until(() -> publishFailures("instagram") >= failuresBefore + 1);
        assertEquals(failuresBefore + 1, publishFailures("instagram"), "counted for the EarshotReplyPublishFailures alert");
        Staff.responder().get("/api/queue/" + item.id()).then().statusCode(200).body("state", equalTo("failed"))
                .body("stateReason", containsString("Invalid parameter"));

        // the newest matching stub wins: the platform accepts the reply now
        wm().stubFor(post(urlPathEqualTo("/ig/" + ext + "/replies")).willReturn(okJson("{\"id\":\"ig-2\"}")));
        wm().stubFor(get(urlPathEqualTo("/ig/" + ext + "/replies")).willReturn(okJson("{\"data\":[]}")));
        Staff.as("ana").post("/api/queue/" + item.id() + "/retry").then().statusCode(200).body("state", equalTo("approved"));
        QueueItem published = awaitState(item.id(), State.published);
        assertEquals("ig-2", published.publication().platformReplyId());
        assertEquals(failed.approval().idempotencyKey(), published.approval().idempotencyKey(), "same approval");
        assertEquals(2, wm().findAll(sendOf("instagram", item)).size());
    }

    @Test
    void anExpiredTokenFailsTheReplyAndShowsInHealth() {
        QueueItem item = spanish("facebook");
        wm().stubFor(post(urlEqualTo("/fb/" + item.externalId() + "/comments")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Error validating access token: Session has expired\",\"type\":\"OAuthException\",\"code\":190}}")));
        approve(item.id());
        QueueItem failed = awaitState(item.id(), State.failed);
        assertTrue(failed.publication().tokenExpired());
        io.restassured.RestAssured.given().get("/q/health/well").then().statusCode(503)
                .body("checks.find { it.name == 'platform-tokens' }.data.facebook", containsString("expired"));
        // a later success clears it
        QueueItem next = spanish("facebook");
        stubSuccess("facebook", next, "fb-ok");
        approve(next.id());
        awaitState(next.id(), State.published);
        io.restassured.RestAssured.given().get("/q/health/well").then().statusCode(200);
    }

    @Test
    void aServiceThatDiedMidSendFindsItsReplyInsteadOfSendingAgain() {
        QueueItem item = spanish("youtube");
        String ext = item.externalId();
        // what Redis holds when the service died after marking the attempt and before hearing back
        Instant now = Instant.now();
        QueueItem crashed = item.withState(State.publishing).withHandling(hdl -> hdl.withVersion(5))
                .withApproval(approvals.sign(item, "ana", now, SPANISH, QueueItems.idempotencyKey(item.id(), 4), List.of()))
                .withPublication(new QueueItem.Publication(1, now, null, null, null, null, false));
        store.put(crashed);
        wm().stubFor(get(urlPathEqualTo("/yt/youtube/v3/comments")).withQueryParam("parentId", com.github.tomakehurst.wiremock.client.WireMock.equalTo(ext)).willReturn(okJson(
                "{\"items\":[{\"id\":\"yt-made\",\"snippet\":{\"textOriginal\":\"" + SPANISH + "\",\"authorChannelId\":{\"value\":\"UCbrand\"}}}]}")));
        stubSuccess("youtube", item, "yt-should-not");
        store.outboxAt(item.id(), now);
        QueueItem published = awaitState(item.id(), State.published);
        assertEquals("yt-made", published.publication().platformReplyId());
        assertEquals(0, wm().findAll(sendOf("youtube", item)).size(), "nothing sent again");
    }

    @Test
    void noCodePathPublishesAnUnapprovedReply() {
        // every state but approved/publishing, and even approved without a human's approval, in the outbox
        List<QueueItem> items = new java.util.ArrayList<>();
        for (State state : State.values()) {
            QueueItem item = Items.complaint("generic").withState(state);
            store.createIfAbsent(item);
            items.add(item);
        }
        QueueItem forged = Items.complaint("generic").withState(State.approved)
                .withApproval(new QueueItem.Approval(null, Instant.now(), "unapproved text", "k", List.of()));
        store.createIfAbsent(forged);
        items.add(forged);
        for (QueueItem item : items) {
            store.outboxAt(item.id(), Instant.now());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> items.stream().allMatch(i -> store.outboxScore(i.id()) == null));
        for (QueueItem item : items) {
            assertEquals(0, wm().findAll(postRequestedFor(urlEqualTo("/callback"))
                    .withRequestBody(matchingJsonPath("$.externalId", com.github.tomakehurst.wiremock.client.WireMock.equalTo(item.externalId())))).size(), item.state().name());
            assertEquals(item.state(), store.find(item.id()).orElseThrow().state());
        }
        // approving requires the claim: an unclaimed pending item cannot be approved through the service either
        QueueItem pending = Items.complaint("generic");
        store.createIfAbsent(pending);
        org.junit.jupiter.api.Assertions.assertThrows(io.earshot.reply.domain.WorkflowException.class,
                () -> service.approve(pending.id(), ANA, null, false));
        assertNull(store.outboxScore(pending.id()));
        assertTrue(wm().findAll(postRequestedFor(urlPathMatching("/callback")).withRequestBody(containing(pending.externalId()))).isEmpty());
    }
}
