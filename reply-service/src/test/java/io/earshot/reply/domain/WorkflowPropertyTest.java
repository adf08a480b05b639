package io.earshot.reply.domain;

import static io.earshot.reply.domain.QueueItem.State.approved;
import static io.earshot.reply.domain.QueueItem.State.claimed;
import static io.earshot.reply.domain.QueueItem.State.escalated;
import static io.earshot.reply.domain.QueueItem.State.pending;
import static io.earshot.reply.domain.QueueItem.State.published;
import static io.earshot.reply.domain.QueueItem.State.publishing;
import static io.earshot.reply.domain.QueueItem.State.rejected;
import static io.earshot.reply.domain.QueueItem.State.retracted;
import static io.earshot.reply.domain.QueueItem.State.snoozed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.reply.domain.QueueItem.State;
import io.earshot.reply.domain.Workflow.Action;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the queue state machine over any sequence of actions (each applied only when the machine allows it):
 * nothing reaches the platform without a human's approval given since the item was last open for editing, a reply
 * is published at most once, and published and retracted items stay so.
 */
class WorkflowPropertyTest {

    /** States in which a human may still change the reply: an approval given before does not count after them. */
    private static final Set<State> OPEN = EnumSet.of(pending, claimed, escalated, snoozed, rejected, retracted);

    @Provide
    Arbitrary<List<Action>> runs() {
        return Arbitraries.of(Action.class).list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 2000)
    void publishingNeedsAnApprovalSinceTheItemWasLastOpen(@ForAll("runs") List<Action> actions) {
        State state = pending;
        boolean approvedSinceOpen = false;
        int publishedCount = 0;
        for (Action action : actions) {
            if (!Workflow.allowed(action, state)) {
                continue;
            }
            if (action == Action.START_PUBLISH || action == Action.PUBLISHED) {
                State from = state;
                assertTrue(approvedSinceOpen, () -> action + " from " + from + " without an approval since it was open: " + actions);
            }
            state = Workflow.to(action, state);
            if (action == Action.APPROVE) {
                approvedSinceOpen = true;
            }
            if (OPEN.contains(state)) {
                approvedSinceOpen = false;
            }
            if (action == Action.PUBLISHED) {
                publishedCount++;
            }
        }
        assertTrue(publishedCount <= 1, () -> "published more than once: " + actions);
    }

    @Property(tries = 500)
    void aRefusedActionThrowsAndAnAllowedOneDoesNot(@ForAll Action action, @ForAll State state) {
        if (Workflow.allowed(action, state)) {
            assertNotNull(Workflow.to(action, state));
        } else {
            assertThrows(IllegalStateException.class, () -> Workflow.to(action, state));
        }
    }

    @Property(tries = 500)
    void publishedAndRetractedAreFinal(@ForAll Action action) {
        if (Workflow.allowed(action, published)) {
            assertEquals(published, Workflow.to(action, published), action.name());
        }
        assertFalse(Workflow.allowed(action, retracted), action.name());
    }

    @Property(tries = 500)
    void onlyApprovalOrARetryOfAnApprovedReplyLeadsToApproved(@ForAll Action action, @ForAll State state) {
        if (Workflow.allowed(action, state) && Workflow.to(action, state) == approved && state != approved) {
            assertTrue(action == Action.APPROVE || action == Action.RETRY, action.name());
        }
        if (Workflow.allowed(action, state) && Workflow.to(action, state) == publishing && state != publishing) {
            assertEquals(approved, state, action.name());
        }
    }
}
