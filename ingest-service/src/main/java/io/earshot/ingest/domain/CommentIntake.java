package io.earshot.ingest.domain;

import io.earshot.ingest.config.IngestConfig;
import io.earshot.ingest.messaging.CommentIngested;
import io.earshot.ingest.messaging.CommentPublisher;
import io.earshot.ingest.redis.DedupStore;
import io.earshot.ingest.redis.DedupStore.Reservation;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
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
     * Blocks the calling (worker) thread; never call it from the event loop.
     *
     * @return one outcome per comment, in order
     */
    public List<Outcome> accept(List<CommentIngested> comments) {
        List<Outcome> outcomes = new ArrayList<>(comments.size());
        List<CommentIngested> reserved = new ArrayList<>();
        List<Uni<Boolean>> sends = new ArrayList<>();
        for (CommentIngested comment : comments) {
            Reservation reservation = dedup.reserve(comment.platform(), comment.externalId(), comment.version());
            switch (reservation) {
                case PUBLISHED -> outcomes.add(new Outcome(comment, Status.DUPLICATE, null));
                case IN_PROGRESS -> outcomes.add(new Outcome(comment, Status.IN_PROGRESS, null));
                case RESERVED -> {
                    outcomes.add(null);
                    reserved.add(comment);
                    sends.add(send(comment));
                }
            }
        }
        List<Boolean> acked = sends.isEmpty() ? List.of() : Uni.join().all(sends).andFailFast().await().indefinitely();
        // Redis is updated here, on the caller's worker thread, never on Kafka's callback thread.
        for (int i = 0, next = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i) != null) {
                continue;
            }
            CommentIngested comment = reserved.get(next);
            if (acked.get(next++)) {
                dedup.confirm(comment.platform(), comment.externalId(), comment.version());
                outcomes.set(i, new Outcome(comment, Status.ACCEPTED, null));
            } else {
                releaseQuietly(comment);
                outcomes.set(i, new Outcome(comment, Status.FAILED, "Kafka did not acknowledge the comment"));
            }
        }
        outcomes.forEach(o -> metrics.counter("earshot.ingest.comments", "platform", o.comment().platform(),
                "outcome", o.status().name().toLowerCase()).increment());
        return outcomes;
    }

    public Outcome accept(CommentIngested comment) {
        return accept(List.of(comment)).get(0);
    }

    private Uni<Boolean> send(CommentIngested comment) {
        return publisher.publish(comment)
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
