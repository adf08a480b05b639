package io.earshot.reply.messaging;

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

/** Writes {@code replies}; the returned Uni completes only when Kafka acknowledged the event. */
@ApplicationScoped
public class ReplyEventPublisher {

    @Inject
    @Channel(Topics.REPLIES)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 16384)
    MutinyEmitter<String> emitter;

    @Inject
    ObjectMapper mapper;

    public Uni<Void> publish(ReplyEvent event) {
        String json;
        try {
            json = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return emitter.sendMessage(EventMessages.event(event.threadKey(), json, event.eventId(),
                "earshot.reply." + event.type(), Topics.SOURCE, event.occurredAt()));
    }
}
