package io.earshot.reply.workflow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.domain.QueueItem.State;
import io.earshot.reply.domain.QueueItems;
import io.earshot.reply.platform.Connectors;
import io.earshot.reply.platform.PlatformConnector;
import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.support.Items;
import io.earshot.reply.support.PlatformStubs;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Threads replies against WireMock answers shaped as Meta documents the Threads API: a {@code TEXT} container from
 * {@code POST /{user}/threads} ({@code id}), {@code POST /{user}/threads_publish} ({@code id} of the reply),
 * {@code GET /{id}/replies} with {@code is_reply_owned_by_me}, {@code POST /{reply}/manage_reply}
 * ({@code success}), and Graph errors.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
@QuarkusTestResource(PlatformStubs.class)
class ThreadsPublishingTest {

    static final String TEXT = "Hola Jane, lo sentimos mucho: te escribimos por mensaje privado.";
    static final String API = "/threads/v1.0";

    @Inject
    QueueStore store;

    @Inject
    Approvals approvals;

    @Inject
    Connectors connectors;

    @Inject
    Lints lints;

    WireMockServer wm() {
        return PlatformStubs.server();
    }

    static ResponseDefinitionBuilder okJson(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** A reply an earlier attempt began (approved, signed, attempt 1) to a Threads reply, put in the outbox. */
    private QueueItem resumed(String externalId) {
        QueueItem item = Items.complaint("threads").withVerdict(vrd -> vrd.withLang("es"))
                .withComment(cmt -> cmt.withExternalId(externalId).withThreadId("1801")
                        .withAuthor(new QueueItem.Author("jane", "jane", null)).withText("¿Dónde está mi pedido?"))
                .withDraft(new QueueItem.Draft(TEXT, "es", "manual"));
        Instant now = Instant.now();
        QueueItem started = item.withState(State.publishing).withHandling(hdl -> hdl.withVersion(5))
                .withApproval(approvals.sign(item, "ana", now, TEXT, QueueItems.idempotencyKey(item.id(), 4), List.of()))
                .withPublication(new QueueItem.Publication(1, now, null, null, null, null, false));
        store.put(started);
        return started;
    }

    private QueueItem awaitPublished(String id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> store.find(id).orElseThrow().state() == State.published);
        return store.find(id).orElseThrow();
    }

    private static String form(String body, String field) {
        for (String pair : body.split("&")) {
            if (pair.startsWith(field + "=")) {
                return URLDecoder.decode(pair.substring(field.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    @Test
    void aResumedAttemptLooksForItsReplyThenMakesAContainerAndPublishesIt() {
        QueueItem item = resumed("1901");
        // someone else's reply with the same words is not ours
        wm().stubFor(get(urlPathEqualTo(API + "/1901/replies")).withHeader("Authorization", equalTo("Bearer th-token"))
                .willReturn(okJson("{\"data\":[{\"id\":\"1960\",\"text\":\"" + TEXT + "\",\"username\":\"mimic\","
                        + "\"timestamp\":\"2026-11-20T10:06:00+0000\",\"is_reply_owned_by_me\":false}],"
                        + "\"paging\":{\"cursors\":{\"before\":\"a\",\"after\":\"b\"}}}")));
        wm().stubFor(post(urlPathEqualTo(API + "/1789brand/threads")).withRequestBody(containing("reply_to_id=1901"))
                .willReturn(okJson("{\"id\":\"17890001\"}")));
        wm().stubFor(post(urlPathEqualTo(API + "/1789brand/threads_publish")).withRequestBody(equalTo("creation_id=17890001"))
                .willReturn(okJson("{\"id\":\"1999\"}")));
        store.outboxAt(item.id(), Instant.now());

        QueueItem published = awaitPublished(item.id());
        assertEquals("1999", published.publication().platformReplyId());
        var containers = wm().findAll(postRequestedFor(urlPathEqualTo(API + "/1789brand/threads"))
                .withRequestBody(containing("reply_to_id=1901")));
        assertEquals(1, containers.size());
        String body = containers.get(0).getBodyAsString();
        assertEquals("TEXT", form(body, "media_type"));
        assertEquals(TEXT, form(body, "text"));
        assertEquals("1901", form(body, "reply_to_id"));
        assertEquals("Bearer th-token", containers.get(0).getHeader("Authorization"));
        assertEquals(1, wm().findAll(postRequestedFor(urlPathEqualTo(API + "/1789brand/threads_publish"))
                .withRequestBody(equalTo("creation_id=17890001"))).size());
    }

    @Test
    void aResumedAttemptThatFindsOurReplyPostsNothing() {
        QueueItem item = resumed("1902");
        wm().stubFor(get(urlPathEqualTo(API + "/1902/replies"))
                .willReturn(okJson("{\"data\":[{\"id\":\"1998\",\"text\":\"" + TEXT + "\",\"username\":\"brandco\","
                        + "\"timestamp\":\"2026-11-20T10:06:00+0000\",\"is_reply_owned_by_me\":true}]}")));
        store.outboxAt(item.id(), Instant.now());

        QueueItem published = awaitPublished(item.id());
        assertEquals("1998", published.publication().platformReplyId());
        assertEquals(0, wm().findAll(postRequestedFor(urlPathEqualTo(API + "/1789brand/threads"))
                .withRequestBody(containing("reply_to_id=1902"))).size(), "nothing posted twice");
    }

    @Test
    void hideAndUnhideGoThroughManageReplyAndAThrottledCallIsWorthWaitingFor() {
        PlatformConnector threads = connectors.of("threads").orElseThrow();
        QueueItem item = Items.complaint("threads").withComment(cmt -> cmt.withExternalId("1903").withThreadId("1801"));
        wm().stubFor(post(urlPathEqualTo(API + "/1903/manage_reply")).willReturn(okJson("{\"success\":true}")));
        assertInstanceOf(PlatformConnector.Done.class, threads.moderate(item, "hide"));
        assertInstanceOf(PlatformConnector.Done.class, threads.moderate(item, "unhide"));
        var calls = wm().findAll(postRequestedFor(urlPathEqualTo(API + "/1903/manage_reply")));
        assertEquals(List.of("hide=true", "hide=false"), calls.stream().map(r -> r.getBodyAsString()).toList());
        assertInstanceOf(PlatformConnector.Permanent.class, threads.moderate(item, "delete"), "Threads deletes only our own posts");

        wm().stubFor(post(urlPathEqualTo(API + "/1904/manage_reply")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Application request limit reached\",\"type\":\"OAuthException\",\"code\":4,\"fbtrace_id\":\"A1\"}}")));
        var throttled = threads.moderate(Items.complaint("threads").withComment(cmt -> cmt.withExternalId("1904").withThreadId("1801")), "hide");
        assertInstanceOf(PlatformConnector.Transient.class, throttled);

        wm().stubFor(post(urlPathEqualTo(API + "/1905/manage_reply")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Error validating access token\",\"type\":\"OAuthException\",\"code\":190,\"fbtrace_id\":\"A2\"}}")));
        // the refused token is renewed once first; Threads refuses to renew an expired one too (Graph 190)
        wm().stubFor(get(urlPathEqualTo("/threads/refresh_access_token")).withQueryParam("access_token", equalTo("th-token"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"Error validating access token\",\"type\":\"OAuthException\",\"code\":190}}")));
        var expired = threads.moderate(Items.complaint("threads").withComment(cmt -> cmt.withExternalId("1905").withThreadId("1801")), "hide");
        assertTrue(expired instanceof PlatformConnector.Permanent p && p.tokenExpired(), String.valueOf(expired));
        assertFalse(wm().findAll(getRequestedFor(urlPathEqualTo("/threads/refresh_access_token"))).isEmpty(), "renewal was tried");
    }

    @Test
    void aReplyLongerThanThreads500CharactersIsFlagged() {
        assertEquals(500, lints.limit("threads"));
        QueueItem item = Items.complaint("threads");
        assertTrue(lints.lint(item, "a".repeat(500)).findings().stream().noneMatch(f -> f.code().equals("too_long")));
        assertTrue(lints.lint(item, "a".repeat(501)).findings().stream().anyMatch(f -> f.code().equals("too_long")));
    }
}
