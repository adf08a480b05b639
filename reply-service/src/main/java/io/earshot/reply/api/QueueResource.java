package io.earshot.reply.api;

import io.earshot.commons.api.ProblemException;
import io.earshot.reply.config.ReplyConfig;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.redis.QueueStore;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The human queue: what waits for a reply, most urgent and newest first. */
@Path("/api/queue")
@Produces(MediaType.APPLICATION_JSON)
public class QueueResource {

    @Inject
    QueueStore store;

    @Inject
    ReplyConfig config;

    @GET
    @Operation(summary = "List the queue", description = "Most urgent first, then newest. Page with the returned nextCursor.")
    public QueueStore.Page list(
            @QueryParam("label") @Pattern(regexp = "praise|complaint|neutral", message = "must be praise, complaint or neutral") String label,
            @QueryParam("platform") @Pattern(regexp = "[a-z][a-z0-9_-]{0,31}", message = "must be a platform name") String platform,
            @QueryParam("lang") @Pattern(regexp = "[a-z]{2,3}", message = "must be an ISO 639 code") String lang,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("20") int limit) {
        if (limit < 1 || limit > config.maxPageSize()) {
            throw ProblemException.badField("limit", "must be between 1 and " + config.maxPageSize());
        }
        try {
            return store.page(new QueueStore.Filter(label, platform, lang), cursor, limit);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("cursor", "is not a cursor this API returned");
        }
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One queue item: the comment, triage's verdict, the draft and its state")
    public QueueItem get(@PathParam("id") String id) {
        return store.find(id).orElseThrow(() ->
                ProblemException.status(Response.Status.NOT_FOUND, "no queue item " + id));
    }
}
