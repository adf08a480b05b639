package io.earshot.triage.insights;

import io.earshot.commons.webhook.WebhookSignature;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * POSTs a raised emerging issue to the configured receiver, signed like every webhook Earshot sends:
 * {@code X-Earshot-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + rawBody)>} and
 * {@code X-Earshot-Timestamp} (epoch seconds). The body is the {@code insights.emerging} event (terms, counts,
 * languages, platforms, window, example item ids: no author data). Called only by the replica that won the
 * {@link AlarmClaims} claim, so each alarm is posted once across replicas; retried with exponential backoff.
 * {@code Idempotency-Key} is the event id, so a receiver can drop a repeat after a lost response.
 */
@ApplicationScoped
public class InsightsWebhook {

    private static final Logger LOG = Logger.getLogger(InsightsWebhook.class);

    private final WebhookConfig config;
    private final HttpClient http;
    Clock clock = Clock.systemUTC();

    public InsightsWebhook(WebhookConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
        if (config.url().isPresent() && config.secret().filter(s -> !s.isBlank()).isEmpty()) {
            throw new IllegalStateException("earshot.insights.webhook.url is set but earshot.insights.webhook.secret is not");
        }
    }

    /** True when a receiver URL is configured. */
    public boolean enabled() {
        return config.url().isPresent();
    }

    /** Posts {@code json} (the event as published); true when the receiver answered 2xx within the attempts. */
    public boolean post(String eventId, String json) {
        if (!enabled()) {
            return false;
        }
        long delay = config.backoff().toMillis();
        for (int attempt = 1; attempt <= config.attempts(); attempt++) {
            try {
                int status = send(eventId, json);
                if (status / 100 == 2) {
                    return true;
                }
                LOG.warnf("insights webhook attempt %d for %s: HTTP %d", attempt, eventId, status);
            } catch (java.io.IOException e) {
                LOG.warnf("insights webhook attempt %d for %s: %s", attempt, eventId, e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (attempt < config.attempts() && !pause(delay)) {
                return false;
            }
            delay *= 2;
        }
        LOG.errorf("insights webhook gave up on %s after %d attempts", eventId, config.attempts());
        return false;
    }

    private int send(String eventId, String json) throws java.io.IOException, InterruptedException {
        HttpRequest request = WebhookSignature.signedPost(URI.create(config.url().orElseThrow()), config.timeout(), eventId,
                config.secret().orElseThrow(), json, clock.instant());
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis); // backoff between attempts on the blocking insights worker, not synchronisation
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Hex HMAC-SHA256 of {@code timestamp + "." + body} (UTF-8); receivers compute the same over the raw bytes. */
    static String sign(String secret, String timestamp, String body) {
        return WebhookSignature.hmacHex(secret, timestamp + "." + body);
    }
}
