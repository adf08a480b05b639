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
        Answer a = call(request("/" + enc(reply.inReplyTo()) + "/replies?fields=id,text,username").GET().build());
        if (a.failure() != null) {
            throw new IllegalStateException("cannot check for an existing reply: " + Facebook.reasonOf(a.failure()));
        }
        String account = settings().accountId().orElse(null);
        for (JsonNode c : a.body().path("data")) {
            boolean ours = account == null || account.equals(c.path("username").asText());
            if (ours && reply.text().equals(c.path("text").asText())) {
                return Optional.of(c.path("id").asText());
            }
        }
        return Optional.empty();
    }

    @Override
    public Outcome moderate(QueueItem item, String action) {
        HttpRequest.Builder r = switch (action) {
            case "hide" -> request("/" + enc(item.externalId()) + "?hide=true").POST(HttpRequest.BodyPublishers.noBody());
            case "unhide" -> request("/" + enc(item.externalId()) + "?hide=false").POST(HttpRequest.BodyPublishers.noBody());
            default -> request("/" + enc(item.externalId())).DELETE();
        };
        return doneWith(call(r.build()), "/id");
    }
}
