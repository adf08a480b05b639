package io.earshot.reply.domain;

import static io.earshot.reply.domain.QueueItem.State.approved;
import static io.earshot.reply.domain.QueueItem.State.claimed;
import static io.earshot.reply.domain.QueueItem.State.escalated;
import static io.earshot.reply.domain.QueueItem.State.failed;
import static io.earshot.reply.domain.QueueItem.State.pending;
import static io.earshot.reply.domain.QueueItem.State.published;
import static io.earshot.reply.domain.QueueItem.State.publishing;
import static io.earshot.reply.domain.QueueItem.State.rejected;
import static io.earshot.reply.domain.QueueItem.State.retracted;
import static io.earshot.reply.domain.QueueItem.State.snoozed;

import io.earshot.reply.domain.QueueItem.State;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The queue's state machine: which action may happen in which state, and where it leads. One table, so the rules
 * the API enforces, the rules the publisher enforces and the rules the tests check are the same.
 *
 * <p>The approval invariant lives here: the only way into {@code approved} is {@link Action#APPROVE} (a human, from
 * {@code claimed}) or {@link Action#RETRY} of a failed item that already carries a human's approval; publishing starts
 * only from {@code approved} (or resumes from {@code publishing} after a crash).
 */
public final class Workflow {

    /** What can happen to an item. */
    public enum Action {
        CLAIM("claimed"), RELEASE("released"), EDIT("edited"), APPROVE("approved"), REJECT("rejected"),
        ESCALATE("escalated"), SNOOZE("snoozed"), WAKE("woken"), ASSIGN("assigned"), HIDE("hidden"),
        UNHIDE("unhidden"), DELETE("deleted"), START_PUBLISH("publishing"), PUBLISHED("published"),
        FAIL("failed"), RETRY("retried"), RETRACT("retracted"), REDRAFT("redrafted"),
        /** A new priority for an open item (its author was marked or unmarked VIP): re-ranked, state unchanged. */
        REPRIORITISE("reprioritised"),
        /** The approval's signature did not verify (forged, or from before approvals were signed): back to a human. */
        REFUSE_APPROVAL("approval_refused");

        /** The {@code replies} event type this action announces. */
        public final String eventType;

        Action(String eventType) {
            this.eventType = eventType;
        }
    }

    private static final Set<State> OPEN = EnumSet.of(pending, claimed, escalated, snoozed);
    private static final Set<State> ANY_BUT_GONE = EnumSet.complementOf(EnumSet.of(retracted));

    private static final Map<Action, Set<State>> FROM = Map.ofEntries(
            Map.entry(Action.CLAIM, EnumSet.of(pending, claimed, escalated, snoozed)),
            Map.entry(Action.RELEASE, EnumSet.of(claimed)),
            Map.entry(Action.EDIT, EnumSet.of(claimed)),
            Map.entry(Action.APPROVE, EnumSet.of(claimed)),
            Map.entry(Action.REJECT, EnumSet.of(pending, claimed, escalated, snoozed, failed)),
            Map.entry(Action.ESCALATE, EnumSet.of(pending, claimed, snoozed)),
            Map.entry(Action.SNOOZE, EnumSet.of(pending, claimed)),
            Map.entry(Action.WAKE, EnumSet.of(snoozed)),
            Map.entry(Action.ASSIGN, OPEN),
            Map.entry(Action.HIDE, ANY_BUT_GONE),
            Map.entry(Action.UNHIDE, ANY_BUT_GONE),
            Map.entry(Action.DELETE, ANY_BUT_GONE),
            Map.entry(Action.START_PUBLISH, EnumSet.of(approved, publishing)),
            Map.entry(Action.PUBLISHED, EnumSet.of(publishing)),
            Map.entry(Action.FAIL, EnumSet.of(publishing)),
            Map.entry(Action.RETRY, EnumSet.of(failed)),
            Map.entry(Action.RETRACT, EnumSet.of(pending, claimed, escalated, snoozed, approved, failed, rejected)),
            Map.entry(Action.REDRAFT, EnumSet.of(pending, claimed, escalated, snoozed, approved, failed)),
            Map.entry(Action.REPRIORITISE, OPEN),
            Map.entry(Action.REFUSE_APPROVAL, EnumSet.of(approved, publishing)));

    private Workflow() {
    }

    /** Whether {@code action} may happen to an item in {@code state}. */
    public static boolean allowed(Action action, State state) {
        return FROM.get(action).contains(state);
    }

    /** The states {@code action} may happen in. */
    public static Set<State> from(Action action) {
        return FROM.get(action);
    }

    /** Where {@code action} leads from {@code state}; throws when it is not allowed there. */
    public static State to(Action action, State state) {
        if (!allowed(action, state)) {
            throw new IllegalStateException("cannot " + action.name().toLowerCase() + " an item that is " + state);
        }
        return switch (action) {
            case CLAIM, EDIT -> claimed;
            case RELEASE, WAKE, REFUSE_APPROVAL -> pending;
            case APPROVE, RETRY -> approved;
            case REJECT -> rejected;
            case ESCALATE -> escalated;
            case SNOOZE -> snoozed;
            case ASSIGN, HIDE, UNHIDE, DELETE, REPRIORITISE -> state;
            case START_PUBLISH -> publishing;
            case PUBLISHED -> published;
            case FAIL -> failed;
            case RETRACT -> retracted;
            // an approval was for the old text: the reply goes back to a human
            case REDRAFT -> state == approved || state == failed ? pending : state;
        };
    }

    /**
     * The state an item is really in: a claim whose lock expired is pending again, and a snooze that ran out is
     * pending again.
     *
     * @param holder who holds the claim lock now, or null
     */
    public static State effective(QueueItem item, String holder, Instant now) {
        if (item.state() == claimed && holder == null) {
            return pending;
        }
        if (item.state() == snoozed && item.snoozedUntil() != null && !now.isBefore(item.snoozedUntil())) {
            return pending;
        }
        return item.state();
    }

    /** Whether a reply may be sent for this item: it is approved (or being published) and carries an approval. */
    public static boolean publishable(QueueItem item) {
        return (item.state() == approved || item.state() == publishing) && item.approval() != null
                && item.approval().by() != null && item.approval().text() != null
                && !item.approval().text().isBlank() && item.approval().idempotencyKey() != null;
    }
}
