package io.earshot.ingest.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.commons.api.Problem;
import io.earshot.commons.api.ProblemException;
import io.earshot.ingest.config.IngestConfig;
import io.earshot.ingest.domain.Normalization;
import io.earshot.ingest.domain.CommentIntake;
import io.earshot.ingest.domain.CommentIntake.Outcome;
import io.earshot.ingest.messaging.CommentIngested;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Takes one comment already in Earshot's normalised shape (services, integrators, the demo); needs the API key.
 * {@code action: edited|removed} publishes a new version of a comment already seen.
 */
@Path("/api/comments")
public class CommentResource {

    @Inject
    CommentIntake intake;

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    @Inject
    IngestConfig config;

    @Inject
    Normalization normalization;

    @Inject
    RateLimits rateLimits;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit one comment", description = "Published once per platform+externalId; the answer comes after Kafka acknowledged it.")
    @RequestBody(content = @Content(schema = @Schema(implementation = CommentSubmission.class)))
    @APIResponse(responseCode = "202", description = "Accepted and published")
    @APIResponse(responseCode = "200", description = "A duplicate: already published; the existing id is returned")
    @APIResponse(responseCode = "400", description = "Invalid; the problem names each bad field")
    @APIResponse(responseCode = "413", description = "Body larger than 64 KiB")
    @APIResponse(responseCode = "503", description = "Kafka or Redis unavailable; retry after Retry-After seconds")
    @APIResponse(responseCode = "401", description = "No or a wrong API key (Authorization: Bearer)")
    @APIResponse(responseCode = "403", description = "The key may not submit comments for this platform or account")
    @APIResponse(responseCode = "429", description = "Over the rate limit; retry after Retry-After seconds")
    public Response submit(InputStream in, @HeaderParam("Content-Length") String contentLength, RoutingContext routing)
            throws IOException {
        rateLimits.check("api");
        // read as a stream up to the limit: the server-wide body limit is high for bulk import
        byte[] body = Bodies.read(in, config.maxCommentBytes(), contentLength);
        if (body.length == 0) {
            throw ProblemException.badField("body", "must be a JSON comment");
        }
        CommentSubmission submission = mapper.readValue(body, CommentSubmission.class);
        if (submission == null) {
            throw ProblemException.badField("body", "must be a JSON comment");
        }
        Set<ConstraintViolation<CommentSubmission>> violations = validator.validate(submission);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        Grant grant = routing.get(Grant.ATTRIBUTE);
        Problem.FieldError refusal = grant == null ? new Problem.FieldError("platform", "no key")
                : grant.refusal("", submission.platform(), submission.account());
        if (refusal != null) {
            throw Grant.forbidden(java.util.List.of(refusal));
        }
        Outcome outcome = intake.accept(normalization.toEvent(
                Submissions.toDraft(submission, new String(body, StandardCharsets.UTF_8)), Instant.now()));
        CommentIngested comment = outcome.comment();
        IntakeResult result = new IntakeResult(comment.commentId(), comment.eventId(), outcome.status().name().toLowerCase());
        return switch (outcome.status()) {
            case ACCEPTED -> Response.accepted(result).build();
            case DUPLICATE -> Response.ok(result).build();
            case IN_PROGRESS -> throw new ProblemException(Problem.of(409, "Conflict",
                    "the same comment is being published by another request; retry shortly"), config.retryAfter());
            case FAILED -> throw ProblemException.unavailable("Kafka did not acknowledge the comment; nothing was kept, retry", config.retryAfter());
        };
    }
}
