package io.earshot.reply.workflow;

import io.earshot.reply.domain.WorkflowException;
import io.earshot.reply.domain.Actor;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.domain.QueueItem.State;
import io.earshot.reply.domain.Workflow.Action;
import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.redis.QueueStore.LockMode;
import io.earshot.reply.redis.TimerStore;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Turns time into events: a claim whose lock ran out is released, a snooze that ended wakes the item, each as a
 * {@code replies} event and an audit line like any other change. Reads already treat both as pending; this makes
 * the change visible to everyone who follows the events.
 */
@ApplicationScoped
public class TimerSweep {

    private static final Logger LOG = Logger.getLogger(TimerSweep.class);

    @Inject
    QueueStore store;

    @Inject
    TimerStore timers;

    @Inject
    QueueService service;

    @Scheduled(every = "5s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @WaitsForRebuild
    void sweep() {
        try {
            Instant now = service.now();
            for (String timer : timers.due(now, 100)) {
                try {
                    fire(timer, now);
                } catch (WorkflowException e) {
                    // someone acted on the item meanwhile: nothing left to do
                    timers.done(timer);
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("timer sweep failed: %s", e.toString());
        }
    }

    void fire(String timer, Instant now) {
        boolean claim = timer.startsWith(QueueStore.CLAIM_TIMER);
        String id = timer.substring(timer.indexOf(':') + 1);
        Optional<QueueItem> found = store.find(id);
        if (found.isEmpty()) {
            timers.done(timer);
            return;
        }
        QueueItem item = found.get();
        if (claim) {
            if (item.state() != State.claimed) {
                timers.done(timer);
                return;
            }
            long ttl = store.claimTtlMillis(id);
            if (ttl > 0) {
                timers.at(timer, now.plusMillis(ttl));
                return;
            }
            service.apply(id, Step.of(Action.RELEASE, Actor.SYSTEM, LockMode.NONE).expecting(item.version()).onStoredState()
                    .because("the claim of " + item.claimedBy() + " ran out"));
        } else {
            if (item.state() != State.snoozed || item.snoozedUntil() == null || now.isBefore(item.snoozedUntil())) {
                if (item.state() == State.snoozed && item.snoozedUntil() != null) {
                    timers.at(timer, item.snoozedUntil());
                } else {
                    timers.done(timer);
                }
                return;
            }
            service.apply(id, Step.of(Action.WAKE, Actor.SYSTEM, LockMode.NONE).expecting(item.version()).onStoredState()
                    .because("snoozed until " + item.snoozedUntil()));
        }
        timers.done(timer);
    }
}
