package io.earshot.ingest.domain;

import io.earshot.ingest.config.IngestConfig;
import io.earshot.ingest.messaging.CommentIngested;
import io.earshot.ingest.messaging.CommentPublisher;
import io.earshot.ingest.redis.DedupStore;
import io.earshot.ingest.redis.DedupStore.Key;
import io.earshot.ingest.redis.DedupStore.Reservation;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The one path every comment takes into Earshot, whatever door it came through: deduplicate, publish, and answer
 * only once Kafka has acknowledged. A failed publish releases its reservation, so a retry gets through.
 */
@ApplicationScoped
public class CommentIntake {

    private static final Logger LOG = Logger.getLogger(CommentIntake.class);

    /** What happened to one comment version. */
    public enum Status {
        ACCEPTED, DUPLICATE, IN_PROGRESS, FAILED
    }

    /** The result for one comment. */
    public record Outcome(CommentIngested comment, Status status, String error) {
    }

    @Inject
    DedupStore dedup;

    @Inject
    CommentPublisher publisher;

    @Inject
    IngestConfig config;

    @Inject
    MeterRegistry metrics;

    /**
     * Publishes each comment version not published before, all sends in flight together, and waits for Kafka.
     * Redis work is pipelined. The same version twice in one batch is published once (the second is a duplicate).
     * Blocks the calling (worker) thread; never call it from the event loop.
     *
     * @return one outcome per comment, in order
     */
    public List<Outcome> accept(List<CommentIngested> comments) {
        Outcome[] outcomes = new Outcome[comments.size()];
        List<Integer> candidates = new ArrayList<>(comments.size());
        List<Key> keys = new ArrayList<>(comments.size());
        Map<Key, Integer> firstInBatch = new HashMap<>();
        for (int i = 0; i < comments.size(); i++) {
            CommentIngested c = comments.get(i);
            Key key = new Key(c.platform(), c.externalId(), c.version());
            if (firstInBatch.putIfAbsent(key, i) != null) {
                outcomes[i] = new Outcome(c, Status.DUPLICATE, null);
            } else {
                candidates.add(i);
                keys.add(key);
            }
        }
        List<Reservation> reservations = keys.isEmpty() ? List.of() : dedup.reserveAll(keys);
        List<Integer> reserved = new ArrayList<>();
        List<Uni<Boolean>> sends = new ArrayList<>();
        for (int j = 0; j < candidates.size(); j++) {
            int i = candidates.get(j);
            CommentIngested comment = comments.get(i);
            switch (reservations.get(j)) {
                case PUBLISHED -> outcomes[i] = new Outcome(comment, Status.DUPLICATE, null);
                case IN_PROGRESS -> outcomes[i] = new Outcome(comment, Status.IN_PROGRESS, null);
                case RESERVED -> {
                    reserved.add(i);
                    sends.add(send(comment));
                }
            }
        }
        List<Boolean> acked = sends.isEmpty() ? List.of() : Uni.join().all(sends).andFailFast().await().indefinitely();
        // Redis is updated here, on the caller's worker thread, never on Kafka's callback thread.
        List<Key> confirmed = new ArrayList<>(reserved.size());
        for (int j = 0; j < reserved.size(); j++) {
            int i = reserved.get(j);
            CommentIngested comment = comments.get(i);
            if (acked.get(j)) {
                confirmed.add(new Key(comment.platform(), comment.externalId(), comment.version()));
                outcomes[i] = new Outcome(comment, Status.ACCEPTED, null);
            } else {
                releaseQuietly(comment);
                outcomes[i] = new Outcome(comment, Status.FAILED, "Kafka did not acknowledge the comment");
            }
        }
        if (!confirmed.isEmpty()) {
            dedup.confirmAll(confirmed);
        }
        for (Outcome o : outcomes) {
            metrics.counter("earshot.ingest.comments", "platform", o.comment().platform(),
                    "outcome", o.status().name().toLowerCase()).increment();
        }
        return List.of(outcomes);
    }

    public Outcome accept(CommentIngested comment) {
        return accept(List.of(comment)).get(0);
    }

    /** Whether every comment of a batch is safely in Kafka (accepted now or before). */
    public static boolean allStored(List<Outcome> outcomes) {
        return outcomes.stream().allMatch(o -> o.status() == Status.ACCEPTED || o.status() == Status.DUPLICATE);
    }

    private Uni<Boolean> send(CommentIngested comment) {
        Uni<Void> publish;
        try {
            publish = publisher.publish(comment);
        } catch (RuntimeException e) {
            publish = Uni.createFrom().failure(e);
        }
        return publish
                .ifNoItem().after(config.publishTimeout()).fail()
                .onItem().transform(ignored -> true)
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("publish of comment %s failed: %s", comment.commentId(), failure.toString());
                    return false;
                });
    }

    private void releaseQuietly(CommentIngested comment) {
        try {
            dedup.release(comment.platform(), comment.externalId(), comment.version());
        } catch (RuntimeException e) {
            LOG.warnf("could not release the reservation of comment %s: %s", comment.commentId(), e.toString());
        }
    }
}
