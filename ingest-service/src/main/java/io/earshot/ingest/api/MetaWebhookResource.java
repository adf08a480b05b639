package io.earshot.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.commons.api.Problem;
import io.earshot.commons.api.ProblemException;
import io.earshot.ingest.config.IngestConfig;
import io.earshot.ingest.domain.Hashes;
import io.earshot.ingest.domain.MetaDeliveries;
import io.earshot.ingest.domain.MetaIntake;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.logging.Logger;

/**
 * Meta's webhooks for Facebook Page {@code feed} and Instagram {@code comments} and {@code mentions}. The signature is checked on the
 * raw bytes before anything is parsed; the answer is 200 only once every comment of the delivery is in Kafka and
 * every change that could not become one is on {@code webhooks.meta.dlq} or counted, so Meta's retry covers any
 * failure and one odd change never refuses the other 999.
 */
@Path("/webhooks/meta")
public class MetaWebhookResource {

    private static final Logger LOG = Logger.getLogger(MetaWebhookResource.class);

    @Inject
    IngestConfig config;

    @Inject
    ObjectMapper mapper;

    @Inject
    MetaIntake metaIntake;

    @Inject
    RateLimits rateLimits;

    @Inject
    MeterRegistry metrics;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Meta's subscription handshake", description = "Answers hub.challenge when hub.mode=subscribe and the verify token matches.")
    @APIResponse(responseCode = "200", description = "The challenge, as plain text")
    @APIResponse(responseCode = "403", description = "Wrong mode or verify token")
    public Response verify(@QueryParam("hub.mode") String mode, @QueryParam("hub.verify_token") String token,
            @QueryParam("hub.challenge") String challenge) {
        if ("subscribe".equals(mode) && challenge != null && !challenge.isEmpty()
                && Hashes.secretEquals(config.meta().verifyToken().orElse(null), token)) {
            return Response.ok(challenge, MediaType.TEXT_PLAIN).build();
        }
        throw new ProblemException(Problem.of(403, "Forbidden", "verification refused: wrong hub.mode or hub.verify_token"));
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A Meta webhook delivery", description = "Signed with X-Hub-Signature-256; up to 1,000 changes.")
    @APIResponse(responseCode = "200", description = "Every comment of the delivery is in Kafka (or was before), every Instagram mention is queued on webhooks.meta (mentionsQueued); changes that could not be comments are counted, and kept on webhooks.meta.dlq when they looked like one")
    @APIResponse(responseCode = "400", description = "Malformed JSON, invalid UTF-8, or no entry array")
    @APIResponse(responseCode = "401", description = "Missing or wrong signature; nothing was published")
    @APIResponse(responseCode = "413", description = "Body larger than 1 MiB")
    @APIResponse(responseCode = "429", description = "Over the rate limit")
    @APIResponse(responseCode = "503", description = "Kafka did not acknowledge; Meta retries the delivery")
    public Response receive(InputStream body, @HeaderParam("X-Hub-Signature-256") String signature,
            @HeaderParam("Content-Length") String contentLength) throws IOException {
        Instant receivedAt = Instant.now();
        long start = System.nanoTime();
        rateLimits.check("meta");
        byte[] bytes = Bodies.read(body, config.maxWebhookBytes(), contentLength);
        String secret = config.meta().appSecret().orElse(null);
        if (secret == null) {
            LOG.warn("a Meta delivery arrived but earshot.ingest.meta.app-secret is not set; refused");
            throw new ProblemException(Problem.of(401, "Unauthorized", "the Meta webhook is not configured"));
        }
        if (signature == null) {
            metrics.counter("earshot.ingest.webhook.refused", "source", "meta", "reason", "unsigned").increment();
            throw new ProblemException(Problem.of(401, "Unauthorized", "X-Hub-Signature-256 is missing"));
        }
        if (!Hashes.signatureMatches(signature, secret, bytes)) {
            metrics.counter("earshot.ingest.webhook.refused", "source", "meta", "reason", "signature").increment();
            throw new ProblemException(Problem.of(401, "Unauthorized", "X-Hub-Signature-256 does not match the body"));
        }
        JsonNode root = mapper.readTree(bytes);
        long parsedAt = System.nanoTime();
        MetaIntake.Result result = metaIntake.accept(root, receivedAt);
        MetaDeliveries.Parsed parsed = result.parsed();
        if (!parsed.errors().isEmpty()) {
            throw new ProblemException(Submissions.invalid(parsed.errors().stream()
                    .map(e -> new Problem.FieldError(e[0], e[1])).toList()));
        }
        if (LOG.isDebugEnabled()) {
            LOG.debugf("meta delivery of %d bytes, %d comments, %d set aside: read and verify %d ms; intake %d ms", bytes.length,
                    parsed.comments().size(), parsed.skipped().size(), (parsedAt - start) / 1_000_000,
                    (System.nanoTime() - parsedAt) / 1_000_000);
        }
        if (!result.stored()) {
            throw ProblemException.unavailable("not every change of the delivery reached Kafka; nothing is acknowledged, retry",
                    config.retryAfter());
        }
        return Response.ok(WebhookSummary.of(result.outcomes(), parsed.ownSkipped(), parsed.ignored(), false)
                .withSkipped(parsed.skipped(), result.deadLettered()).withMentions(result.mentions())).build();
    }
}
