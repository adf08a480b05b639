package io.earshot.triage.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.commons.messaging.EventMessages;
import io.earshot.triage.domain.Triager;
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
 * <p>Triage is a pure function of the event, and the output's id is derived from the input's, so a redelivered
 * record yields the very same event, which the reply-service deduplicates.
 */
@ApplicationScoped
public class TriageProcessor {

    @Inject
    ObjectMapper mapper;

    @Inject
    Triager triager;

    @Incoming(Topics.COMMENTS_INGESTED)
    @Outgoing(Topics.COMMENTS_TRIAGED)
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
        CommentTriaged triaged = new CommentTriaged(triagedEventId(comment.eventId()), raw, triager.triage(comment));
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

    static String triagedEventId(String ingestedEventId) {
        return UUID.nameUUIDFromBytes(("triaged|" + ingestedEventId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
