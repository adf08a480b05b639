package io.earshot.reply.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.reply.messaging.ReplyEvent;
import io.earshot.reply.redis.ParkedEvents;
import io.earshot.reply.redis.QueueStore;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Sends the events that were parked with a change but not acknowledged by Kafka (Kafka was down, or the service died
 * in between). Their ids are stable, so a consumer that sees one twice drops the copy. An event is due once its
 * parked time is {@code graceMillis} old; a new item's {@code drafted} event is parked as of a later time (see
 * {@code ItemCommit}), because its consumer is still sending it: the relay is for a consumer that died.
 */
@ApplicationScoped
public class EventRelay {

    private static final Logger LOG = Logger.getLogger(EventRelay.class);
    private static final long GRACE_MILLIS = 10_000;

    @Inject
    QueueStore store;

    @Inject
    ParkedEvents events;

    @Inject
    QueueService service;

    @Inject
    ObjectMapper mapper;

    @Scheduled(every = "5s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        flush(GRACE_MILLIS);
    }

    /** Sends parked events due {@code graceMillis} after their parked time (0: every one now); returns how many are still parked. */
    public int flush(long graceMillis) {
        Map<String, String> parked;
        try {
            parked = events.all();
        } catch (RuntimeException e) {
            return -1;
        }
        long now = System.currentTimeMillis();
        int left = 0;
        for (var entry : parked.entrySet()) {
            String value = entry.getValue();
            int bar = value.indexOf('|');
            long at = Long.parseLong(value.substring(0, bar));
            if (graceMillis > 0 && now - at < graceMillis) {
                left++;
                continue;
            }
            try {
                service.announce(mapper.readValue(value.substring(bar + 1), ReplyEvent.class));
            } catch (Exception e) {
                LOG.warnf("parked event %s unreadable: %s", entry.getKey(), e.getMessage());
                events.sent(entry.getKey());
            }
            if (events.find(entry.getKey()).isPresent()) { // one HGET, not the whole hash again
                left++;
            }
        }
        return left;
    }
}
