package io.earshot.ingest.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.ingest.config.IngestConfig;
import io.earshot.ingest.domain.CommentIntake.Outcome;
import io.earshot.ingest.domain.MetaDeliveries.Parsed;
import io.earshot.ingest.domain.MetaDeliveries.Skipped;
import io.earshot.ingest.messaging.CommentIngested;
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
 * Nothing is dropped silently, and the caller learns whether all of it reached Kafka.
 */
@ApplicationScoped
public class MetaIntake {

    private static final Logger LOG = Logger.getLogger(MetaIntake.class);

    /**
     * @param stored whether every comment and every dead letter is in Kafka (answer 200 only then)
     */
    public record Result(Parsed parsed, List<Outcome> outcomes, int deadLettered, boolean stored) {
    }

    @Inject
    CommentIntake intake;

    @Inject
    Normalization normalization;

    @Inject
    MetaDeadLetters deadLetters;

    @Inject
    IngestConfig config;

    @Inject
    MeterRegistry metrics;

    /** The delivery as parsed; when {@code parsed().errors()} is not empty it is no delivery and nothing was done. */
    public Result accept(JsonNode root, Instant receivedAt) {
        Parsed parsed = MetaDeliveries.parse(root, ownIds());
        if (!parsed.errors().isEmpty()) {
            return new Result(parsed, List.of(), 0, false);
        }
        List<Skipped> letters = parsed.deadLetters();
        // sent first, so they are in flight while the comments are versioned and published
        List<Uni<Boolean>> sends = new ArrayList<>(letters.size());
        for (Skipped s : letters) {
            sends.add(send(s));
        }
        List<CommentIngested> events = new ArrayList<>(parsed.comments().size());
        for (CommentDraft draft : parsed.comments()) {
            events.add(normalization.toEvent(draft, receivedAt));
        }
        List<Outcome> outcomes = events.isEmpty() ? List.of() : intake.accept(events);
        List<Boolean> kept = sends.isEmpty() ? List.of() : Uni.join().all(sends).andFailFast().await().indefinitely();
        boolean lettersKept = kept.stream().allMatch(Boolean::booleanValue);
        count(parsed);
        if (!letters.isEmpty()) {
            LOG.infof("meta delivery: %d change(s) kept on %s (%s)", letters.size(), "webhooks.meta.dlq",
                    letters.stream().map(Skipped::reason).distinct().toList());
        }
        return new Result(parsed, outcomes, letters.size(), lettersKept && CommentIntake.allStored(outcomes));
    }

    private Uni<Boolean> send(Skipped s) {
        Uni<Void> publish;
        try {
            publish = deadLetters.publish(s);
        } catch (RuntimeException e) {
            publish = Uni.createFrom().failure(e);
        }
        return publish.ifNoItem().after(config.publishTimeout()).fail()
                .onItem().transform(ignored -> true)
                .onFailure().recoverWithItem(failure -> {
                    LOG.debugf("dead letter of %s not acknowledged: %s", s.entryId(), failure.toString());
                    return false;
                });
    }

    private void count(Parsed parsed) {
        TreeMap<String, Integer> reasons = new TreeMap<>();
        parsed.skipped().forEach(s -> reasons.merge(s.reason(), 1, Integer::sum));
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
