package io.earshot.reply.workflow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.earshot.reply.domain.Actor;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.domain.QueueItem.State;
import io.earshot.reply.domain.QueueItems;
import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.support.Items;
import io.earshot.reply.support.PlatformStubs;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Replies to reviews against WireMock stubs shaped as the review APIs document them. Google Business Profile's
 * {@code PUT .../reviews/{id}/reply} is an upsert: a retry writes the same text again and is never checked first.
 * Trustpilot's {@code POST /v1/private/reviews/{id}/reply} and Reddit's {@code POST /api/comment} are not, so a
 * resumed attempt looks for the reply first; Reddit's refusals come inside a 200 and its rate window is obeyed.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
@QuarkusTestResource(PlatformStubs.class)
class ReviewRepliesTest {

    static final Actor ANA = new Actor("ana", false, false);

    @Inject
    QueueStore store;

    @Inject
    Approvals approvals;

    @Inject
    QueueService service;

    WireMockServer wm() {
        return PlatformStubs.server();
    }

    private QueueItem googleReview() {
        String review = "accounts/111/locations/222/reviews/" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        QueueItem item = Items.complaint("google").withComment(cmt -> cmt.withExternalId(review)).withComment(cmt -> cmt.withThreadId(review));
        assertTrue(store.createIfAbsent(item));
        return item;
    }

    private static String replyPath(QueueItem item) {
        return "/gbp/v4/" + item.externalId() + "/reply";
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder reviewReply(String comment) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"comment\":\"" + comment + "\",\"updateTime\":\"2026-11-23T08:00:00.123456Z\"}");
    }

    private QueueItem awaitState(String id, State state) {
        await().atMost(Duration.ofSeconds(30)).until(() -> store.find(id).orElseThrow().state() == state);
        return store.find(id).orElseThrow();
    }

    /** What Redis holds when the service died after counting an attempt of the approved draft and before hearing back. */
    private Instant diedMidSend(QueueItem item) {
        Instant now = Instant.now();
        store.put(item.withState(State.publishing).withHandling(hdl -> hdl.withVersion(5))
                .withApproval(approvals.sign(item, "ana", now, item.draft().text(), QueueItems.idempotencyKey(item.id(), 4), List.of()))
                .withPublication(new QueueItem.Publication(1, now, null, null, null, null, false)));
        return now;
    }

    private void approve(String id) {
        service.claim(id, ANA, false);
        service.approve(id, ANA, null, false);
    }

    @Test
    void aGoogleReviewIsAnsweredWithOnePutOfTheApprovedText() {
        QueueItem item = googleReview();
        wm().stubFor(put(urlEqualTo(replyPath(item))).willReturn(reviewReply("Hi Jane")));
        approve(item.id());
        QueueItem published = awaitState(item.id(), State.published);
        assertEquals(item.externalId() + "/reply", published.publication().platformReplyId());
        var sent = wm().findAll(putRequestedFor(urlEqualTo(replyPath(item))));
        assertEquals(1, sent.size());
        assertTrue(sent.get(0).getBodyAsString().contains("\"comment\":\"Hi Jane, we're sorry"), sent.get(0).getBodyAsString());
    }

    @Test
    void aFailedPutIsRepeatedWithTheSameTextAndNothingIsLookedUpFirst() {
        QueueItem item = googleReview();
        wm().stubFor(put(urlEqualTo(replyPath(item))).inScenario("gbp-" + item.id()).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":503,\"message\":\"The service is currently unavailable.\",\"status\":\"UNAVAILABLE\"}}"))
                .willSetStateTo("up"));
        wm().stubFor(put(urlEqualTo(replyPath(item))).inScenario("gbp-" + item.id()).whenScenarioStateIs("up")
                .willReturn(reviewReply("Hi Jane")));
        approve(item.id());
        QueueItem published = awaitState(item.id(), State.published);
        assertEquals(2, published.publication().attempts());
        var sent = wm().findAll(putRequestedFor(urlEqualTo(replyPath(item))));
        assertEquals(2, sent.size());
        assertEquals(sent.get(0).getBodyAsString(), sent.get(1).getBodyAsString());
        assertEquals(0, wm().findAll(getRequestedFor(urlPathMatching("/gbp/v4/.*"))).size(), "an upsert needs no check");
    }

    @Test
    void aServiceThatDiedMidPutWritesTheSameReplyAgain() {
        QueueItem item = googleReview();
        String text = item.draft().text();
        Instant now = diedMidSend(item);
        wm().stubFor(put(urlEqualTo(replyPath(item))).withRequestBody(matchingJsonPath("$.comment", equalTo(text)))
                .willReturn(reviewReply("Hi Jane")));
        store.outboxAt(item.id(), now);
        awaitState(item.id(), State.published);
        assertEquals(1, wm().findAll(putRequestedFor(urlEqualTo(replyPath(item)))).size());
    }

    @Test
    void anExpiredGoogleTokenFailsTheReplyForStaffToSee() {
        QueueItem item = googleReview();
        wm().stubFor(put(urlEqualTo(replyPath(item))).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":401,\"message\":\"Request had invalid authentication credentials.\",\"status\":\"UNAUTHENTICATED\"}}")));
        approve(item.id());
        QueueItem failed = awaitState(item.id(), State.failed);
        assertTrue(failed.publication().tokenExpired());
        assertTrue(failed.stateReason().contains("invalid authentication credentials"), failed.stateReason());
        assertEquals(1, wm().findAll(anyRequestedFor(urlEqualTo(replyPath(item)))).size(), "not retried");
        io.restassured.RestAssured.given().get("/q/health/well").then().statusCode(503)
                .body("checks.find { it.name == 'platform-tokens' }.data.google", org.hamcrest.Matchers.containsString("expired"));
        // a renewed token's first success clears the warning
        QueueItem next = googleReview();
        wm().stubFor(put(urlEqualTo(replyPath(next))).willReturn(reviewReply("ok")));
        approve(next.id());
        awaitState(next.id(), State.published);
        io.restassured.RestAssured.given().get("/q/health/well").then().statusCode(200);
    }

    private QueueItem trustpilotReview() {
        String review = UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        QueueItem item = Items.complaint("trustpilot").withComment(cmt -> cmt.withExternalId(review)).withComment(cmt -> cmt.withThreadId(review));
        assertTrue(store.createIfAbsent(item));
        return item;
    }

    @Test
    void aTrustpilotReviewIsAnsweredOnceAsTheBusinessUser() {
        QueueItem item = trustpilotReview();
        String path = "/tp/v1/private/reviews/" + item.externalId() + "/reply";
        wm().stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"reply\":{\"message\":\"Hi Jane\",\"createdAt\":\"2026-11-23T08:00:00Z\"}}")));
        approve(item.id());
        QueueItem published = awaitState(item.id(), State.published);
        assertEquals(item.externalId() + "/reply", published.publication().platformReplyId());
        var sent = wm().findAll(postRequestedFor(urlEqualTo(path)));
        assertEquals(1, sent.size());
        assertTrue(sent.get(0).getBodyAsString().contains("\"authorBusinessUserId\":\"bu-user-7\""), sent.get(0).getBodyAsString());
        assertTrue(sent.get(0).getBodyAsString().contains("\"message\":\"Hi Jane, we're sorry"), sent.get(0).getBodyAsString());
    }

    @Test
    void aResumedTrustpilotAttemptFindsTheReplyInsteadOfPostingAgain() {
        QueueItem item = trustpilotReview();
        String text = item.draft().text();
        Instant now = diedMidSend(item);
        wm().stubFor(get(urlEqualTo("/tp/v1/private/reviews/" + item.externalId())).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"" + item.externalId() + "\",\"stars\":1,"
                        + "\"companyReply\":{\"text\":\"" + text + "\",\"authorBusinessUserId\":\"bu-user-7\","
                        + "\"createdAt\":\"2026-11-23T08:00:00Z\"}}")));
        wm().stubFor(post(urlEqualTo("/tp/v1/private/reviews/" + item.externalId() + "/reply")).willReturn(aResponse().withStatus(201)));
        store.outboxAt(item.id(), now);
        QueueItem published = awaitState(item.id(), State.published);
        assertEquals(item.externalId() + "/reply", published.publication().platformReplyId());
        assertEquals(0, wm().findAll(postRequestedFor(urlEqualTo("/tp/v1/private/reviews/" + item.externalId() + "/reply"))).size(),
                "nothing posted twice");
    }

    private QueueItem redditComment() {
        String id = "t1_" + UUID.randomUUID().toString().replace("-", "").substring(0, 7);
        QueueItem item = Items.complaint("reddit").withComment(cmt -> cmt.withExternalId(id)).withComment(cmt -> cmt.withThreadId("t3_1gq2x9"));
        assertTrue(store.createIfAbsent(item));
        return item;
    }

    @Test
    void aRedditReplyIsOneFormPostWithTheThingIdAndAnErrorInsideA200IsNotSuccess() {
        QueueItem item = redditComment();
        wm().stubFor(post(urlEqualTo("/reddit/api/comment")).withRequestBody(containing("thing_id=" + item.externalId()))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withHeader("X-Ratelimit-Remaining", "95.0").withHeader("X-Ratelimit-Reset", "40")
                        .withBody("{\"json\":{\"errors\":[],\"data\":{\"things\":[{\"kind\":\"t1\",\"data\":{\"id\":\"m9x1\",\"name\":\"t1_m9x1\","
                                + "\"parent_id\":\"" + item.externalId() + "\",\"body\":\"Hi Jane\"}}]}}}")));
        approve(item.id());
        QueueItem published = awaitState(item.id(), State.published);
        assertEquals("t1_m9x1", published.publication().platformReplyId());
        var sent = wm().findAll(postRequestedFor(urlEqualTo("/reddit/api/comment")).withRequestBody(containing("thing_id=" + item.externalId())));
        assertEquals(1, sent.size());
        assertTrue(sent.get(0).getBodyAsString().startsWith("api_type=json&thing_id=" + item.externalId() + "&text=Hi+Jane"), sent.get(0).getBodyAsString());
        assertEquals("application/x-www-form-urlencoded", sent.get(0).getHeader("Content-Type"));

        QueueItem locked = redditComment();
        wm().stubFor(post(urlEqualTo("/reddit/api/comment")).withRequestBody(containing("thing_id=" + locked.externalId()))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"json\":{\"errors\":[[\"THREAD_LOCKED\",\"Comments are locked.\",\"parent\"]]}}")));
        approve(locked.id());
        QueueItem failed = awaitState(locked.id(), State.failed);
        assertTrue(failed.stateReason().contains("THREAD_LOCKED"), failed.stateReason());
    }

    @Test
    void aResumedRedditAttemptFindsOurCommentInsteadOfPostingAgain() {
        QueueItem item = redditComment();
        String text = item.draft().text();
        Instant now = diedMidSend(item);
        wm().stubFor(get(urlPathEqualTo("/reddit/user/brand_official/comments")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"kind\":\"Listing\",\"data\":{\"after\":null,\"children\":["
                        + "{\"kind\":\"t1\",\"data\":{\"name\":\"t1_other\",\"parent_id\":\"t1_zzz\",\"body\":\"" + text + "\"}},"
                        + "{\"kind\":\"t1\",\"data\":{\"name\":\"t1_ours\",\"parent_id\":\"" + item.externalId() + "\",\"body\":\"" + text + "\"}}]}}")));
        store.outboxAt(item.id(), now);
        QueueItem published = awaitState(item.id(), State.published);
        assertEquals("t1_ours", published.publication().platformReplyId());
        assertEquals(0, wm().findAll(postRequestedFor(urlEqualTo("/reddit/api/comment")).withRequestBody(containing("thing_id=" + item.externalId()))).size());
    }

    @Test
    void whenRedditsWindowIsSpentTheNextReplyWaitsForTheResetInsteadOfCalling() {
        QueueItem first = redditComment();
        wm().stubFor(post(urlEqualTo("/reddit/api/comment")).withRequestBody(containing("thing_id=" + first.externalId()))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withHeader("X-Ratelimit-Used", "100").withHeader("X-Ratelimit-Remaining", "0.0").withHeader("X-Ratelimit-Reset", "2")
                        .withBody("{\"json\":{\"errors\":[],\"data\":{\"things\":[{\"kind\":\"t1\",\"data\":{\"name\":\"t1_w1\"}}]}}}")));
        wm().stubFor(get(urlPathEqualTo("/reddit/user/brand_official/comments")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"kind\":\"Listing\",\"data\":{\"after\":null,\"children\":[]}}")));
        approve(first.id());
        awaitState(first.id(), State.published);
        QueueItem second = redditComment();
        wm().stubFor(post(urlEqualTo("/reddit/api/comment")).withRequestBody(containing("thing_id=" + second.externalId()))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"json\":{\"errors\":[],\"data\":{\"things\":[{\"kind\":\"t1\",\"data\":{\"name\":\"t1_w2\"}}]}}}")));
        approve(second.id());
        QueueItem published = awaitState(second.id(), State.published);
        assertTrue(published.publication().attempts() >= 2, "the first attempt waited for the reset: " + published.publication());
        assertEquals(1, wm().findAll(postRequestedFor(urlEqualTo("/reddit/api/comment")).withRequestBody(containing("thing_id=" + second.externalId()))).size(),
                "one call, after the window");
    }
}
