package io.earshot.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.commons.api.Problem;
import io.earshot.commons.api.Problem.FieldError;
import io.earshot.commons.api.ProblemException;
import io.earshot.ingest.config.IngestConfig;
import io.earshot.ingest.domain.CommentIntake;
import io.earshot.ingest.domain.CommentIntake.Outcome;
import io.earshot.ingest.domain.Hashes;
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
    MeterRegistry metrics;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Signed comments from an integrator",
            description = "Body: one comment, an array, or {\"comments\":[...]}, in the shape of POST /api/comments (platform defaults to generic).")
    @APIResponse(responseCode = "200", description = "Every comment is in Kafka; per-comment results")
    @APIResponse(responseCode = "400", description = "Invalid; the problem names each bad field")
    @APIResponse(responseCode = "401", description = "Missing or wrong signature, or a timestamp older than 5 minutes")
    @APIResponse(responseCode = "413", description = "Body larger than 1 MiB")
    @APIResponse(responseCode = "503", description = "Kafka did not acknowledge; retry")
    public Response receive(InputStream body, @HeaderParam(TIMESTAMP) String timestamp, @HeaderParam(SIGNATURE) String signature,
            @HeaderParam("Content-Length") String contentLength) throws IOException {
        Instant receivedAt = Instant.now();
        rateLimits.check("generic");
        byte[] bytes = Bodies.read(body, config.maxWebhookBytes(), contentLength);
        verify(bytes, timestamp, signature, receivedAt);
        JsonNode root = mapper.readTree(bytes);
        JsonNode items = root != null && root.isObject() && root.has("comments") ? root.get("comments") : root;
        String prefix = root != null && root.isObject() && root.has("comments") ? "comments" : "";
        List<JsonNode> nodes = new ArrayList<>();
        if (items != null && items.isArray()) {
            items.forEach(nodes::add);
        } else {
            nodes.add(items);
            prefix = null;
        }
        if (nodes.size() > config.generic().maxBatch()) {
            throw ProblemException.badField(prefix == null || prefix.isEmpty() ? "body" : prefix,
                    "at most " + config.generic().maxBatch() + " comments per delivery");
        }
        List<FieldError> errors = new ArrayList<>();
        List<CommentIngested> events = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            String at = prefix == null ? "" : prefix + "[" + i + "].";
            Submissions.Checked checked = submissions.check(nodes.get(i), at, "generic");
            if (!checked.ok()) {
                errors.addAll(checked.errors());
            } else if (errors.isEmpty()) {
                events.add(normalization.toEvent(Submissions.toDraft(checked.submission(), nodes.get(i).toString()), receivedAt));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Submissions.invalid(errors));
        }
        List<Outcome> outcomes = intake.accept(events);
        if (!CommentIntake.allStored(outcomes)) {
            throw ProblemException.unavailable("not every comment reached Kafka; nothing is acknowledged, retry", config.retryAfter());
        }
        return Response.ok(WebhookSummary.of(outcomes, null, null, true)).build();
    }

    private void verify(byte[] body, String timestamp, String signature, Instant now) {
        String secret = config.generic().secret().orElse(null);
        if (secret == null) {
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
            return;
        }
        Duration age = Duration.between(Instant.ofEpochSecond(seconds), now).abs();
        if (age.compareTo(config.generic().tolerance()) > 0) {
            refuse("replay", "the timestamp is more than " + config.generic().tolerance().toMinutes()
                    + " minutes away from now; sign the request again");
        }
        if (!Hashes.signatureMatches(signature, secret, (timestamp.trim() + ".").getBytes(StandardCharsets.UTF_8), body)) {
            refuse("signature", SIGNATURE + " does not match the timestamp and body");
        }
    }

    private void refuse(String reason, String detail) {
        metrics.counter("earshot.ingest.webhook.refused", "source", "generic", "reason", reason).increment();
        throw new ProblemException(Problem.of(401, "Unauthorized", detail));
    }
}
