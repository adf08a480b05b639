package io.earshot.reply.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.earshot.reply.config.LlmConfig;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * One call to an OpenAI-compatible {@code /chat/completions}: retried on 429 with exponential backoff, bounded by a
 * timeout, and behind a circuit breaker so a failing provider is left alone for a while instead of slowing every
 * draft down. Callers fall back to the template on any exception.
 */
@ApplicationScoped
public class LlmClient {

    /** The provider asked us to slow down (429): worth a retry. */
    public static class RateLimited extends RuntimeException {
        public RateLimited(String message) {
            super(message);
        }
    }

    /** Any other failure: not retried, counted by the breaker. */
    public static class Failed extends RuntimeException {
        public Failed(String message) {
            super(message);
        }
    }

    /** The provider did not answer within the configured timeout. */
    public static class TimedOut extends Failed {
        public TimedOut(String message) {
            super(message);
        }
    }

    @Inject
    LlmConfig config;

    @Inject
    ObjectMapper mapper;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @return the reply text, or empty when the model refused
     */
    @Retry(retryOn = RateLimited.class, maxRetries = 3, delay = 200, jitter = 100, maxDuration = 30, durationUnit = ChronoUnit.SECONDS)
    @ExponentialBackoff(factor = 2, maxDelay = 5, maxDelayUnit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 30, delayUnit = ChronoUnit.SECONDS,
            skipOn = RateLimited.class)
    @CircuitBreakerName("llm")
    @Timeout(value = 20, unit = ChronoUnit.SECONDS)
    public Optional<String> complete(String system, String user) {
        String base = config.baseUrl().orElseThrow(() -> new Failed("no LLM base URL configured"));
        ObjectNode body = mapper.createObjectNode().put("model", config.model()).put("temperature", 0.3);
        var messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", system);
        messages.addObject().put("role", "user").put("content", user);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.replaceAll("/+$", "") + "/chat/completions"))
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        config.apiKey().ifPresent(key -> request.header("Authorization", "Bearer " + key));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new TimedOut("LLM did not answer within " + config.timeout());
        } catch (IOException e) {
            throw new Failed("LLM call failed: " + e.getClass().getSimpleName() + " " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("interrupted");
        }
        if (response.statusCode() == 429) {
            throw new RateLimited("LLM rate limited");
        }
        if (response.statusCode() / 100 != 2) {
            throw new Failed("LLM answered " + response.statusCode());
        }
        JsonNode answer;
        try {
            answer = mapper.readTree(response.body());
        } catch (IOException e) {
            throw new Failed("LLM answer is not JSON");
        }
        JsonNode choice = answer.path("choices").path(0);
        JsonNode message = choice.path("message");
        if (!message.path("refusal").isMissingNode() && !message.path("refusal").isNull()
                || "content_filter".equals(choice.path("finish_reason").asText())) {
            return Optional.empty();
        }
        JsonNode content = message.path("content");
        if (!content.isTextual()) {
            throw new Failed("LLM answer has no message content");
        }
        String text = content.asText().strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
}
