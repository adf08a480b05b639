package io.earshot.reply.workflow;

import io.earshot.reply.domain.Actor;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.domain.Workflow.Action;
import io.earshot.reply.redis.QueueStore.LockMode;
import io.earshot.reply.redis.QueueStore.OutboxOp;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * One requested change of an item, declared in three parts: what it does to the item ({@link Change}), what it
 * expects of the claim lock and the version ({@link Guard}) and what it does to the publishing outbox
 * ({@link Outbox}). An action reads as one declaration:
 * {@code Step.of(Action.APPROVE, actor, LockMode.OWNED).expecting(version).changing(...).outbox(Outbox.add(now))}.
 */
public record Step(Action action, Actor actor, Change change, Guard guard, Outbox outbox) {

    /** The item change (through the parts' {@code with*} methods) and the note the audit trail and event carry. */
    public record Change(UnaryOperator<QueueItem> mutate, String reason) {
        static final Change NONE = new Change(UnaryOperator.identity(), null);
    }

    /**
     * What the commit checks first: how it treats the claim lock, the version the caller saw (null: any), and
     * whether the action is decided on the stored state (the timer sweep: a claim that ran out is still "claimed"
     * there) rather than the effective one.
     */
    public record Guard(LockMode lock, Long clientVersion, boolean storedState) {
    }

    /** What the same atomic commit does with the publishing outbox, and from when an added entry is due. */
    public record Outbox(OutboxOp op, Instant at) {
        public static final Outbox NONE = new Outbox(OutboxOp.NONE, null);
        public static final Outbox REMOVE = new Outbox(OutboxOp.REMOVE, null);

        public static Outbox add(Instant at) {
            return new Outbox(OutboxOp.ADD, at);
        }
    }

    /** A step that changes nothing but the state, at any version, leaving the outbox alone. */
    public static Step of(Action action, Actor actor, LockMode lock) {
        return new Step(action, actor, Change.NONE, new Guard(lock, null, false), Outbox.NONE);
    }

    public Step changing(UnaryOperator<QueueItem> mutate) {
        return new Step(action, actor, new Change(mutate, change.reason()), guard, outbox);
    }

    public Step because(String reason) {
        return new Step(action, actor, new Change(change.mutate(), reason), guard, outbox);
    }

    /** Refused unless the item is still at the version the caller saw (null: any version). */
    public Step expecting(Long version) {
        return new Step(action, actor, change, new Guard(guard.lock(), version, guard.storedState()), outbox);
    }

    /** Decided on the stored state, not on the effective one (see {@link Guard}). */
    public Step onStoredState() {
        return new Step(action, actor, change, new Guard(guard.lock(), guard.clientVersion(), true), outbox);
    }

    public Step outbox(Outbox op) {
        return new Step(action, actor, change, guard, op);
    }

    LockMode lock() {
        return guard.lock();
    }

    String reason() {
        return change.reason();
    }
}
