package io.earshot.reply.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.reply.config.PublishConfig;
import io.earshot.reply.domain.QueueItem;
import java.net.http.HttpRequest;
import java.util.Optional;

/**
 * Instagram Graph API: reply {@code POST /{ig-comment-id}/replies?message=}, hide {@code POST /{id}?hide=},
 * delete {@code DELETE /{id}}. No idempotency key: before re-sending, our reply is looked for among the replies.
 */
class Instagram extends HttpPlatform {

    Instagram(ObjectMapper mapper, PublishConfig config) {
        super(mapper, config);
    }

    @Override
    public String platform() {
        return "instagram";
    }

    @Override
    PublishConfig.Platform settings() {
        return config.instagram();
    }

    @Override
    public boolean idempotent() {
        return false;
    }

    @Override
    public Outcome send(ApprovedReply reply) {
        return doneWith(call(request("/" + enc(reply.inReplyTo()) + "/replies?message=" + enc(reply.text()))
                .POST(HttpRequest.BodyPublishers.noBody()).build()), "/id");
    }

    @Override
    public Optional<String> findExisting(ApprovedReply reply) {
        JsonNode replies = lookup(request("/" + enc(reply.inReplyTo()) + "/replies?fields=id,text,username").GET().build());
        return first(replies.path("data"), c -> ours(c.path("username").asText())
                && reply.text().equals(c.path("text").asText()), c -> c.path("id").asText());
    }

    @Override
    public Outcome moderate(QueueItem item, String action) {
        return graphModerate(item, action, "hide");
    }
}
