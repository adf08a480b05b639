package io.earshot.ingest.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.commons.messaging.EventMessages;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/** Writes {@code comments.ingested}; the returned Uni completes only when Kafka acknowledged the record. */
@ApplicationScoped
public class CommentPublisher {

    @Inject
    @Channel(Topics.COMMENTS_INGESTED)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 16384)
    MutinyEmitter<String> emitter;

    @Inject
    ObjectMapper mapper;

    public Uni<Void> publish(CommentIngested comment) {
        String json;
        try {
            json = mapper.writeValueAsString(comment);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return emitter.sendMessage(EventMessages.event(comment.conversationKey(), json, comment.eventId(),
                "earshot.comment." + comment.action().name(), Topics.SOURCE, comment.receivedAt()));
    }
}
