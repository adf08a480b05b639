package io.earshot.reply.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.reply.config.DashboardConfig;
import io.earshot.reply.messaging.ReplyEvent;
import io.earshot.reply.messaging.Topics;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * Live updates for the dashboard as Server-Sent Events. Every state change is already an event on {@code replies};
 * each instance reads that topic from the latest offset in a consumer group of its own and fans each change out to
 * its open pages, so a claim made through any instance reaches every responder's page within a second. A page that
 * receives an update re-reads the item through the API, so no comment text travels on this stream. Emerging issues
 * ({@code EmergingConsumer}) are announced here too, as type {@code emerging}.
 *
 * <p>The stream is a view: an unreadable record is skipped (the {@code replies} consumers that own state keep their
 * dead-letter topics), and a page that reconnects reloads its list.
 */
@ApplicationScoped
@Path("/api/live")
public class LiveUpdates {

    private static final Logger LOG = Logger.getLogger(LiveUpdates.class);

    /** One change as the page receives it. */
    public record Update(String type, String itemId, String state, String actor, String platform, Instant at) {
    }

    private final BroadcastProcessor<Update> hub = BroadcastProcessor.create();

    @Inject
    ObjectMapper mapper;

    @Inject
    DashboardConfig config;

    @Incoming(Topics.REPLIES_LIVE)
    public void onReplyEvent(String json) {
        try {
            ReplyEvent e = mapper.readValue(json, ReplyEvent.class);
            if (e.itemId() != null) {
                publish(new Update(e.type(), e.itemId(), e.state(), e.actor(), e.platform(), e.occurredAt()));
            }
        } catch (IOException | RuntimeException e) {
            LOG.debugf("live view skipped an unreadable replies record: %s", e.getMessage());
        }
    }

    /** Sends {@code update} to every open page of this instance. */
    public void publish(Update update) {
        hub.onNext(update);
    }

    @GET
    @Authenticated
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Live queue changes (Server-Sent Events)",
            description = "One JSON object per change: type, itemId, state, actor, platform, at. A 'hello' on connect "
                    + "and a 'heartbeat' periodically. Re-read the item through GET /api/queue/{id}. Type 'emerging' "
                    + "(no itemId, state new or growing): an emerging issue or a new version of one arrived; re-read "
                    + "GET /api/insights/emerging.")
    public Multi<Update> stream() {
        Multi<Update> hello = Multi.createFrom().item(() -> new Update("hello", null, null, null, null, Instant.now()));
        Multi<Update> heartbeats = Multi.createFrom().ticks().every(config.liveHeartbeat())
                .map(tick -> new Update("heartbeat", null, null, null, null, Instant.now()));
        return Multi.createBy().merging().streams(hello, hub.onOverflow().buffer(1024), heartbeats);
    }
}
