package io.earshot.reply.workflow;

import io.earshot.reply.config.WorkflowConfig;
import io.earshot.reply.domain.AuditEntry;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.domain.QueueItem.State;
import io.earshot.reply.domain.QueueItems;
import io.earshot.reply.domain.Workflow;
import io.earshot.reply.domain.WorkflowException;
import io.earshot.reply.domain.WorkflowException.Reason;
import io.earshot.reply.messaging.ReplyEvent;
import io.earshot.reply.messaging.ReplyEventPublisher;
import io.earshot.reply.redis.ParkedEvents;
import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.redis.QueueStore.LockMode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Runs a {@link Step}: the state machine says whether it may happen, the store commits it atomically (version, claim
 * lock, audit, outbox, parked event) and the event goes to {@code replies} before the caller hears back. An event Kafka
 * did not acknowledge stays parked in Redis and {@link EventRelay} sends it later.
 */
@ApplicationScoped
public class StepRunner {

    private static final Logger LOG = Logger.getLogger(StepRunner.class);
    /** Lock modes under which another person's claim stops the step before the store is asked. */
    private static final Set<LockMode> NEEDS_CLAIM = EnumSet.of(LockMode.HOLD, LockMode.OWNED, LockMode.ACQUIRE,
            LockMode.FREE, LockMode.UNLOCKED);
    private static final int RACE_ATTEMPTS = 5;

    private final QueueStore store;
    private final ParkedEvents parked;
    private final ReplyEventPublisher publisher;
    private final WorkflowConfig config;
    Clock clock = Clock.systemUTC();

    public StepRunner(QueueStore store, ParkedEvents parked, ReplyEventPublisher publisher, WorkflowConfig config) {
        this.store = store;
        this.parked = parked;
        this.publisher = publisher;
        this.config = config;
    }

    public Instant now() {
        return clock.instant();
    }

    public QueueItem get(String id) {
        return store.find(id).orElseThrow(() -> WorkflowException.notFound(id));
    }

    /** The item as it really stands now (expired claims and snoozes are pending again). */
    public QueueItem current(QueueItem item) {
        String holder = item.state() == State.claimed ? store.claimHolder(item.id()) : null;
        State effective = Workflow.effective(item, holder, now());
        if (effective == item.state()) {
            return item;
        }
        return item.withHandling(h -> h.withState(effective).withClaimedBy(effective == State.claimed ? holder : null));
    }

    /** Applies a step to an item, refusing it with a reason when it may not happen. */
    @WaitsForRebuild(WaitsForRebuild.Mode.REFUSE)
    public QueueItem apply(String id, Step step) {
        QueueItem stored = get(id);
        Step.Guard guard = step.guard();
        if (guard.clientVersion() != null && guard.clientVersion() != stored.version()) {
            throw WorkflowException.staleVersion(guard.clientVersion(), stored.version());
        }
        String holder = store.claimHolder(id);
        State from = guard.storedState() ? stored.state() : Workflow.effective(stored, holder, now());
        if (!Workflow.allowed(step.action(), from)) {
            throw WorkflowException.wrongState("cannot " + step.action().name().toLowerCase() + " an item that is " + from);
        }
        if (from == State.claimed && holder != null && !holder.equals(step.actor().name()) && NEEDS_CLAIM.contains(guard.lock())) {
            throw WorkflowException.claimedBy(holder);
        }
        State to = Workflow.to(step.action(), from);
        Instant now = now();
        QueueItem moved = stored.withHandling(h -> h.withState(to).withVersion(stored.version() + 1).withUpdatedAt(now)
                .withClaimedBy(to == State.claimed ? h.claimedBy() : null)
                .withSnoozedUntil(to == State.snoozed ? h.snoozedUntil() : null));
        QueueItem after = step.change().mutate().apply(moved);
        String before = stored.draftText();
        String previous = Objects.equals(before, after.draftText()) ? null : before;
        AuditEntry audit = new AuditEntry(now, step.actor().name(), step.action().eventType, from.name(), to.name(),
                after.version(), previous, previous == null ? null : after.draftText(), step.reason());
        ReplyEvent event = QueueItems.event(after, step.action().eventType, step.actor().name(), step.reason(), previous, now);
        QueueStore.Refusal refusal = store.apply(new QueueStore.Change(stored.version(), after, guard.lock(),
                step.actor().name(), config.claimTtl(), store.json(audit), event.eventId(), store.json(event),
                step.outbox().op(), step.outbox().at(), stored));
        if (refusal != null) {
            throw refused(id, refusal);
        }
        announce(event);
        return after;
    }

    /** The store's refusal as the workflow's: its reason decides, never its text. */
    private static WorkflowException refused(String id, QueueStore.Refusal refusal) {
        return switch (refusal.reason()) {
            case MISSING -> WorkflowException.notFound(id);
            case LOCKED -> refusal.detail().isEmpty()
                    ? new WorkflowException(Reason.CLAIMED,
                    "you do not hold the claim on this item (it expired or was released); claim it again")
                    : WorkflowException.claimedBy(refusal.detail());
            case STALE -> new WorkflowException(Reason.CHANGED_MEANWHILE,
                    "the item changed meanwhile (now version " + refusal.detail() + "); reload it");
        };
    }

    /**
     * Applies a step that does not depend on the version its caller saw, re-reading the item when another change won
     * the race: two claims at once then end as one claim and one "claimed by", never as "changed meanwhile".
     */
    public QueueItem retryingRaces(String id, Step step) {
        for (int attempt = 1; ; attempt++) {
            try {
                return apply(id, step);
            } catch (WorkflowException e) {
                if (e.reason() != Reason.CHANGED_MEANWHILE || attempt >= RACE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Sends the event and waits for Kafka; when Kafka is down the change stands and the relay sends it later. */
    public void announce(ReplyEvent event) {
        try {
            publisher.publish(event).await().atMost(Duration.ofSeconds(5));
            parked.sent(event.eventId());
        } catch (RuntimeException e) {
            LOG.warnf("event %s (%s of %s) parked until Kafka acknowledges it: %s", event.eventId(), event.type(),
                    event.itemId(), e.toString());
        }
    }
}
