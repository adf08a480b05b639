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
import java.util.concurrent.atomic.AtomicBoolean;
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
        long start = System.nanoTime();
        List<Reservation> reservations = keys.isEmpty() ? List.of() : dedup.reserveAll(keys);
        long reservedAt = System.nanoTime();
        List<Integer> reserved = new ArrayList<>();
        List<Uni<Boolean>> sends = new ArrayList<>();
        AtomicBoolean kafkaFailed = new AtomicBoolean();
        for (int j = 0; j < candidates.size(); j++) {
            int i = candidates.get(j);
            CommentIngested comment = comments.get(i);
            switch (reservations.get(j)) {
                case PUBLISHED -> outcomes[i] = new Outcome(comment, Status.DUPLICATE, null);
                case IN_PROGRESS -> outcomes[i] = new Outcome(comment, Status.IN_PROGRESS, null);
                case RESERVED -> {
                    reserved.add(i);
                    // once Kafka failed a send (a send blocks up to max.block.ms without a broker), the rest of the
                    // batch is not tried: it fails at once instead of waiting that long for every comment
                    sends.add(kafkaFailed.get() ? Uni.createFrom().item(false) : send(comment, kafkaFailed));
                }
            }
        }
        List<Boolean> acked = sends.isEmpty() ? List.of() : Uni.join().all(sends).andFailFast().await().indefinitely();
        long ackedAt = System.nanoTime();
        if (kafkaFailed.get()) {
            LOG.warnf("Kafka did not acknowledge %d of %d comments; their reservations are released",
                    acked.stream().filter(a -> !a).count(), acked.size());
        }
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
        if (LOG.isDebugEnabled()) {
            LOG.debugf("intake of %d: reserve %d ms, publish and ack %d ms, confirm %d ms", comments.size(),
                    (reservedAt - start) / 1_000_000, (ackedAt - reservedAt) / 1_000_000, (System.nanoTime() - ackedAt) / 1_000_000);
        }
        Map<String, Integer> counts = new HashMap<>();
        for (Outcome o : outcomes) {
            counts.merge(o.comment().platform() + "|" + o.status().name().toLowerCase(), 1, Integer::sum);
        }
        counts.forEach((key, n) -> metrics.counter("earshot.ingest.comments", "platform", key.substring(0, key.indexOf('|')),
                "outcome", key.substring(key.indexOf('|') + 1)).increment(n));
        return List.of(outcomes);
    }

    public Outcome accept(CommentIngested comment) {
        return accept(List.of(comment)).get(0);
    }

    /** Whether every comment of a batch is safely in Kafka (accepted now or before). */
    public static boolean allStored(List<Outcome> outcomes) {
        return outcomes.stream().allMatch(o -> o.status() == Status.ACCEPTED || o.status() == Status.DUPLICATE);
    }

    private Uni<Boolean> send(CommentIngested comment, AtomicBoolean kafkaFailed) {
        Uni<Void> publish;
        try {
            publish = publisher.publish(comment).memoize().indefinitely();
            // subscribed now, so the record is handed to the producer in order, from this thread
            publish.subscribe().with(ignored -> { }, failure -> kafkaFailed.set(true));
        } catch (RuntimeException e) {
            kafkaFailed.set(true);
            publish = Uni.createFrom().failure(e);
        }
        return publish
                .ifNoItem().after(config.publishTimeout()).fail()
                .onItem().transform(ignored -> true)
                .onFailure().recoverWithItem(failure -> {
                    kafkaFailed.set(true);
                    LOG.debugf("publish of comment %s failed: %s", comment.commentId(), failure.toString());
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
