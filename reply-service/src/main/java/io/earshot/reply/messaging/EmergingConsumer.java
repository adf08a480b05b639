package io.earshot.reply.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.commons.retry.TransientRetry;
import io.earshot.reply.redis.EmergingStore;
import io.earshot.reply.web.LiveUpdates;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Reads triage's emerging issues into {@link EmergingStore} for the queue page's panel, and tells the open pages.
 *
 * <p>Two channels on {@code insights.emerging}: {@link Topics#INSIGHTS_EMERGING}, one consumer group for all
 * instances with committed offsets, is what keeps the store complete (an unreadable record goes alone to
 * {@code insights.emerging.dlq.reply-service}; a Redis outage is waited out). {@link Topics#INSIGHTS_EMERGING_LIVE},
 * read by every instance from the latest offset, stores the same record (a no-op when the first got there first) and
 * pushes a notice on the live stream, so a page on any instance hears of it and re-reads an up-to-date list.
 */
@ApplicationScoped
public class EmergingConsumer {

    private static final Logger LOG = Logger.getLogger(EmergingConsumer.class);

    private final ObjectMapper mapper;
    private final EmergingStore store;
    private final TransientRetry retry;
    private final LiveUpdates live;
    private final Clock clock = Clock.systemUTC();

    public EmergingConsumer(ObjectMapper mapper, EmergingStore store, TransientRetry retry, LiveUpdates live) {
        this.mapper = mapper;
        this.store = store;
        this.retry = retry;
        this.live = live;
    }

    @Incoming(Topics.INSIGHTS_EMERGING)
    @Blocking
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> consume(Message<String> record) {
        EmergingIssue issue;
        try {
            issue = parse(record.getPayload());
        } catch (IOException | IllegalArgumentException e) {
            LOG.warnf("unreadable insights.emerging record sent to the dead-letter topic: %s", e.getMessage());
            return record.nack(e);
        }
        boolean stored = retry.call(() -> store.put(issue, clock.instant()));
        LOG.debugf("emerging issue %s version %d %s", issue.issueId(), issue.version(), stored ? "stored" : "unchanged");
        return record.ack();
    }

    /** The live view: stores (idempotent) before telling the pages, so the list they re-read has the issue. */
    @Incoming(Topics.INSIGHTS_EMERGING_LIVE)
    @Blocking
    public void notifyPages(String json) {
        try {
            EmergingIssue issue = parse(json);
            store.put(issue, clock.instant());
            live.publish(new LiveUpdates.Update("emerging", null, issue.status(), null, null, issue.detectedAt()));
        } catch (IOException | RuntimeException e) {
            LOG.debugf("live view skipped an insights.emerging record: %s", e.getMessage());
        }
    }

    private EmergingIssue parse(String json) throws IOException {
        if (json == null) {
            throw new IllegalArgumentException("insights.emerging record has no value");
        }
        return mapper.readValue(json, EmergingIssue.class).requireValid();
    }
}
