package io.earshot.reply.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.commons.webhook.WebhookSignature;
import io.earshot.reply.config.PublishConfig;
import io.earshot.reply.domain.QueueItem;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The generic integration: an HMAC-signed {@code POST} of the reply to the integrator's callback URL.
 * Headers: {@code X-Earshot-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>},
 * {@code X-Earshot-Timestamp} (epoch seconds) and {@code Idempotency-Key}, which stays the same for every attempt of
 * one approval, so the integrator can drop repeats. Moderation actions are posted the same way with {@code action}.
 */
class GenericCallback extends HttpPlatform {

    GenericCallback(ObjectMapper mapper, PublishConfig config) {
        super(mapper, config);
    }

    @Override
    public String platform() {
        return "generic";
    }

    @Override
    PublishConfig.Platform settings() {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean idempotent() {
        return true;
    }

    @Override
    public Outcome send(ApprovedReply reply) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", "reply");
        body.put("itemId", reply.itemId());
        body.put("commentId", reply.commentId());
        body.put("externalId", reply.inReplyTo());
        body.put("threadId", reply.threadId());
        body.put("text", reply.text());
        body.put("approvedBy", reply.approvedBy());
        body.put("idempotencyKey", reply.idempotencyKey());
        return post(body, reply.idempotencyKey());
    }

    @Override
    public Outcome moderate(QueueItem item, String action) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", action);
        body.put("itemId", item.id());
        body.put("commentId", item.commentId());
        body.put("externalId", item.externalId());
        return post(body, item.id() + ":" + action + ":" + item.version());
    }

    private Outcome post(Map<String, Object> body, String idempotencyKey) {
        String url = config.generic().callbackUrl().orElse(null);
        String secret = config.generic().secret().orElse(null);
        if (url == null || url.isBlank() || secret == null || secret.isBlank()) {
            return new Permanent("EARSHOT_GENERIC_CALLBACK_URL and EARSHOT_GENERIC_CALLBACK_SECRET must be set", false);
        }
        String json;
        try {
            json = mapper.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(config.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .header(WebhookSignature.TIMESTAMP_HEADER, timestamp)
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.header(secret, timestamp, json))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return doneWith(call(request), "/id");
    }
}
