package io.earshot.reply.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.commons.retry.TransientRetry;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.workflow.Intake;
import io.earshot.reply.workflow.VipBoost;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Hands each triaged comment to {@link Intake} (which queues it with a drafted reply, redrafts an edited one, retracts
 * a removed one) and announces a new item on {@code replies}: this class parses, calls and acknowledges.
 *
 * <p>The incoming record is acknowledged only after the announcement was acknowledged by Kafka, so a crash in between
 * replays it (Intake is idempotent, and the announcement was parked with the item, so the relay sends it too). Sends are pipelined: the next record is queued while Kafka acknowledges this one.
 *
 * <p>A Redis or Kafka outage is waited out ({@link TransientRetry}), not dead-lettered: the record is retried until the
 * store is back, and later records wait behind it; only a record that can never be queued goes to the DLQ.
 */
@ApplicationScoped
public class TriagedConsumer {

    private static final Logger LOG = Logger.getLogger(TriagedConsumer.class);

    private final ObjectMapper mapper;
    private final Intake intake;
    private final VipBoost vips;
    private final ReplyEventPublisher publisher;
    private final TransientRetry retry;

    public TriagedConsumer(ObjectMapper mapper, Intake intake, ReplyEventPublisher publisher, TransientRetry retry,
                           VipBoost vips) {
        this.mapper = mapper;
        this.vips = vips;
        this.intake = intake;
        this.publisher = publisher;
        this.retry = retry;
    }

    @Incoming(Topics.COMMENTS_TRIAGED)
    @Blocking
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> consume(Message<String> record) {
        TriagedComment triaged;
        QueueItem item;
        try {
            // ranked as the queue should see it (a VIP's comment raised) before it becomes or changes an item
            TriagedComment parsed = mapper.readValue(record.getPayload(), TriagedComment.class).requireValid();
            triaged = retry.call(() -> vips.apply(parsed));
            item = intake.item(triaged);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warnf("unreadable comments.triaged record sent to the dead-letter topic: %s", e.getMessage());
            return record.nack(e);
        }
        // an earlier record's announcement waits out a Kafka or Redis outage: do not overtake it
        retry.awaitAsync(Duration.ofMinutes(10));
        Optional<ReplyEvent> announce;
        try {
            announce = retry.call(() -> intake.receive(triaged, item));
        } catch (RuntimeException e) {
            LOG.warnf("comments.triaged record for %s not processed: %s", item.id(), e.toString());
            return record.nack(e);
        }
        if (announce.isEmpty()) {
            return record.ack();
        }
        ReplyEvent drafted = announce.get();
        retry.async(() -> publisher.publish(drafted))
                .chain(() -> retry.async(() -> intake.announced(drafted)))
                .subscribe().with(ok -> record.ack(), record::nack);
        return CompletableFuture.completedFuture(null);
    }
}
