package io.earshot.reply.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.commons.messaging.EventMessages;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Writes {@code audit}, keyed by the action's subject; the Uni completes when Kafka acknowledged the event. */
@ApplicationScoped
public class ActionEventPublisher {

    private final MutinyEmitter<String> emitter;
    private final ObjectMapper mapper;

    public ActionEventPublisher(@Channel(Topics.AUDIT) MutinyEmitter<String> emitter, ObjectMapper mapper) {
        this.emitter = emitter;
        this.mapper = mapper;
    }

    /** Sends {@code event}, whose JSON the caller already made (with {@link #json}) for the log. */
    public Uni<Void> publish(ActionEvent event, String json) {
        return emitter.sendMessage(EventMessages.event(event.subject(), json, event.eventId(),
                "earshot.audit." + event.action(), Topics.SOURCE, event.occurredAt()));
    }

    /** The event as the log and the topic keep it. */
    public String json(ActionEvent event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
