package io.earshot.reply.workflow;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.support.Items;
import io.earshot.reply.support.PlatformStubs;
import io.earshot.reply.support.Staff;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas must not both rebuild the queue. Another replica is played by writing its lock as it would (its own
 * token, a lease): this replica then refuses a rebuild, holds staff actions, and goes on when the lock is gone.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
@QuarkusTestResource(PlatformStubs.class)
class RebuildLockTest {

    static final String LOCK = "earshot:reply-lock:rebuild";

    @Inject
    RedisCommands<String, String> redis;

    @Inject
    QueueStore store;

    @Inject
    RebuildGate gate;

    @AfterEach
    void releaseOtherReplica() {
        redis.del(LOCK);
    }

    @Test
    void whileAnotherReplicaRebuildsThisOneRefusesToRebuildAndHoldsStaffActions() {
        QueueItem item = Items.complaint(Items.platform());
        assertTrue(store.createIfAbsent(item));
        redis.set(LOCK, "another-replica", SetArgs.Builder.nx().px(60_000));

        await().atMost(Duration.ofSeconds(5)).until(gate::closed);
        Staff.admin().post("/api/admin/rebuild").then().statusCode(409).body("detail", containsString("already running"));
        Staff.responder().post("/api/queue/" + item.id() + "/claim").then().statusCode(503)
                .contentType(containsString("application/problem+json"));

        redis.del(LOCK); // the other replica finished
        await().atMost(Duration.ofSeconds(5)).until(() -> !gate.closed());
        Staff.responder().post("/api/queue/" + item.id() + "/claim").then().statusCode(200);
    }

    @Test
    void aRebuildHoldsTheLockWhileItRunsAndGivesItBack() {
        assertTrue(gate.tryClose());
        try {
            assertTrue(redis.get(LOCK) != null, "the lock is in Redis for the other replicas");
            assertFalse(gate.tryClose(), "one rebuild at a time");
        } finally {
            gate.open();
        }
        assertTrue(redis.get(LOCK) == null, "released");
        Staff.admin().post("/api/admin/rebuild").then().statusCode(200);
        assertTrue(redis.get(LOCK) == null, "released after a full rebuild too");
    }
}
