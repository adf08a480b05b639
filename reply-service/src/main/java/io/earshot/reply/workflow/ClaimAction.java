package io.earshot.reply.workflow;

import io.earshot.reply.config.WorkflowConfig;
import io.earshot.reply.domain.Actor;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.domain.QueueItem.State;
import io.earshot.reply.domain.Workflow.Action;
import io.earshot.reply.domain.WorkflowException;
import io.earshot.reply.domain.WorkflowException.Reason;
import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.redis.QueueStore.LockMode;
import io.earshot.reply.redis.TimerStore;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Claiming an item, and a supervisor taking a claim over: who may, what the audit says, and the timer that releases
 * a claim nobody renewed. Two claims at once end as one claim and one "claimed by" ({@link StepRunner#retryingRaces}).
 */
@ApplicationScoped
public class ClaimAction {

    private final StepRunner steps;
    private final QueueStore store;
    private final TimerStore timers;
    private final WorkflowConfig config;

    public ClaimAction(StepRunner steps, QueueStore store, TimerStore timers, WorkflowConfig config) {
        this.steps = steps;
        this.store = store;
        this.timers = timers;
        this.config = config;
    }

    public QueueItem claim(String id, Actor actor, boolean takeover) {
        QueueItem item = steps.get(id);
        String holder = store.claimHolder(id);
        if (takeover && !actor.supervisor()) {
            throw new WorkflowException(Reason.FORBIDDEN, "only a supervisor can take over a claim");
        }
        if (holder != null && !holder.equals(actor.name()) && !takeover) {
            throw WorkflowException.claimedBy(holder);
        }
        if (item.state() == State.escalated && !actor.supervisor()) {
            throw WorkflowException.wrongState("the item was escalated: a supervisor handles it");
        }
        String reason = takeover && holder != null && !holder.equals(actor.name()) ? "taken over from " + holder : null;
        QueueItem claimed = steps.retryingRaces(id, Step.of(Action.CLAIM, actor, takeover ? LockMode.TAKEOVER : LockMode.ACQUIRE)
                .because(reason)
                .changing(i -> i.withHandling(h -> h.withClaimedBy(actor.name()))));
        timers.at(QueueStore.CLAIM_TIMER + id, steps.now().plus(config.claimTtl()));
        return claimed;
    }
}
