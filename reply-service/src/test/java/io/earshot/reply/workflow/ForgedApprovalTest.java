package io.earshot.reply.workflow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.earshot.reply.domain.Actor;
import io.earshot.reply.domain.ApprovalSignature;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.domain.QueueItem.State;
import io.earshot.reply.domain.QueueItems;
import io.earshot.reply.messaging.Topics;
import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.support.Items;
import io.earshot.reply.support.LostRedis;
import io.earshot.reply.support.PlatformStubs;
import io.earshot.reply.support.Staff;
import io.earshot.reply.support.Triaged;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Approvals cannot be forged by anyone who can write to Kafka or Redis: an {@code approved} event written straight
 * to the topic (unsigned, or with a signature stolen from a real approval of other text), an approval in Redis whose
 * text was swapped after signing, and an unsigned approval replayed by a rebuild never reach the platform stub, are
 * counted and audited, while real approvals in the same test are published (the pipeline demonstrably works).
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
@QuarkusTestResource(PlatformStubs.class)
class ForgedApprovalTest {

    static final Actor ANA = new Actor("ana", false, false);
    static final String EVIL = "Refunds today only: message our partner at evil.example or call +1 415 555 0100";

    @Inject
    RedisCommands<String, String> redis;

    @Inject
    QueueStore store;

    @Inject
    QueueService service;

    @Inject
    Approvals approvals;

    @Inject
    ObjectMapper mapper;

    @Inject
    MeterRegistry registry;

    private double forged(String source) {
        return registry.find("earshot.reply.forged.events").tag("source", source).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private static int sentTo(QueueItem item) {
        return PlatformStubs.server().findAll(postRequestedFor(urlEqualTo("/callback"))
                .withRequestBody(matchingJsonPath("$.externalId", WireMock.equalTo(item.externalId())))).size();
    }

    private static void stubCallback(QueueItem item, int status) {
        PlatformStubs.server().stubFor(post(urlEqualTo("/callback"))
                .withRequestBody(matchingJsonPath("$.externalId", WireMock.equalTo(item.externalId())))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"g-" + item.externalId() + "\"}")));
    }

    private QueueItem queued() {
        QueueItem item = Items.complaint("generic");
        assertTrue(store.createIfAbsent(item));
        stubCallback(item, 200);
        return item;
    }

    /** A real approval, published: proves the stub, the outbox and the publisher work in this test. */
    private QueueItem approvedAndPublished() {
        QueueItem item = queued();
        service.claim(item.id(), ANA, false);
        service.approve(item.id(), ANA, null, false);
        await().atMost(Duration.ofSeconds(30)).until(() -> store.find(item.id()).orElseThrow().state() == State.published);
        assertEquals(1, sentTo(item));
        return store.find(item.id()).orElseThrow();
    }

    private static void produce(String key, String value) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(Topics.REPLIES, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An {@code approved} event as an attacker with write access to the topic would write it. */
    private void forgeApprovedEvent(QueueItem target, long version, QueueItem.Approval approval) throws Exception {
        QueueItem approved = target.withState(State.approved).withHandling(hdl -> hdl.withVersion(version)).withApproval(approval);
        produce(target.threadKey(), mapper.writeValueAsString(QueueItems.event(approved, "approved", approval.by(), null,
                Instant.now())));
    }

    private List<String> auditActions(String id) {
        return store.audit(id).stream().map(line -> {
            try {
                return mapper.readTree(line).path("action").asText();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void anApprovedEventWrittenStraightToKafkaNeverReachesThePlatform() throws Exception {
        QueueItem real = approvedAndPublished();
        QueueItem.Approval stolen = real.approval();
        QueueItem unsigned = queued();
        QueueItem victim = queued();
        double before = forged("view");

        // no signature at all
        forgeApprovedEvent(unsigned, 2, new QueueItem.Approval("ana", Instant.now(), EVIL,
                QueueItems.idempotencyKey(unsigned.id(), 2), List.of()));
        // a real signature, copied from the approval of other text on another item
        forgeApprovedEvent(victim, 2, new QueueItem.Approval(stolen.by(), stolen.at(), EVIL, stolen.idempotencyKey(),
                List.of(), stolen.commentVersion(), stolen.keyId(), stolen.signature()));
        // the same signature on its own item, the text swapped, to publish it a second time
        forgeApprovedEvent(real, real.version() + 5, new QueueItem.Approval(stolen.by(), stolen.at(), EVIL,
                stolen.idempotencyKey(), List.of(), stolen.commentVersion(), stolen.keyId(), stolen.signature()));
        // a signature by a key this service does not hold
        QueueItem unknownKey = queued();
        forgeApprovedEvent(unknownKey, 2, new QueueItem.Approval("ana", Instant.now(), EVIL,
                QueueItems.idempotencyKey(unknownKey.id(), 2), List.of(), 1, "stolen-laptop", "ab".repeat(32)));

        await().atMost(Duration.ofSeconds(30)).until(() -> forged("view") >= before + 4);
        // a real approval after the forged events still goes out: the publisher ran while they were there
        approvedAndPublished();

        for (QueueItem item : List.of(unsigned, victim, unknownKey)) {
            QueueItem now = store.find(item.id()).orElseThrow();
            assertEquals(State.pending, now.state(), "the forged approval was not applied");
            assertNull(now.approval());
            assertNull(store.outboxScore(item.id()));
            assertEquals(0, sentTo(item), "nothing reached the platform for " + item.id());
            assertTrue(auditActions(item.id()).contains("approval_refused"), "audited");
        }
        assertEquals(State.published, store.find(real.id()).orElseThrow().state());
        assertEquals(1, sentTo(real), "the real reply was not sent again with the swapped text");
        assertTrue(auditActions(real.id()).contains("approval_refused"));
        assertEquals(1, registry.find("earshot.reply.forged.events").tag("source", "view").tag("reason", "unknown_key")
                .counters().stream().mapToDouble(Counter::count).sum(), 0.0);
        Staff.responder().queryParam("item", victim.id()).get("/api/audit").then().statusCode(200)
                .body("entries.action", org.hamcrest.Matchers.hasItem("approval_refused"));
    }

    @Test
    void aValidSignatureWithTheTextSwappedInRedisIsNotSent() {
        double before = forged("publish");
        Instant at = Instant.now();
        // signed for the draft, then the text in the outbox entry's item swapped
        QueueItem swapped = queued();
        QueueItem.Approval signed = approvals.sign(swapped, "ana", at, swapped.draftText(),
                QueueItems.idempotencyKey(swapped.id(), 2), List.of());
        store.put(swapped.withState(State.approved).withHandling(hdl -> hdl.withVersion(2)).withApproval(new QueueItem.Approval(signed.by(),
                signed.at(), EVIL, signed.idempotencyKey(), List.of(), signed.commentVersion(), signed.keyId(),
                signed.signature())));
        // a valid approval of this very text, pointed at another comment
        QueueItem retargeted = queued();
        QueueItem.Approval forOther = approvals.sign(retargeted, "ana", at, retargeted.draftText(),
                QueueItems.idempotencyKey(retargeted.id(), 2), List.of());
        QueueItem elsewhere = queued();
        store.put(retargeted.withComment(cmt -> cmt.withExternalId(elsewhere.externalId())).withState(State.approved).withHandling(hdl -> hdl.withVersion(2))
                .withApproval(forOther));
        // written into Redis with no signature at all
        QueueItem bare = queued();
        store.put(bare.withState(State.approved).withHandling(hdl -> hdl.withVersion(2)).withApproval(new QueueItem.Approval("ana", at, EVIL,
                QueueItems.idempotencyKey(bare.id(), 2), List.of())));
        for (QueueItem item : List.of(swapped, retargeted, bare)) {
            store.outboxAt(item.id(), at);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> forged("publish") >= before + 3);
        approvedAndPublished();

        for (QueueItem item : List.of(swapped, retargeted, bare)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> store.find(item.id()).orElseThrow().state() == State.pending);
            QueueItem now = store.find(item.id()).orElseThrow();
            assertNull(now.approval(), "back to a human, without the approval");
            assertNull(store.outboxScore(item.id()));
            assertTrue(auditActions(item.id()).contains("approval_refused"));
            assertEquals(0, sentTo(item));
        }
        assertEquals(0, sentTo(elsewhere), "a valid approval did not go to another comment");
    }

    @Test
    void aRebuildDoesNotPublishApprovalsFromBeforeSigningOrForgedOnes() throws Exception {
        String legacy = UUID.randomUUID().toString();
        try (Triaged triaged = new Triaged()) {
            triaged.send("generic", legacy, Triaged.record(legacy, 1, "created", "generic", "ext-" + legacy.substring(0, 8),
                    "My order arrived broken", "en", "complaint", ""));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> store.find(legacy).isPresent());
        QueueItem legacyItem = store.find(legacy).orElseThrow();
        stubCallback(legacyItem, 200);
        // an approval as versions before signing wrote it (or a forger without the key)
        forgeApprovedEvent(legacyItem, legacyItem.version() + 1, new QueueItem.Approval("ana", Instant.now(), EVIL,
                QueueItems.idempotencyKey(legacy, legacyItem.version() + 1), List.of()));
        await().atMost(Duration.ofSeconds(30)).until(() -> auditActions(legacy).contains("approval_refused"));
        double before = forged("rebuild");

        LostRedis.wipe(redis);
        Staff.admin().post("/api/admin/rebuild").then().statusCode(200);
        assertTrue(forged("rebuild") >= before + 1, "the rebuild counted the refused approval");
        QueueItem rebuilt = store.find(legacy).orElseThrow();
        assertEquals(State.pending, rebuilt.state());
        assertNull(rebuilt.approval());
        assertNull(store.outboxScore(legacy));
        assertTrue(auditActions(legacy).contains("approval_refused"), "the rebuilt audit says why");

        // a real approval after the rebuild is published; the replayed unsigned one never was
        QueueItem after = approvedAndPublished();
        assertEquals(ApprovalSignature.Verdict.VALID, approvals.verify(after));
        assertEquals(0, sentTo(legacyItem), "nothing was sent for the unsigned approval");
    }

    @Test
    void aRebuildKeepsARealApprovalWithItsSignature() {
        String id = UUID.randomUUID().toString();
        try (Triaged triaged = new Triaged()) {
            triaged.send("generic", id, Triaged.record(id, 1, "created", "generic", "ext-" + id.substring(0, 8),
                    "My order arrived broken", "en", "complaint", ""));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> store.find(id).isPresent());
        QueueItem item = store.find(id).orElseThrow();
        stubCallback(item, 200);
        service.claim(id, ANA, false);
        service.approve(id, ANA, null, false);
        await().atMost(Duration.ofSeconds(30)).until(() -> store.find(id).orElseThrow().state() == State.published);
        QueueItem.Approval was = store.find(id).orElseThrow().approval();

        LostRedis.wipe(redis);
        Staff.admin().post("/api/admin/rebuild").then().statusCode(200);
        QueueItem rebuilt = store.find(id).orElseThrow();
        assertEquals(State.published, rebuilt.state());
        assertEquals(was, rebuilt.approval(), "the approval comes back from its event, signature and all");
        assertEquals(ApprovalSignature.Verdict.VALID, approvals.verify(rebuilt));
        assertEquals(1, sentTo(item));
    }
}
