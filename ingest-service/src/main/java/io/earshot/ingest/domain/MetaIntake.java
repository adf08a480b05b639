package io.earshot.ingest.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.ingest.config.IngestConfig;
import io.earshot.ingest.connector.MentionResolver;
import io.earshot.ingest.domain.CommentIntake.Outcome;
import io.earshot.ingest.domain.MetaDeliveries.Mention;
import io.earshot.ingest.domain.MetaDeliveries.Parsed;
import io.earshot.ingest.domain.MetaDeliveries.Skipped;
import io.earshot.ingest.messaging.CommentIngested;
import io.earshot.ingest.messaging.MentionQueue;
import io.earshot.ingest.messaging.MetaDeadLetters;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * What a Meta delivery goes through once its signature is checked (the webhook) or once it is replayed from the
 * dead-letter topic: every comment published, every change that looked like a comment but could not be one kept on
 * {@code webhooks.meta.dlq}, every other change counted by reason ({@code earshot_ingest_changes_skipped_total}).
 * Instagram mentions carry no text: the webhook queues them on {@code webhooks.meta} ({@link #accept}) and the
 * consumer of that topic reads them from the Graph API ({@link #replay}), so the webhook's answer never waits for Meta.
 * Nothing is dropped silently, and the caller learns whether all of it reached Kafka.
 */
@ApplicationScoped
public class MetaIntake {

    private static final Logger LOG = Logger.getLogger(MetaIntake.class);

    /**
     * @param deadLettered changes kept on {@code webhooks.meta.dlq} (mentions that could not be read included)
     * @param mentions Instagram mentions queued on {@code webhooks.meta} (webhook) or read from the Graph API (replay)
     * @param stored whether every comment, mention and dead letter is in Kafka (answer 200 only then)
     */
    public record Result(Parsed parsed, List<Outcome> outcomes, int deadLettered, int mentions, boolean stored) {
    }

    @Inject
    CommentIntake intake;

    @Inject
    Normalization normalization;

    @Inject
    MetaDeadLetters deadLetters;

    @Inject
    MentionQueue mentionQueue;

    @Inject
    MentionResolver mentionResolver;

    @Inject
    IngestConfig config;

    @Inject
    MeterRegistry metrics;

    /**
     * A delivery the webhook received: its mentions are queued on {@code webhooks.meta}, not read. When
     * {@code parsed().errors()} is not empty it is no delivery and nothing was done.
     */
    public Result accept(JsonNode root, Instant receivedAt) {
        return take(root, receivedAt, false);
    }

    /** A change read back from {@code webhooks.meta}: its mention, if it is one, is read from the Graph API now. */
    public Result replay(JsonNode root, Instant receivedAt) {
        return take(root, receivedAt, true);
    }

    private Result take(JsonNode root, Instant receivedAt, boolean resolveMentions) {
        Set<String> own = ownIds();
        Parsed parsed = MetaDeliveries.parse(root, own);
        if (!parsed.errors().isEmpty()) {
            return new Result(parsed, List.of(), 0, 0, false);
        }
        List<Skipped> letters = new ArrayList<>(parsed.deadLetters());
        List<Skipped> unread = new ArrayList<>();
        List<CommentDraft> drafts = new ArrayList<>(parsed.comments());
        List<Uni<Boolean>> sends = new ArrayList<>(letters.size() + parsed.mentions().size());
        for (Mention m : parsed.mentions()) {
            if (!resolveMentions) {
                sends.add(kept(safely(() -> mentionQueue.publish(m)), "mention of " + m.entryId()));
                continue;
            }
            MentionResolver.Resolution read = mentionResolver.resolve(m, own);
            if (read instanceof MentionResolver.Found found) {
                drafts.add(found.draft());
            } else if (read instanceof MentionResolver.SetAside aside) {
                unread.add(aside.skipped());
            }
        }
        unread.stream().filter(Skipped::deadLetter).forEach(letters::add);
        // sent first, so they are in flight while the comments are versioned and published
        for (Skipped s : letters) {
            sends.add(kept(safely(() -> deadLetters.publish(s)), "dead letter of " + s.entryId()));
        }
        List<CommentIngested> events = new ArrayList<>(drafts.size());
        for (CommentDraft draft : drafts) {
            events.add(normalization.toEvent(draft, receivedAt));
        }
        List<Outcome> outcomes = events.isEmpty() ? List.of() : intake.accept(events);
        List<Boolean> kept = sends.isEmpty() ? List.of() : Uni.join().all(sends).andFailFast().await().indefinitely();
        boolean allKept = kept.stream().allMatch(Boolean::booleanValue);
        count(parsed, unread, resolveMentions);
        if (!letters.isEmpty()) {
            LOG.infof("meta delivery: %d change(s) kept on %s (%s)", letters.size(), "webhooks.meta.dlq",
                    letters.stream().map(Skipped::reason).distinct().toList());
        }
        return new Result(parsed, outcomes, letters.size(), parsed.mentions().size(),
                allKept && CommentIntake.allStored(outcomes));
    }

    /** The send, started now; a producer that throws instead of failing the Uni counts as not acknowledged. */
    private static Uni<Void> safely(java.util.function.Supplier<Uni<Void>> publish) {
        try {
            return publish.get();
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
    }

    private Uni<Boolean> kept(Uni<Void> publish, String what) {
        return publish.ifNoItem().after(config.publishTimeout()).fail()
                .onItem().transform(ignored -> true)
                .onFailure().recoverWithItem(failure -> {
                    LOG.debugf("%s not acknowledged: %s", what, failure.toString());
                    return false;
                });
    }

    private void count(Parsed parsed, List<Skipped> unread, boolean resolved) {
        TreeMap<String, Integer> reasons = new TreeMap<>();
        parsed.skipped().forEach(s -> reasons.merge(s.reason(), 1, Integer::sum));
        unread.forEach(s -> reasons.merge(s.reason(), 1, Integer::sum));
        if (!parsed.mentions().isEmpty()) {
            metrics.counter("earshot.ingest.meta.mentions", "outcome", resolved ? (unread.isEmpty() ? "read" : "set-aside")
                    : "queued").increment(parsed.mentions().size());
        }
        reasons.forEach((reason, n) -> metrics.counter("earshot.ingest.changes.skipped", "reason", reason).increment(n));
        parsed.ignored().forEach((kind, n) -> metrics.counter("earshot.ingest.webhook.ignored", "source", "meta", "kind", kind).increment(n));
        if (parsed.ownSkipped() > 0) {
            metrics.counter("earshot.ingest.webhook.own_skipped", "source", "meta").increment(parsed.ownSkipped());
        }
    }

    private Set<String> ownIds() {
        Set<String> ids = new HashSet<>();
        config.meta().accounts().values().forEach(a -> ids.add(a.id()));
        return ids;
    }
}
