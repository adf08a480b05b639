package io.earshot.triage.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.commons.messaging.EventMessages;
import io.earshot.commons.retry.TransientRetry;
import io.earshot.triage.domain.TriageEngine;
import io.earshot.triage.domain.TriageRequest;
import io.earshot.triage.domain.TriageResult;
import io.earshot.triage.redis.RepetitionStore;
import io.smallrye.common.annotation.Blocking;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Outgoing;

/**
 * Reads {@code comments.ingested}, writes {@code comments.triaged}. The incoming record is acknowledged only when
 * Kafka acknowledged the outgoing one; a record that cannot be read goes to the dead-letter topic.
 *
 * <p>Triage is a function of the event (plus the repetition count, which a redelivery does not raise: it counts
 * distinct event ids), and the output's id is derived from the input's, so a redelivered record yields the same
 * event id, which the reply-service deduplicates.
 *
 * <p>A Redis outage is waited out, record by record on a worker thread ({@link TransientRetry}), so the repetition
 * count is never silently skipped and later records of a partition wait behind the retrying one; Kafka send failures
 * are retried by the outgoing channel for its {@code delivery.timeout.ms} (docs/architecture.md, failure handling).
 */
@ApplicationScoped
public class TriageProcessor {

    @Inject
    ObjectMapper mapper;

    private static final Logger LOG = Logger.getLogger(TriageProcessor.class);

    @Inject
    TriageEngine engine;

    @Inject
    RepetitionStore repetitions;

    @Inject
    TransientRetry retry;

    Clock clock = Clock.systemUTC();

    @Incoming(Topics.COMMENTS_INGESTED)
    @Outgoing(Topics.COMMENTS_TRIAGED)
    @Blocking
    public Message<String> process(Message<String> record) {
        try {
            return triage(record);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // skip it here and nack it: the failure strategy writes it to the dead-letter topic, the stream goes on
            record.nack(e);
            return null;
        }
    }

    private Message<String> triage(Message<String> record) throws JsonProcessingException {
        JsonNode raw = mapper.readTree(record.getPayload());
        IngestedComment comment = mapper.treeToValue(raw, IngestedComment.class).requireValid();
        CommentTriaged triaged = new CommentTriaged(triagedEventId(comment.eventId()), raw, triage(comment));
        String json = mapper.writeValueAsString(triaged);
        Message<String> out = EventMessages.event(EventMessages.conversationKey(comment.platform(), comment.threadId()),
                json, triaged.eventId(), "earshot.comment.triaged", Topics.SOURCE, triaged.triage().triagedAt());
        // carry the incoming record's ack and nack, so it is committed only once the output is acknowledged
        Message<String> result = record.withPayload(json);
        for (Object metadata : out.getMetadata()) {
            result = result.addMetadata(metadata);
        }
        return result;
    }

    /** The engine's verdict on {@code comment}, with the repetition count from Redis. */
    CommentTriaged.Triage triage(IngestedComment comment) {
        int repeats = 0;
        if (engine.moderation().countsRepeats(comment.text())) {
            try {
                repeats = retry.call(() -> repetitions.record(comment.text(), comment.eventId()));
            } catch (RuntimeException e) {
                // not an outage (that is waited out) but an error reply: the rule is a signal, the models still decide
                LOG.warnf("repetition count unavailable (%s); triaging without it", e.toString());
            }
        }
        Long age = comment.createdAt() != null && comment.receivedAt() != null
                ? Math.max(0, Duration.between(comment.createdAt(), comment.receivedAt()).toSeconds()) : null;
        TriageResult r = engine.triage(new TriageRequest(comment.text(), comment.lang(), comment.platform(),
                comment.author() == null ? null : comment.author().followers(), comment.moderationStatus(), age,
                repeats, comment.starRating()));
        return toEvent(r, clock);
    }

    /** The event form of a verdict. */
    public static CommentTriaged.Triage toEvent(TriageResult r, Clock clock) {
        List<CommentTriaged.PiiSpan> pii = r.pii().stream()
                .map(p -> new CommentTriaged.PiiSpan(p.type(), p.start(), p.end())).toList();
        return new CommentTriaged.Triage(r.lang(), r.label(), r.confidence(), r.scores(), r.flags(), pii,
                r.priority(), r.reasons(), r.explanation(), r.signals(), r.model(), clock.instant());
    }

    static String triagedEventId(String ingestedEventId) {
        return UUID.nameUUIDFromBytes(("triaged|" + ingestedEventId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
