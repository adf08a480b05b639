package io.earshot.reply.workflow;

import io.earshot.reply.domain.Actor;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.domain.QueueItems;
import io.earshot.reply.domain.Workflow.Action;
import io.earshot.reply.domain.WorkflowException;
import io.earshot.reply.messaging.ReplyEvent;
import io.earshot.reply.notify.Notifier;
import io.earshot.reply.redis.LearnedReplies;
import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.redis.QueueStore.LockMode;
import io.earshot.reply.redis.TimerStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Every change of a queue item goes through here, each action one {@link Step} declaration with its lock mode and
 * outbox operation; {@link StepRunner} commits it and announces it. Refusals are {@link WorkflowException}s with a
 * reason; HTTP is {@code api/}'s business.
 */
@ApplicationScoped
public class QueueService {

    private final StepRunner steps;
    private final ClaimAction claims;
    private final ApprovalChecks checks;
    private final Approvals approvals;
    private final LearnedReplies learned;
    private final TimerStore timers;
    private final Notifier notifier;

    public QueueService(StepRunner steps, ClaimAction claims, ApprovalChecks checks, Approvals approvals,
                        LearnedReplies learned, TimerStore timers, Notifier notifier) {
        this.steps = steps;
        this.claims = claims;
        this.checks = checks;
        this.approvals = approvals;
        this.learned = learned;
        this.timers = timers;
        this.notifier = notifier;
    }

    public Instant now() {
        return steps.now();
    }

    public QueueItem get(String id) {
        return steps.get(id);
    }

    /** The item as it really stands now (expired claims and snoozes are pending again). */
    public QueueItem current(QueueItem item) {
        return steps.current(item);
    }

    /** Applies a step to an item, refusing it with a {@link WorkflowException} that says why. */
    public QueueItem apply(String id, Step step) {
        return steps.apply(id, step);
    }

    /** A system step, retried when a person changed the item meanwhile. */
    public QueueItem system(String id, Step step) {
        return steps.retryingRaces(id, step);
    }

    /** Sends the event and waits for Kafka; when Kafka is down the change stands and the relay sends it later. */
    public void announce(ReplyEvent event) {
        steps.announce(event);
    }

    // ---- the responder's actions ----------------------------------------------------------------------------------

    public QueueItem claim(String id, Actor actor, boolean takeover) {
        return claims.claim(id, actor, takeover);
    }

    public QueueItem release(String id, Actor actor) {
        return apply(id, Step.of(Action.RELEASE, actor, leaving(actor)));
    }

    public QueueItem editDraft(String id, Actor actor, String text, long version) {
        QueueItem item = get(id);
        String lang = item.draft() == null ? item.lang() : item.draft().lang();
        return apply(id, Step.of(Action.EDIT, actor, LockMode.HOLD).expecting(version)
                .changing(i -> i.withDraft(new QueueItem.Draft(text, lang, "staff:" + actor.name(), actor.name(), item.commentVersion()))));
    }

    public QueueItem approve(String id, Actor actor, Long version, boolean override) {
        return approve(id, actor, version, override, null);
    }

    /**
     * Approves the current draft, exactly the text that was checked: if anything changed since (an edit, a redraft),
     * the commit refuses it. A machine-translated draft needs {@code shownTextHash} ({@link ApprovalChecks}).
     */
    public QueueItem approve(String id, Actor actor, Long version, boolean override, String shownTextHash) {
        QueueItem item = get(id);
        if (version != null && version != item.version()) {
            throw WorkflowException.staleVersion(version, item.version());
        }
        ApprovalChecks.Passed passed = checks.check(item, actor, override, shownTextHash);
        String key = QueueItems.idempotencyKey(id, item.version() + 1);
        Instant now = now();
        QueueItem approved = apply(id, Step.of(Action.APPROVE, actor, LockMode.OWNED).expecting(item.version())
                .because(passed.note())
                .changing(i -> i.withApproval(approvals.sign(item, actor.name(), now, item.draftText(), key, passed.overridden()))
                        .withPublication(QueueItem.Publication.NONE))
                .outbox(Step.Outbox.add(now)));
        learned.remember(approved);
        return approved;
    }

    public QueueItem reject(String id, Actor actor, String reason) {
        return apply(id, Step.of(Action.REJECT, actor, leaving(actor)).because(reason)
                .changing(i -> i.withStateReason(reason)).outbox(Step.Outbox.REMOVE));
    }

    /** Escalates to supervisors, who are mailed once the step is committed (never with the reason: staff wrote it). */
    public QueueItem escalate(String id, Actor actor, String reason) {
        QueueItem escalated = apply(id, Step.of(Action.ESCALATE, actor, leaving(actor)).because(reason)
                .changing(i -> i.withStateReason(reason)));
        notifier.escalated(escalated);
        return escalated;
    }

    public QueueItem snooze(String id, Actor actor, Instant until) {
        QueueItem snoozed = apply(id, Step.of(Action.SNOOZE, actor, leaving(actor)).because("until " + until)
                .changing(i -> i.withHandling(h -> h.withSnoozedUntil(until))));
        timers.at(QueueStore.SNOOZE_TIMER + id, until);
        return snoozed;
    }

    public QueueItem assign(String id, Actor actor, String assignee, String team) {
        String to = (assignee != null ? assignee : "") + (team != null ? (assignee != null ? " / " : "") + "team " + team : "");
        QueueItem assigned = apply(id, Step.of(Action.ASSIGN, actor, LockMode.NONE).because("to " + to)
                .changing(i -> i.withHandling(h -> h.withAssignee(assignee).withTeam(team))));
        notifier.assigned(assigned); // after the commit; the mail never holds up or fails the step
        return assigned;
    }

    /** Staff send a failed reply again, with the same approval and idempotency key. */
    public QueueItem retry(String id, Actor actor) {
        return apply(id, Step.of(Action.RETRY, actor, LockMode.NONE).changing(i -> i.withStateReason(null))
                .outbox(Step.Outbox.add(now())));
    }

    /** Records a moderation action that was carried out on the platform. */
    public QueueItem moderated(String id, Actor actor, Action action, String reason) {
        String status = switch (action) {
            case HIDE -> "hidden";
            case UNHIDE -> "visible";
            case DELETE -> "deleted";
            default -> throw new IllegalArgumentException(action.name());
        };
        Instant now = now();
        return apply(id, Step.of(action, actor, LockMode.NONE).because(reason)
                .changing(i -> i.withModeration(new QueueItem.Moderation(status, actor.name(), now))));
    }

    /** A person handing an item back: a supervisor's drops anyone's claim, anyone else's only their own. */
    private static LockMode leaving(Actor actor) {
        return actor.supervisor() ? LockMode.CLEAR : LockMode.FREE;
    }
}
