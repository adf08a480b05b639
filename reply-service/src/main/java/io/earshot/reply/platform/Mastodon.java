package io.earshot.reply.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.reply.config.PublishConfig;
import java.util.Map;
import java.util.Optional;

/**
 * Mastodon: {@code POST /api/v1/statuses} with {@code in_reply_to_id} and an {@code Idempotency-Key} header (the
 * server keeps it an hour and answers a repeat with the status it already made), so a retry is safe by itself.
 */
class Mastodon extends HttpPlatform {

    Mastodon(ObjectMapper mapper, PublishConfig config) {
        super(mapper, config);
    }

    @Override
    public String platform() {
        return "mastodon";
    }

    @Override
    PublishConfig.Platform settings() {
        return config.mastodon();
    }

    @Override
    public boolean idempotent() {
        return true;
    }

    @Override
    public Outcome send(ApprovedReply reply) {
        Map<String, Object> body = Map.of("status", reply.text(), "in_reply_to_id", reply.inReplyTo(),
                "visibility", settings().visibility());
        return doneWith(call(request("/api/v1/statuses").header("Content-Type", "application/json")
                .header("Idempotency-Key", reply.idempotencyKey()).POST(json(body)).build()), "/id");
    }
}
