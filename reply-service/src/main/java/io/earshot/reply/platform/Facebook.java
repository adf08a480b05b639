package io.earshot.reply.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.reply.config.PublishConfig;
import io.earshot.reply.domain.QueueItem;
import java.util.Map;
import java.util.Optional;

/**
 * Facebook Page comments (Graph API): reply {@code POST /{comment-id}/comments}, hide {@code POST /{comment-id}?is_hidden=},
 * delete {@code DELETE /{comment-id}}. No idempotency key, so before re-sending we read the comment's replies and
 * look for ours ({@code from.id} = the page) with the same message.
 */
class Facebook extends HttpPlatform {

    Facebook(ObjectMapper mapper, PublishConfig config) {
        super(mapper, config);
    }

    @Override
    public String platform() {
        return "facebook";
    }

    @Override
    PublishConfig.Platform settings() {
        return config.facebook();
    }

    @Override
    public boolean idempotent() {
        return false;
    }

    @Override
    public Outcome send(ApprovedReply reply) {
        return doneWith(call(postJson("/" + enc(reply.inReplyTo()) + "/comments", Map.of("message", reply.text()))), "/id");
    }

    @Override
    public Optional<String> findExisting(ApprovedReply reply) {
        JsonNode replies = lookup(request("/" + enc(reply.inReplyTo()) + "/comments?fields=id,message,from&limit=100").GET().build());
        return first(replies.path("data"), c -> ours(c.path("from").path("id").asText())
                && reply.text().equals(c.path("message").asText()), c -> c.path("id").asText());
    }

    @Override
    public Outcome moderate(QueueItem item, String action) {
        return graphModerate(item, action, "is_hidden");
    }
}
