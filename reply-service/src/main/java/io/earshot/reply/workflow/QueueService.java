package io.earshot.reply.workflow;

import io.earshot.commons.api.Problem;
import io.earshot.commons.api.ProblemException;
import io.earshot.reply.config.WorkflowConfig;
import io.earshot.reply.domain.Actor;
import io.earshot.reply.domain.AuditEntry;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.domain.QueueItem.State;
import io.earshot.reply.domain.QueueItems;
import io.earshot.reply.domain.ReplyLint;
import io.earshot.reply.domain.Workflow;
import io.earshot.reply.domain.Workflow.Action;
import io.earshot.reply.messaging.ReplyEvent;
import io.earshot.reply.messaging.ReplyEventPublisher;
import io.earshot.reply.redis.LearnedReplies;
import io.earshot.reply.redis.ParkedEvents;
import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.redis.QueueStore.LockMode;
import io.earshot.reply.redis.QueueStore.OutboxOp;
import io.earshot.reply.redis.TimerStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;

/**
 * Every change of a queue item goes through here: the state machine says whether it may happen, the store applies it
 * atomically (version, claim lock, audit, outbox), and the change is announced on {@code replies} before the caller
 * hears back. An event Kafka did not acknowledge stays parked in Redis and {@link EventRelay} sends it later.
 */
@ApplicationScoped
public class QueueService {

    private static final Logger LOG = Logger.getLogger(QueueService.class);

    @Inject
    QueueStore store;

    @Inject
    TimerStore timers;

    @Inject
    ParkedEvents parked;

    @Inject
    ReplyEventPublisher publisher;

    @Inject
    WorkflowConfig config;

    @Inject
    Lints lints;

    @Inject
    LearnedReplies learned;

    @Inject
    Approvals approvals;

    Clock clock = Clock.systemUTC();

    /** One requested change. */
    public record Step(Action action, Actor actor, LockMode lock, Long clientVersion, String reason,
                       UnaryOperator<QueueItem> mutate, OutboxOp outbox, Instant outboxAt, boolean stored) {

        public Step(Action action, Actor actor, LockMode lock, Long clientVersion, String reason,
                    UnaryOperator<QueueItem> mutate, OutboxOp outbox, Instant outboxAt) {
            this(action, actor, lock, clientVersion, reason, mutate, outbox, outboxAt, false);
        }

        public Step(Action action, Actor actor, LockMode lock, Long clientVersion, String reason,
                    UnaryOperator<QueueItem> mutate) {
            this(action, actor, lock, clientVersion, reason, mutate, OutboxOp.NONE, null);
        }
    }

    public Instant now() {
        return clock.instant();
    }

    public QueueItem get(String id) {
        return store.find(id).orElseThrow(() -> ProblemException.status(Response.Status.NOT_FOUND, "no queue item " + id));
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

    /** Applies a step to an item, refusing it with a 409 that says why. */
    @WaitsForRebuild(WaitsForRebuild.Mode.REFUSE)
    public QueueItem apply(String id, Step step) {
        QueueItem stored = get(id);
        if (step.clientVersion() != null && step.clientVersion() != stored.version()) {
            throw conflict("the item changed since you loaded it: you sent version " + step.clientVersion()
                    + ", it is at version " + stored.version() + "; reload it");
        }
        String holder = store.claimHolder(id);
        // the timer sweep acts on the stored state (a claim that ran out is still "claimed" there)
        State from = step.stored() ? stored.state() : Workflow.effective(stored, holder, now());
        if (!Workflow.allowed(step.action(), from)) {
            throw conflict("cannot " + step.action().name().toLowerCase() + " an item that is " + from);
        }
        if (from == State.claimed && holder != null && !holder.equals(step.actor().name())
                && needsClaim(step) && step.lock() != LockMode.TAKEOVER && step.lock() != LockMode.CLEAR) {
            throw claimedBy(holder);
        }
        State to = Workflow.to(step.action(), from);
        Instant now = now();
        QueueItem b = stored.withHandling(h -> h.withState(to).withVersion(stored.version() + 1).withUpdatedAt(now)
                .withClaimedBy(to == State.claimed ? h.claimedBy() : null)
                .withSnoozedUntil(to == State.snoozed ? h.snoozedUntil() : null));
        QueueItem after = step.mutate().apply(b);
        String before = stored.draftText();
        String previous = Objects.equals(before, after.draftText()) ? null : before;
        AuditEntry audit = new AuditEntry(now, step.actor().name(), step.action().eventType, from.name(), to.name(),
                after.version(), previous == null ? null : before, previous == null ? null : after.draftText(), step.reason());
        ReplyEvent event = QueueItems.event(after, step.action().eventType, step.actor().name(), step.reason(), previous, now);
        QueueStore.Refusal refusal = store.apply(new QueueStore.Change(stored.version(), after, step.lock(),
                step.actor().name(), config.claimTtl(), store.json(audit), event.eventId(), store.json(event),
                step.outbox(), step.outboxAt()));
        if (refusal != null) {
            throw switch (refusal.reason()) {
                case MISSING -> ProblemException.status(Response.Status.NOT_FOUND, "no queue item " + id);
                case LOCKED -> refusal.detail().isEmpty()
                        ? conflict("you do not hold the claim on this item (it expired or was released); claim it again")
                        : claimedBy(refusal.detail());
                case STALE -> new Refused(refusal.reason(),
                        Problem.of(409, "Conflict", "the item changed meanwhile (now version " + refusal.detail() + "); reload it"));
            };
        }
        announce(event);
        return after;
    }

    private static boolean needsClaim(Step step) {
        return step.lock() == LockMode.HOLD || step.lock() == LockMode.OWNED || step.lock() == LockMode.ACQUIRE || step.lock() == LockMode.FREE
                || step.lock() == LockMode.UNLOCKED;
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

    // ---- the responder's actions ----------------------------------------------------------------------------------

    public QueueItem claim(String id, Actor actor, boolean takeover) {
        QueueItem item = get(id);
        String holder = store.claimHolder(id);
        if (takeover && !actor.supervisor()) {
            throw ProblemException.status(Response.Status.FORBIDDEN, "only a supervisor can take over a claim");
        }
        if (holder != null && !holder.equals(actor.name()) && !takeover) {
            throw claimedBy(holder);
        }
        if (item.state() == State.escalated && !actor.supervisor()) {
            throw conflict("the item was escalated: a supervisor handles it");
        }
        String reason = takeover && holder != null && !holder.equals(actor.name()) ? "taken over from " + holder : null;
        QueueItem claimed = retryingRaces(id, new Step(Action.CLAIM, actor, takeover ? LockMode.TAKEOVER : LockMode.ACQUIRE, null, reason,
                i -> i.withHandling(h -> h.withClaimedBy(actor.name()))));
        timers.at(QueueStore.CLAIM_TIMER + id, now().plus(config.claimTtl()));
        return claimed;
    }

    public QueueItem release(String id, Actor actor) {
        return apply(id, new Step(Action.RELEASE, actor, actor.supervisor() ? LockMode.CLEAR : LockMode.FREE, null, null, i -> i));
    }

    public QueueItem editDraft(String id, Actor actor, String text, long version) {
        QueueItem item = get(id);
        String lang = item.draft() == null ? item.lang() : item.draft().lang();
        return apply(id, new Step(Action.EDIT, actor, LockMode.HOLD, version, null,
                i -> i.withDraft(new QueueItem.Draft(text, lang, "staff:" + actor.name(), actor.name(), item.commentVersion()))));
    }

    public QueueItem approve(String id, Actor actor, Long version, boolean override) {
        return approve(id, actor, version, override, null);
    }

    /**
     * Approves the current draft. A machine-translated draft is approved only with {@code shownTextHash}, the hash
     * of the reply in both languages as the responder's view showed it ({@link QueueItems#shownTextHash}): absent,
     * the translation was never shown (422); different, the text changed after it was shown (409).
     */
    public QueueItem approve(String id, Actor actor, Long version, boolean override, String shownTextHash) {
        QueueItem item = get(id);
        if (version != null && version != item.version()) {
            throw conflict("the item changed since you loaded it: you sent version " + version + ", it is at version "
                    + item.version() + "; reload it");
        }
        String translated = translatedApproval(item, shownTextHash);
        if (item.draftText() == null || item.draftText().isBlank()) {
            // never overridable: an approved reply must be publishable, or the approval would be lost silently
            throw new ProblemException(new Problem(Problem.of(422, "Unprocessable Content", "").type(),
                    "Nothing to approve", 422, "the reply is empty: write it (PUT .../draft) before approving", null,
                    List.of(new Problem.FieldError("draft.text", "is empty; an empty reply cannot be approved or published"))));
        }
        ReplyLint.Result lint = lints.lint(item, item.draftText());
        if (!lint.ok() && !(override && actor.supervisor())) {
            throw new ProblemException(new Problem(Problem.of(422, "Unprocessable Content", "").type(),
                    "The reply fails the lint", 422,
                    "the reply fails the lint (" + String.join(", ", lint.codes()) + ")"
                            + (override ? "; only a supervisor can override it" : "; fix it, or ask a supervisor to override"),
                    null, lint.findings().stream().map(f -> new Problem.FieldError("draft." + f.code(), f.message())).toList()));
        }
        List<String> overridden = lint.ok() ? List.of() : lint.codes();
        long approvalVersion = item.version() + 1;
        String key = QueueItems.idempotencyKey(id, approvalVersion);
        Instant now = now();
        // approve exactly the text that was linted: if anything changed since (an edit, a redraft), refuse
        String overrideNote = overridden.isEmpty() ? null : "lint overridden by " + actor.name() + ": " + String.join(", ", overridden);
        String reason = translated == null ? overrideNote : overrideNote == null ? translated : translated + "; " + overrideNote;
        QueueItem approved = apply(id, new Step(Action.APPROVE, actor, LockMode.OWNED, item.version(), reason,
                i -> i.withApproval(approvals.sign(item, actor.name(), now, item.draftText(), key, overridden))
                        .withPublication(QueueItem.Publication.NONE),
                OutboxOp.ADD, now));
        learned.remember(approved);
        return approved;
    }

    /** Null for a draft a person wrote; for a machine-translated one, the audit note, or a refusal when not shown. */
    private static String translatedApproval(QueueItem item, String shownTextHash) {
        QueueItem.Translation t = item.draft() == null ? null : item.draft().translation();
        if (t == null) {
            return null;
        }
        if (shownTextHash == null || shownTextHash.isBlank()) {
            throw new ProblemException(new Problem(Problem.of(422, "Unprocessable Content", "").type(),
                    "The translation was not shown", 422,
                    "the reply is a machine translation: approve it from a view that shows it in both languages, "
                            + "sending translation.reply.shownTextHash as shownTextHash",
                    null, List.of(new Problem.FieldError("shownTextHash",
                    "is required for a machine-translated reply (the hash of the texts you were shown)"))));
        }
        String current = QueueItems.shownTextHash(item.draft());
        if (!current.equals(shownTextHash.strip())) {
            throw conflict("the translated reply changed after it was shown to you (shownTextHash " + shownTextHash.strip()
                    + ", now " + current + "); reload it and read both texts again");
        }
        return "machine-translated reply approved after both texts were shown: " + t.sourceLang() + " -> "
                + item.draft().lang() + " by " + t.model() + " (" + t.provider() + "), shown " + current;
    }

    public QueueItem reject(String id, Actor actor, String reason) {
        return apply(id, new Step(Action.REJECT, actor, actor.supervisor() ? LockMode.CLEAR : LockMode.FREE, null,
                reason, i -> i.withStateReason(reason), OutboxOp.REMOVE, null));
    }

    public QueueItem escalate(String id, Actor actor, String reason) {
        return apply(id, new Step(Action.ESCALATE, actor, actor.supervisor() ? LockMode.CLEAR : LockMode.FREE, null,
                reason, i -> i.withStateReason(reason)));
    }

    public QueueItem snooze(String id, Actor actor, Instant until) {
        QueueItem snoozed = apply(id, new Step(Action.SNOOZE, actor, actor.supervisor() ? LockMode.CLEAR : LockMode.FREE, null,
                "until " + until, i -> i.withHandling(h -> h.withSnoozedUntil(until))));
        timers.at(QueueStore.SNOOZE_TIMER + id, until);
        return snoozed;
    }

    public QueueItem assign(String id, Actor actor, String assignee, String team) {
        return apply(id, new Step(Action.ASSIGN, actor, LockMode.NONE, null,
                "to " + (assignee != null ? assignee : "") + (team != null ? (assignee != null ? " / " : "") + "team " + team : ""),
                i -> i.withHandling(h -> h.withAssignee(assignee).withTeam(team))));
    }

    /** Staff send a failed reply again, with the same approval and idempotency key. */
    public QueueItem retry(String id, Actor actor) {
        return apply(id, new Step(Action.RETRY, actor, LockMode.NONE, null, null,
                i -> i.withStateReason(null), OutboxOp.ADD, now()));
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
        return apply(id, new Step(action, actor, LockMode.NONE, null, reason,
                i -> i.withModeration(new QueueItem.Moderation(status, actor.name(), now))));
    }

    /** A system step, retried when a person changed the item meanwhile. */
    public QueueItem system(String id, Step step) {
        return retryingRaces(id, step);
    }

    /**
     * Applies a step that does not depend on the version its caller saw, re-reading the item when another change won
     * the race: two claims at once then end as one claim and one "claimed by", never as "changed meanwhile".
     */
    private QueueItem retryingRaces(String id, Step step) {
        for (int attempt = 1; ; attempt++) {
            try {
                return apply(id, step);
            } catch (Refused e) {
                // decided on the store's reason, not on the message: only a lost race is worth another try
                if (e.reason() != QueueStore.Refusal.Reason.STALE || attempt >= 5) {
                    throw e;
                }
            }
        }
    }

    static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(409, "Conflict", detail));
    }

    static ProblemException claimedBy(String holder) {
        return new ProblemException(Problem.of(409, "Conflict", "the item is claimed by " + holder));
    }
}
