package io.earshot.reply.workflow;

import io.earshot.commons.retry.TransientRetry;
import io.earshot.reply.config.WorkflowConfig;
import io.earshot.reply.domain.Actor;
import io.earshot.reply.domain.AuditEntry;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.domain.QueueItems;
import io.earshot.reply.domain.Workflow;
import io.earshot.reply.domain.Workflow.Action;
import io.earshot.reply.messaging.ReplyEvent;
import io.earshot.reply.messaging.TriagedComment;
import io.earshot.reply.redis.ParkedEvents;
import io.earshot.reply.redis.QueueStore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The one door a triaged comment enters the queue by: a new comment becomes an item with its first draft (and spam
 * above the configured score is hidden), an edited one is redrafted, a removed one retracted, each through
 * {@link QueueService} where a workflow step is involved. The consumer only parses, calls and acknowledges.
 *
 * <p>Idempotent: the item's id is the comment's, created only if absent; edits and removals apply only when their
 * comment version is newer than the item's. A new item's {@code drafted} event is parked with the item in one atomic
 * write and stays parked until {@link #announced}: a redelivered comment whose event is still parked sends it again,
 * one whose event is gone sends nothing, and the relay sends it if nobody does.
 */
@ApplicationScoped
public class Intake {

    private static final Logger LOG = Logger.getLogger(Intake.class);

    private final QueueStore store;
    private final ParkedEvents parked;
    private final ObjectMapper mapper;
    private final Drafter drafter;
    private final WorkflowConfig config;
    private final QueueService service;
    private final ModerationService moderation;
    private final TransientRetry retry;
    private final SlaPolicy slaPolicy;

    Clock clock = Clock.systemUTC();

    public Intake(QueueStore store, ParkedEvents parked, ObjectMapper mapper, Drafter drafter, WorkflowConfig config,
                  QueueService service, ModerationService moderation, TransientRetry retry, SlaPolicy slaPolicy) {
        this.store = store;
        this.parked = parked;
        this.mapper = mapper;
        this.drafter = drafter;
        this.config = config;
        this.service = service;
        this.moderation = moderation;
        this.retry = retry;
        this.slaPolicy = slaPolicy;
    }

    /** The item a triaged comment becomes, drafted; throws IllegalArgumentException for one that never can. */
    public QueueItem item(TriagedComment triaged) {
        return retry.call(() -> QueueItems.fromTriaged(triaged, drafter::draft, slaPolicy.sla(), clock.instant()));
    }

    /**
     * Queues {@code item} (made by {@link #item}) or applies the comment's change to the item already queued.
     *
     * @return the {@code drafted} event to send, empty when Kafka acknowledged it already
     */
    @WaitsForRebuild(WaitsForRebuild.Mode.WAIT) // a rebuild replays the topics: wait for it rather than race it
    public Optional<ReplyEvent> receive(TriagedComment triaged, QueueItem item) {
        AuditEntry audit = new AuditEntry(item.queuedAt(), "system", "drafted", null, item.state().name(), item.version(),
                null, item.draftText(), item.draft() == null ? null : item.draft().source());
        ReplyEvent drafted = QueueItems.drafted(item, clock.instant());
        if (store.createIfAbsent(item, store.json(audit), new ParkedEvents.Event(drafted.eventId(), store.json(drafted)))) {
            autoHide(item);
            return Optional.of(drafted);
        }
        QueueItem existing = store.find(item.id()).orElse(item);
        if (triaged.comment().version() > existing.commentVersion() && existing.commentVersion() > 0
                || triaged.comment().version() > 1 && existing.commentVersion() == 0) {
            changed(triaged, existing);
        }
        return parked.find(drafted.eventId()).map(this::event);
    }

    /** Forgets an item's parked {@code drafted} event once Kafka acknowledged it, so a redelivery sends nothing. */
    public Uni<Void> announced(ReplyEvent drafted) {
        return parked.sentAsync(drafted.eventId());
    }

    private ReplyEvent event(String json) {
        try {
            return mapper.readValue(json, ReplyEvent.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A newer version of a comment already queued: edited (redraft) or removed (retract). */
    private void changed(TriagedComment triaged, QueueItem existing) {
        QueueItem.State state = service.current(existing).state();
        if (triaged.isRemoval()) {
            if (Workflow.allowed(Action.RETRACT, state)) {
                service.system(existing.id(), Step.of(Action.RETRACT, Actor.SYSTEM, QueueStore.LockMode.CLEAR)
                        .because("the comment was removed on " + existing.platform())
                        .changing(i -> i.withComment(c -> c.withVersion(triaged.comment().version()))
                                .withStateReason("the comment was removed"))
                        .outbox(Step.Outbox.REMOVE));
            } else {
                LOG.infof("comment of %s removed while the item is %s: nothing to retract", existing.id(), state);
            }
            return;
        }
        if (!Workflow.allowed(Action.REDRAFT, state)) {
            LOG.infof("comment of %s edited while the item is %s: the reply stands", existing.id(), state);
            return;
        }
        QueueItem updated = QueueItems.withComment(existing, triaged);
        QueueItem.Draft draft = drafter.draft(updated);
        service.system(existing.id(), Step.of(Action.REDRAFT, Actor.SYSTEM, QueueStore.LockMode.NONE)
                .because("the comment was edited; the draft for the old text was replaced")
                .changing(i -> QueueItems.withComment(i, triaged).withDraft(draft).withApproval(null)
                        .withHandling(h -> h.withSuggestion(QueueItems.noReply(updated) ? "hide" : null)))
                .outbox(Step.Outbox.REMOVE));
    }

    private void autoHide(QueueItem item) {
        if (config.autoHideSpamAbove().isEmpty() || !item.flags().contains("spam")) {
            return;
        }
        double score = item.scores() == null ? 1.0 : item.scores().getOrDefault("spam", 1.0);
        if (score >= config.autoHideSpamAbove().getAsDouble()) {
            try {
                retry.run(() -> moderation.moderate(item.id(), Actor.policy("auto-hide-spam"), Action.HIDE,
                        "spam score " + score));
            } catch (RuntimeException e) {
                LOG.warnf("auto-hide of spam %s failed: %s", item.id(), e.getMessage());
            }
        }
    }
}
