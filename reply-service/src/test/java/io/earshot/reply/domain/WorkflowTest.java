package io.earshot.reply.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.reply.domain.QueueItem.State;
import io.earshot.reply.domain.Workflow.Action;
import io.earshot.reply.platform.ApprovedReply;
import io.earshot.reply.support.Items;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every action in every state: allowed where the table says, with the target it says, refused everywhere else. */
class WorkflowTest {

    /** The expected machine, written out independently of {@link Workflow}: action -> (from -> to). */
    static Map<Action, Map<State, State>> expected() {
        Map<Action, Map<State, State>> m = new EnumMap<>(Action.class);
        put(m, Action.CLAIM, "pending>claimed claimed>claimed escalated>claimed snoozed>claimed");
        put(m, Action.RELEASE, "claimed>pending");
        put(m, Action.EDIT, "claimed>claimed");
        put(m, Action.APPROVE, "claimed>approved");
        put(m, Action.REJECT, "pending>rejected claimed>rejected escalated>rejected snoozed>rejected failed>rejected");
        put(m, Action.ESCALATE, "pending>escalated claimed>escalated snoozed>escalated");
        put(m, Action.SNOOZE, "pending>snoozed claimed>snoozed");
        put(m, Action.WAKE, "snoozed>pending");
        put(m, Action.ASSIGN, "pending>pending claimed>claimed escalated>escalated snoozed>snoozed");
        String keep = "pending>pending claimed>claimed approved>approved publishing>publishing published>published "
                + "failed>failed rejected>rejected escalated>escalated snoozed>snoozed";
        put(m, Action.HIDE, keep);
        put(m, Action.UNHIDE, keep);
        put(m, Action.DELETE, keep);
        put(m, Action.START_PUBLISH, "approved>publishing publishing>publishing");
        put(m, Action.PUBLISHED, "publishing>published");
        put(m, Action.FAIL, "publishing>failed");
        put(m, Action.RETRY, "failed>approved");
        put(m, Action.RETRACT, "pending>retracted claimed>retracted escalated>retracted snoozed>retracted "
                + "approved>retracted failed>retracted rejected>retracted");
        put(m, Action.REDRAFT, "pending>pending claimed>claimed escalated>escalated snoozed>snoozed approved>pending failed>pending");
        put(m, Action.REPRIORITISE, "pending>pending claimed>claimed escalated>escalated snoozed>snoozed");
        put(m, Action.REFUSE_APPROVAL, "approved>pending publishing>pending");
        return m;
    }

    private static void put(Map<Action, Map<State, State>> m, Action a, String spec) {
        Map<State, State> t = new EnumMap<>(State.class);
        for (String pair : spec.split(" ")) {
            String[] p = pair.split(">");
            t.put(State.valueOf(p[0]), State.valueOf(p[1]));
        }
        m.put(a, t);
    }

    @Test
    void everyActionInEveryState() {
        Map<Action, Map<State, State>> table = expected();
        List<String> wrong = new ArrayList<>();
        int allowed = 0;
        int refused = 0;
        for (Action action : Action.values()) {
            for (State state : State.values()) {
                State want = table.get(action).get(state);
                if (want == null) {
                    refused++;
                    if (Workflow.allowed(action, state)) {
                        wrong.add(action + " from " + state + " should be refused");
                    }
                    assertThrows(IllegalStateException.class, () -> Workflow.to(action, state));
                } else {
                    allowed++;
                    if (!Workflow.allowed(action, state) || Workflow.to(action, state) != want) {
                        wrong.add(action + " from " + state + " should lead to " + want);
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(Action.values().length * State.values().length, allowed + refused);
    }

    @Test
    void terminalStatesOnlyAllowModerationOrNothing() {
        for (State terminal : List.of(State.published, State.rejected, State.retracted)) {
            for (Action action : Action.values()) {
                boolean moderation = action == Action.HIDE || action == Action.UNHIDE || action == Action.DELETE;
                boolean retractRejected = action == Action.RETRACT && terminal == State.rejected;
                if (!moderation && !retractRejected) {
                    assertFalse(Workflow.allowed(action, terminal), action + " from " + terminal);
                }
            }
        }
    }

    @Test
    void theOnlyWaysIntoApprovedAreAHumanApprovalOrARetryOfOne() {
        for (Action action : Action.values()) {
            for (State state : State.values()) {
                if (state != State.approved && Workflow.allowed(action, state) && Workflow.to(action, state) == State.approved) {
                    assertTrue(action == Action.APPROVE || action == Action.RETRY, action + " from " + state);
                }
            }
        }
    }

    @Test
    void anExpiredClaimOrSnoozeIsPendingAgain() {
        Instant now = Instant.parse("2026-11-01T12:00:00Z");
        QueueItem claimed = Items.complaint("x").withState(State.claimed).withHandling(hdl -> hdl.withClaimedBy("ana"));
        assertEquals(State.claimed, Workflow.effective(claimed, "ana", now));
        assertEquals(State.pending, Workflow.effective(claimed, null, now));
        QueueItem snoozed = Items.complaint("x").withState(State.snoozed).withHandling(hdl -> hdl.withSnoozedUntil(now.plusSeconds(60)));
        assertEquals(State.snoozed, Workflow.effective(snoozed, null, now));
        assertEquals(State.pending, Workflow.effective(snoozed, null, now.plusSeconds(61)));
    }

    @Test
    void nothingWithoutAHumanApprovalCanBecomeAPublishableReply() {
        QueueItem.Approval approval = new QueueItem.Approval("ana", Instant.now(), "Thanks!", "key-1", List.of());
        for (State state : State.values()) {
            QueueItem without = Items.complaint("facebook").withState(state);
            assertFalse(Workflow.publishable(without), state + " without approval");
            assertThrows(IllegalStateException.class, () -> ApprovedReply.of(without));
            QueueItem with = Items.complaint("facebook").withState(state).withApproval(approval);
            boolean ok = state == State.approved || state == State.publishing;
            assertEquals(ok, Workflow.publishable(with), state + " with approval");
        }
        QueueItem noApprover = Items.complaint("facebook").withState(State.approved)
                .withApproval(new QueueItem.Approval(null, Instant.now(), "Thanks!", "k", List.of()));
        assertFalse(Workflow.publishable(noApprover));
        QueueItem blank = Items.complaint("facebook").withState(State.approved)
                .withApproval(new QueueItem.Approval("ana", Instant.now(), " ", "k", List.of()));
        assertFalse(Workflow.publishable(blank));
        ApprovedReply reply = ApprovedReply.of(Items.complaint("facebook").withState(State.approved).withApproval(approval));
        assertEquals("Thanks!", reply.text());
        assertEquals("key-1", reply.idempotencyKey());
    }
}
