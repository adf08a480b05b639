package io.earshot.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.commons.api.Problem;
import io.earshot.commons.api.Problem.FieldError;
import io.earshot.commons.api.ProblemException;
import io.earshot.ingest.config.IngestConfig;
import io.earshot.ingest.domain.CommentIntake;
import io.earshot.ingest.domain.CommentIntake.Outcome;
import io.earshot.ingest.domain.Normalization;
import io.earshot.ingest.messaging.CommentIngested;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The door for other integrators (review sites, in-house apps): one comment or a batch, signed with
 * {@code X-Earshot-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>." + body)>} and
 * {@code X-Earshot-Timestamp: <epoch seconds>}. A timestamp more than 5 minutes away is a replay and refused.
 */
@Path("/webhooks/generic")
public class GenericWebhookResource {

    public static final String TIMESTAMP = "X-Earshot-Timestamp";
    public static final String SIGNATURE = "X-Earshot-Signature";

    @Inject
    IngestConfig config;

    @Inject
    ObjectMapper mapper;

    @Inject
    Submissions submissions;

    @Inject
    CommentIntake intake;

    @Inject
    Normalization normalization;

    @Inject
    RateLimits rateLimits;

    @Inject
    Integrators integrators;

    @Inject
    MeterRegistry metrics;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Signed comments from an integrator",
            description = "Body: one comment, an array, or {\"comments\":[...]}, in the shape of POST /api/comments (platform defaults to generic).")
    @APIResponse(responseCode = "200", description = "Every good comment is in Kafka; per-comment results, a bad one of a batch rejected with its reason")
    @APIResponse(responseCode = "400", description = "Not JSON, or a single comment that is invalid; the problem names each bad field")
    @APIResponse(responseCode = "403", description = "A comment for a platform or account this secret may not submit for; nothing was published")
    @APIResponse(responseCode = "401", description = "Missing or wrong signature, or a timestamp older than 5 minutes")
    @APIResponse(responseCode = "413", description = "Body larger than 1 MiB")
    @APIResponse(responseCode = "503", description = "Kafka did not acknowledge; retry")
    public Response receive(InputStream body, @HeaderParam(TIMESTAMP) String timestamp, @HeaderParam(SIGNATURE) String signature,
            @HeaderParam("Content-Length") String contentLength) throws IOException {
        Instant receivedAt = Instant.now();
        rateLimits.check("generic");
        byte[] bytes = Bodies.read(body, config.maxWebhookBytes(), contentLength);
        Grant grant = verify(bytes, timestamp, signature, receivedAt);
        JsonNode root = mapper.readTree(bytes);
        boolean wrapped = root != null && root.isObject() && root.has("comments");
        JsonNode items = wrapped ? root.get("comments") : root;
        boolean batch = items != null && items.isArray();
        String prefix = wrapped ? "comments" : "";
        List<JsonNode> nodes = new ArrayList<>();
        if (batch) {
            items.forEach(nodes::add);
        } else {
            nodes.add(items);
        }
        if (nodes.size() > config.generic().maxBatch()) {
            throw ProblemException.badField(prefix.isEmpty() ? "body" : prefix,
                    "at most " + config.generic().maxBatch() + " comments per delivery");
        }
        // a batch takes its good comments and reports each bad one; a single comment that is bad is the whole body
        List<FieldError> refusals = new ArrayList<>();
        IntakeResult[] results = new IntakeResult[nodes.size()];
        List<Integer> taken = new ArrayList<>();
        List<CommentIngested> events = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            String at = batch ? prefix + "[" + i + "]." : "";
            Submissions.Checked checked = submissions.check(nodes.get(i), at, "generic");
            if (!checked.ok()) {
                if (!batch) {
                    throw new ProblemException(Submissions.invalid(checked.errors()));
                }
                results[i] = IntakeResult.rejected(checked.errors().stream().map(e -> e.field() + ": " + e.message())
                        .reduce((a, b) -> a + "; " + b).orElse("invalid"));
                continue;
            }
            FieldError refusal = grant.refusal(at, checked.submission().platform(), checked.submission().account());
            if (refusal != null) {
                refusals.add(refusal);
            } else if (refusals.isEmpty()) {
                taken.add(i);
                events.add(normalization.toEvent(Submissions.toDraft(checked.submission(), nodes.get(i).toString()), receivedAt));
            }
        }
        if (!refusals.isEmpty()) {
            metrics.counter("earshot.ingest.webhook.refused", "source", "generic", "reason", "forbidden").increment();
            throw Grant.forbidden(refusals);
        }
        int rejected = nodes.size() - events.size();
        if (rejected > 0) {
            metrics.counter("earshot.ingest.changes.skipped", "reason", "invalid-comment").increment(rejected);
        }
        List<Outcome> outcomes = events.isEmpty() ? List.of() : intake.accept(events);
        if (!CommentIntake.allStored(outcomes)) {
            throw ProblemException.unavailable("not every comment reached Kafka; nothing is acknowledged, retry", config.retryAfter());
        }
        for (int j = 0; j < taken.size(); j++) {
            Outcome o = outcomes.get(j);
            results[taken.get(j)] = new IntakeResult(o.comment().commentId(), o.comment().eventId(), o.status().name().toLowerCase());
        }
        return Response.ok(WebhookSummary.of(outcomes, null, null, false).withResults(List.of(results), rejected)).build();
    }

    private Grant verify(byte[] body, String timestamp, String signature, Instant now) {
        if (!integrators.anyWebhookSecret()) {
            throw new ProblemException(Problem.of(401, "Unauthorized", "the generic webhook is not configured"));
        }
        if (timestamp == null || signature == null) {
            refuse("unsigned", TIMESTAMP + " and " + SIGNATURE + " are required");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            refuse("timestamp", TIMESTAMP + " must be epoch seconds");
            return null;
        }
        Duration age = Duration.between(Instant.ofEpochSecond(seconds), now).abs();
        if (age.compareTo(config.generic().tolerance()) > 0) {
            refuse("replay", "the timestamp is more than " + config.generic().tolerance().toMinutes()
                    + " minutes away from now; sign the request again");
        }
        Optional<Grant> grant = integrators.byWebhookSignature(signature,
                (timestamp.trim() + ".").getBytes(StandardCharsets.UTF_8), body);
        if (grant.isEmpty()) {
            refuse("signature", SIGNATURE + " does not match the timestamp and body");
        }
        return grant.get();
    }

    private void refuse(String reason, String detail) {
        metrics.counter("earshot.ingest.webhook.refused", "source", "generic", "reason", reason).increment();
        throw new ProblemException(Problem.of(401, "Unauthorized", detail));
    }
}
