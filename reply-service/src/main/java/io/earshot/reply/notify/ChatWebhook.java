package io.earshot.reply.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.commons.webhook.WebhookSignature;
import io.earshot.reply.config.NotifyConfig;
import io.earshot.reply.domain.QueueItems;
import io.earshot.reply.metrics.ReplyMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * POSTs each notice to a chat webhook (a Slack- or Teams-style incoming hook behind a small verifier, or any
 * receiver), signed like every webhook Earshot sends: {@code X-Earshot-Timestamp} (epoch seconds) and
 * {@code X-Earshot-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + rawBody)>}. The body carries the
 * notice's routing facts, a one-line {@code text} and the link, never comment text or author data. Runs on the
 * notifier's worker thread; retried with backoff; {@code Idempotency-Key} is the same on every attempt of a notice.
 */
@ApplicationScoped
public class ChatWebhook {

    private static final Logger LOG = Logger.getLogger(ChatWebhook.class);
    private static final String CHANNEL = "webhook";

    private final NotifyConfig config;
    private final ObjectMapper mapper;
    private final ReplyMetrics metrics;
    private final HttpClient http;
    private final Clock clock = Clock.systemUTC();

    public ChatWebhook(NotifyConfig config, ObjectMapper mapper, ReplyMetrics metrics) {
        this.config = config;
        this.mapper = mapper;
        this.metrics = metrics;
        this.http = HttpClient.newBuilder().connectTimeout(config.webhook().timeout()).build();
        if (config.webhook().url().isPresent() && config.webhook().secret().filter(s -> !s.isBlank()).isEmpty()) {
            throw new IllegalStateException("earshot.reply.notify.webhook.url is set but earshot.reply.notify.webhook.secret is not");
        }
    }

    /** Posts the notice when a webhook is configured; true when the receiver answered 2xx within the attempts. */
    public boolean post(Notice notice) {
        NotifyConfig.Webhook hook = config.webhook();
        if (hook.url().isEmpty()) {
            return false;
        }
        String kind = notice.kind().tag();
        String key = UUID.randomUUID().toString();
        String json = body(notice, key);
        long delay = hook.backoff().toMillis();
        for (int attempt = 1; attempt <= hook.attempts(); attempt++) {
            try {
                int status = send(key, json);
                if (status / 100 == 2) {
                    metrics.notification(CHANNEL, kind, "sent");
                    return true;
                }
                LOG.warnf("notification webhook attempt %d (%s of item %s): HTTP %d", attempt, kind, notice.itemId(), status);
            } catch (IOException e) {
                LOG.warnf("notification webhook attempt %d (%s of item %s): %s", attempt, kind, notice.itemId(),
                        e.getClass().getName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (attempt < hook.attempts() && !pause(delay)) {
                break;
            }
            delay *= 2;
        }
        metrics.notification(CHANNEL, kind, "failed");
        return false;
    }

    private int send(String key, String json) throws IOException, InterruptedException {
        NotifyConfig.Webhook hook = config.webhook();
        HttpRequest request = WebhookSignature.signedPost(URI.create(hook.url().orElseThrow()), hook.timeout(), key,
                hook.secret().orElseThrow(), json, clock.instant());
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The JSON a receiver gets: documented in docs/reply-workflow.md. */
    String body(Notice n, String id) {
        NoticeMail mail = NoticeMail.of(n, config.dashboardUrl(), ZoneOffset.UTC);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("kind", n.kind().tag());
        body.put("text", mail.subject());
        body.put("itemId", n.itemId());
        body.put("caseRef", QueueItems.caseReference(n.itemId()));
        body.put("platform", n.platform());
        body.put("account", n.account());
        body.put("label", n.label());
        body.put("priority", n.priority());
        body.put("deadline", n.deadline() == null ? null : n.deadline().toString());
        body.put("team", n.team());
        body.put("assignee", n.assignee());
        body.put("link", NoticeMail.link(config.dashboardUrl(), n.itemId()));
        body.put("sentAt", Instant.now(clock).toString());
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis); // backoff between attempts on the notifier's worker thread, not synchronisation
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
