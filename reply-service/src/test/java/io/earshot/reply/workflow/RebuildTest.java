package io.earshot.reply.workflow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.reply.domain.Actor;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.domain.QueueItem.State;
import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.support.LostRedis;
import io.earshot.reply.support.PlatformStubs;
import io.earshot.reply.support.Staff;
import io.earshot.reply.support.Triaged;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Kafka is the truth: after Redis loses the queue, a rebuild from comments.triaged and replies on the real broker
 * gives back every item in its state, with its draft, approval and audit, and publishes nothing twice.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
@QuarkusTestResource(PlatformStubs.class)
class RebuildTest {

    static final Actor ANA = new Actor("ana", false, false);
    static final String REPLY = "Hola Lucía, sentimos lo ocurrido. Escríbenos por mensaje privado con los datos de tu pedido y lo solucionamos.";

    @Inject
    RedisCommands<String, String> redis;

    @Inject
    QueueStore store;

    @Inject
    QueueService service;

    @Inject
    EventRelay relay;

    private String comment(Triaged triaged, String platform, String label) {
        String id = UUID.randomUUID().toString();
        triaged.send(platform, id, Triaged.record(id, 1, "created", platform, "ext-" + id.substring(0, 8),
                "El pedido llegó roto", "es", label, ""));
        return id;
    }

    private record Snapshot(State state, long version, String draft, String approvedText, String approvedBy,
                            String key, List<String> audit) {
        static Snapshot of(QueueItem i, List<String> audit) {
            return new Snapshot(i.state(), i.version(), i.draftText(), i.approval() == null ? null : i.approval().text(),
                    i.approval() == null ? null : i.approval().by(), i.approval() == null ? null : i.approval().idempotencyKey(), audit);
        }
    }

    private List<String> auditActions(String id) {
        return Staff.responder().queryParam("item", id).get("/api/audit").then().statusCode(200).extract().path("entries.action");
    }

    @Test
    void theQueueComesBackFromKafkaWithNothingLostAndNothingPublishedTwice() {
        Map<String, String> ids = new HashMap<>();
        try (Triaged triaged = new Triaged()) {
            ids.put("published", comment(triaged, "generic", "complaint"));
            ids.put("claimedEdited", comment(triaged, "generic", "complaint"));
            ids.put("rejected", comment(triaged, "generic", "neutral"));
            ids.put("pending", comment(triaged, "generic", "praise"));
            ids.put("stuck", comment(triaged, "facebook", "complaint"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> ids.values().stream().allMatch(id -> store.find(id).isPresent()));

        String published = ids.get("published");
        String publishedExt = store.find(published).orElseThrow().externalId();
        PlatformStubs.server().stubFor(post(urlEqualTo("/callback")).withRequestBody(matchingJsonPath("$.externalId", com.github.tomakehurst.wiremock.client.WireMock.equalTo(publishedExt)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"id\":\"g-1\"}")));
        service.claim(published, ANA, false);
        service.editDraft(published, ANA, REPLY, store.find(published).orElseThrow().version());
        service.approve(published, ANA, null, false);
        await().atMost(Duration.ofSeconds(30)).until(() -> store.find(published).orElseThrow().state() == State.published);

        String edited = ids.get("claimedEdited");
        service.claim(edited, ANA, false);
        service.editDraft(edited, ANA, REPLY + " 2", store.find(edited).orElseThrow().version());
        service.reject(ids.get("rejected"), ANA, "not for us");

        // the facebook reply cannot go out yet: it stays approved/publishing, retried later
        String stuck = ids.get("stuck");
        String stuckExt = store.find(stuck).orElseThrow().externalId();
        PlatformStubs.server().stubFor(post(urlEqualTo("/fb/" + stuckExt + "/comments")).willReturn(aResponse().withStatus(503)));
        PlatformStubs.server().stubFor(get(urlPathEqualTo("/fb/" + stuckExt + "/comments"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"data\":[]}")));
        service.claim(stuck, ANA, false);
        service.approve(stuck, ANA, null, false);
        await().atMost(Duration.ofSeconds(30)).until(() -> store.find(stuck).orElseThrow().state() == State.publishing);

        assertEquals(0, relay.flush(0), "every event is in Kafka");
        Map<String, Snapshot> before = new HashMap<>();
        ids.forEach((k, id) -> before.put(k, Snapshot.of(store.find(id).orElseThrow(), auditActions(id))));

        LostRedis.wipe(redis);
        assertTrue(store.find(published).isEmpty(), "Redis lost the queue");
        Staff.admin().post("/api/admin/rebuild").then().statusCode(200);

        ids.forEach((k, id) -> {
            Snapshot after = Snapshot.of(store.find(id).orElseThrow(), auditActions(id));
            Snapshot was = before.get(k);
            if (k.equals("stuck")) {
                assertEquals(was.approvedText(), after.approvedText());
                assertEquals(was.key(), after.key(), "same approval, same idempotency key");
            } else {
                assertEquals(was, after, k);
            }
        });
        Staff.responder().get("/api/queue/" + published).then().statusCode(200).body("state", equalTo("published"))
                .body("publication.platformReplyId", equalTo("g-1"));

        // the stuck reply goes out once the platform is back: once
        PlatformStubs.server().stubFor(post(urlEqualTo("/fb/" + stuckExt + "/comments"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"id\":\"fb-1\"}")));
        await().atMost(Duration.ofSeconds(30)).until(() -> store.find(stuck).orElseThrow().state() == State.published);
        long successes = PlatformStubs.server().getServeEvents().getRequests().stream()
                .filter(e -> e.getRequest().getUrl().equals("/fb/" + stuckExt + "/comments") && e.getResponse().getStatus() == 200
                        && e.getRequest().getMethod().getName().equals("POST"))
                .count();
        assertEquals(1, successes, "one reply on facebook");
        assertEquals(1, PlatformStubs.server().findAll(postRequestedFor(urlEqualTo("/callback"))
                .withRequestBody(matchingJsonPath("$.externalId", com.github.tomakehurst.wiremock.client.WireMock.equalTo(publishedExt)))).size(), "the published reply was not sent again");
    }
}
