package io.earshot.reply.workflow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.earshot.reply.domain.Actor;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.domain.QueueItem.State;
import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.redis.RedisKeys;
import io.earshot.reply.support.LostRedis;
import io.earshot.reply.support.PlatformStubs;
import io.earshot.reply.support.RebuildSabotage;
import io.earshot.reply.support.Triaged;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.lettuce.core.api.sync.RedisCommands;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The queue survives a rebuild whatever the age of its items: the topics it is rebuilt from keep everything (checked
 * on the deploy files), an old approved reply still goes out once, an old published reply is not sent again after an
 * edit, and a rebuild that fails part-way leaves the live queue untouched.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
@QuarkusTestResource(PlatformStubs.class)
class RebuildAtAnyAgeTest {

    static final Actor ANA = new Actor("ana", false, false);
    static final String REPLY = "Hola Lucía, sentimos lo ocurrido. Escríbenos por mensaje privado con los datos de tu pedido y lo solucionamos.";
    /** Older than the 30 days comments.triaged used to keep in deploy/k8s (7 in the local runtime). */
    static final long LONG_AGO = Instant.now().minus(Duration.ofDays(90)).toEpochMilli();

    @Inject
    QueueStore store;

    @Inject
    QueueService service;

    @Inject
    Rebuilder rebuilder;

    @Inject
    EventRelay relay;

    @Inject
    RebuildSabotage sabotage;

    @Inject
    RedisCommands<String, String> redis;

    private String oldComment(Triaged triaged, String platform, int version, String id, String text) {
        triaged.send(platform, id, Triaged.record(id, version, version == 1 ? "created" : "edited", platform,
                "ext-" + id.substring(0, 8), text, "es", "complaint", ""), LONG_AGO + version);
        return id;
    }

    @Test
    void theTopicsTheQueueIsRebuiltFromKeepEverything() throws IOException {
        Path repo = Path.of(System.getProperty("earshot.repo.root", ".."));
        String topics = Files.readString(repo.resolve("deploy/k8s/components/strimzi/topics.yaml"));
        for (String topic : List.of("comments.triaged", "replies")) {
            Matcher m = Pattern.compile("topicName: " + Pattern.quote(topic) + "\\n(?:.*\\n)*?\\s+retention\\.ms: (-?\\d+)")
                    .matcher(topics);
            assertTrue(m.find(), topic + " in topics.yaml");
            assertEquals("-1", m.group(1), topic + " keeps its records without a time limit in deploy/k8s");
        }
        String local = Files.readString(repo.resolve("deploy/local/lib/runtime.sh"));
        assertTrue(local.contains("EARSHOT_KEPT_TOPICS=\"comments.triaged replies\""), "the local runtime names them");
        assertTrue(local.contains("retention.ms=-1"), "and keeps them without a time limit");
    }

    @Test
    void anApprovedReplyToACommentOlderThanTheOldRetentionSurvivesARebuildAndGoesOutOnce() {
        String id;
        try (Triaged triaged = new Triaged()) {
            id = oldComment(triaged, "facebook", 1, UUID.randomUUID().toString(), "El pedido llegó roto");
        }
        String ext = "ext-" + id.substring(0, 8);
        await().atMost(Duration.ofSeconds(30)).until(() -> store.find(id).isPresent());
        PlatformStubs.server().stubFor(post(urlEqualTo("/fb/" + ext + "/comments")).willReturn(aResponse().withStatus(503)));
        PlatformStubs.server().stubFor(get(urlPathEqualTo("/fb/" + ext + "/comments"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"data\":[]}")));
        service.claim(id, ANA, false);
        service.editDraft(id, ANA, REPLY, store.find(id).orElseThrow().version());
        service.approve(id, ANA, null, false);
        await().atMost(Duration.ofSeconds(30)).until(() -> store.find(id).orElseThrow().state() == State.publishing);
        QueueItem before = store.find(id).orElseThrow();
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.flush(0) == 0);

        LostRedis.wipe(redis);
        rebuilder.rebuild();

        QueueItem after = store.find(id).orElseThrow(() -> new AssertionError("the old approved item was lost"));
        assertTrue(after.state() == State.approved || after.state() == State.publishing, after.state().name());
        assertEquals(before.approval().text(), after.approval().text());
        assertEquals(before.approval().idempotencyKey(), after.approval().idempotencyKey());

        PlatformStubs.server().stubFor(post(urlEqualTo("/fb/" + ext + "/comments"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"id\":\"fb-old\"}")));
        await().atMost(Duration.ofSeconds(30)).until(() -> store.find(id).orElseThrow().state() == State.published);
        long sent = PlatformStubs.server().getServeEvents().getRequests().stream()
                .filter(e -> e.getRequest().getUrl().equals("/fb/" + ext + "/comments") && e.getResponse().getStatus() == 200
                        && e.getRequest().getMethod().getName().equals("POST")).count();
        assertEquals(1, sent, "one reply on facebook");
    }

    @Test
    void aCommentEditedLongAfterItsReplyWasPublishedIsNotAnsweredTwiceAfterARebuild() {
        String id = UUID.randomUUID().toString();
        String ext = "ext-" + id.substring(0, 8);
        PlatformStubs.server().stubFor(post(urlEqualTo("/callback")).withRequestBody(matchingJsonPath("$.externalId", WireMock.equalTo(ext)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"id\":\"g-old\"}")));
        try (Triaged triaged = new Triaged()) {
            oldComment(triaged, "generic", 1, id, "El pedido llegó roto");
            await().atMost(Duration.ofSeconds(30)).until(() -> store.find(id).isPresent());
            service.claim(id, ANA, false);
            service.editDraft(id, ANA, REPLY, store.find(id).orElseThrow().version());
            service.approve(id, ANA, null, false);
            await().atMost(Duration.ofSeconds(30)).until(() -> store.find(id).orElseThrow().state() == State.published);
            oldComment(triaged, "generic", 2, id, "El pedido llegó roto y nadie contesta");
        }
        // live, the edit of a published item changes nothing ("the reply stands"); the rebuild reads it all the same
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.flush(0) == 0);
        QueueItem before = store.find(id).orElseThrow();
        assertEquals(State.published, before.state(), "the reply stands after the edit");

        LostRedis.wipe(redis);
        rebuilder.rebuild();

        QueueItem after = store.find(id).orElseThrow();
        assertEquals(State.published, after.state(), "not a new pending item with a fresh draft");
        assertEquals(before.approval().text(), after.approval().text());
        assertNull(store.outboxScore(id), "nothing to publish");
        assertEquals(1, PlatformStubs.server().findAll(postRequestedFor(urlEqualTo("/callback"))
                .withRequestBody(matchingJsonPath("$.externalId", WireMock.equalTo(ext)))).size(), "answered once");
    }

    @Test
    void aRebuildThatFailsPartWayLeavesTheQueueAsItWas() {
        List<String> ids = new ArrayList<>();
        try (Triaged triaged = new Triaged()) {
            for (int i = 0; i < 3; i++) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                oldComment(triaged, "generic", 1, id, "El pedido llegó roto " + i);
                await().atMost(Duration.ofSeconds(30)).until(() -> store.find(id).isPresent());
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.flush(0) == 0);
        Map<String, String> before = view(ids);

        sabotage.arm(2);
        assertThrows(RuntimeException.class, () -> rebuilder.rebuild());

        assertEquals(before, view(ids), "the live queue is untouched");
        assertTrue(redis.keys(RedisKeys.REBUILD_STAGING.prefix() + "*").isEmpty(), "the failed attempt left nothing staged");
        assertTrue(rebuilder.rebuild().items() >= 3, "and the next rebuild runs");
    }

    /** These items and their audit trails as stored, and the queue's size. */
    private Map<String, String> view(List<String> ids) {
        Map<String, String> view = new TreeMap<>();
        for (String id : ids) {
            view.put(id, store.json(store.find(id).orElseThrow()) + store.audit(id));
        }
        view.put("size", Long.toString(store.size()));
        return view;
    }
}
