package io.earshot.reply.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.reply.domain.DraftTemplates;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.domain.QueueItems;
import io.earshot.reply.redis.Announcements;
import io.earshot.reply.redis.QueueStore;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Queues each triaged comment for a human, with a drafted reply, and announces it on {@code replies}.
 *
 * <p>Idempotent: the item's id is the comment's, created only if absent, and announced once; a redelivered record
 * changes nothing. The incoming record is acknowledged only after the announcement was acknowledged by Kafka, so a
 * crash in between replays it. Sends are pipelined: the next record is queued while Kafka acknowledges this one.
 */
@ApplicationScoped
public class TriagedConsumer {

    private static final Logger LOG = Logger.getLogger(TriagedConsumer.class);

    @Inject
    ObjectMapper mapper;

    @Inject
    QueueStore store;

    @Inject
    Announcements announcements;

    @Inject
    DraftTemplates templates;

    @Inject
    ReplyEventPublisher publisher;

    Clock clock = Clock.systemUTC();

    @Incoming(Topics.COMMENTS_TRIAGED)
    @Blocking
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> consume(Message<String> record) {
        QueueItem item;
        try {
            TriagedComment triaged = mapper.readValue(record.getPayload(), TriagedComment.class).requireValid();
            item = QueueItems.fromTriaged(triaged, templates, clock.instant());
        } catch (IOException | IllegalArgumentException e) {
            LOG.warnf("unreadable comments.triaged record sent to the dead-letter topic: %s", e.getMessage());
            return record.nack(e);
        }
        boolean created = store.createIfAbsent(item);
        if (!created) {
            item = store.find(item.id()).orElse(item);
            if (announcements.isAnnounced(item.id())) {
                return record.ack();
            }
        }
        String id = item.id();
        publisher.publish(QueueItems.event(item, "drafted", "system", null, clock.instant()))
                .chain(() -> announcements.markAnnounced(id))
                .subscribe().with(ok -> record.ack(), record::nack);
        return CompletableFuture.completedFuture(null);
    }
}
