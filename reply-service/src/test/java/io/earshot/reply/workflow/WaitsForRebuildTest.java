package io.earshot.reply.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.reply.domain.WorkflowException;
import io.earshot.reply.domain.Actor;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.support.Items;
import io.earshot.reply.support.PlatformStubs;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The rebuild gate is one mechanism: a method marked {@link WaitsForRebuild} does not run while a rebuild does. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
@QuarkusTestResource(PlatformStubs.class)
class WaitsForRebuildTest {

    @Inject
    RebuildGate gate;

    @Inject
    GatedProbe probe;

    @Inject
    QueueService service;

    @Inject
    QueueStore store;

    @AfterEach
    void reopen() {
        gate.open();
    }

    @Test
    void aGatedMethodDoesNotRunDuringARebuildAndRunsAfterIt() {
        QueueItem item = Items.complaint(Items.platform());
        assertTrue(store.createIfAbsent(item));
        int before = probe.ran();
        assertTrue(gate.tryClose(), "this replica starts a rebuild");

        probe.skipped();
        probe.selfCall();
        assertThrows(WorkflowException.class, probe::refused);
        assertEquals(before, probe.ran(), "nothing ran mid-rebuild");
        // a real gated entry point: a staff action is refused, the item unchanged
        Actor ana = new Actor("ana", false, false);
        assertThrows(WorkflowException.class, () -> service.claim(item.id(), ana, false));
        assertEquals(QueueItem.State.pending, store.find(item.id()).orElseThrow().state());

        gate.open();
        probe.skipped();
        probe.selfCall();
        probe.refused();
        assertEquals(before + 3, probe.ran());
    }
}
