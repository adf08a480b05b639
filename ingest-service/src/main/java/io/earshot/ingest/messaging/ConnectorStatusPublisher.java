package io.earshot.ingest.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.commons.messaging.EventMessages;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

/** Writes {@code connector.status}, awaited; a failure is logged, never thrown at a poller. */
@ApplicationScoped
public class ConnectorStatusPublisher {

    private static final Logger LOG = Logger.getLogger(ConnectorStatusPublisher.class);

    @Inject
    @Channel(Topics.CONNECTOR_STATUS)
    MutinyEmitter<String> emitter;

    @Inject
    ObjectMapper mapper;

    public boolean publish(ConnectorStatusEvent event) {
        try {
            String json = mapper.writeValueAsString(event);
            emitter.sendMessage(EventMessages.event(event.connector(), json, event.eventId(),
                    "earshot.connector.status", Topics.SOURCE, event.at())).await().atMost(Duration.ofSeconds(10));
            return true;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            LOG.warnf("could not publish connector.status for %s: %s", event.connector(), e.toString());
            return false;
        }
    }
}
