package io.earshot.reply.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.reply.config.PublishConfig;
import io.earshot.reply.domain.QueueItem;
import java.net.http.HttpRequest;
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
        return doneWith(call(request("/" + enc(reply.inReplyTo()) + "/comments")
                .header("Content-Type", "application/json").POST(json(Map.of("message", reply.text()))).build()), "/id");
    }

    @Override
    public Optional<String> findExisting(ApprovedReply reply) {
        Answer a = call(request("/" + enc(reply.inReplyTo()) + "/comments?fields=id,message,from&limit=100").GET().build());
        if (a.failure() != null) {
            throw new IllegalStateException("cannot check for an existing reply: " + reasonOf(a.failure()));
        }
        String page = settings().accountId().orElse(null);
        for (JsonNode c : a.body().path("data")) {
            boolean ours = page == null || page.equals(c.path("from").path("id").asText());
            if (ours && reply.text().equals(c.path("message").asText())) {
                return Optional.of(c.path("id").asText());
            }
        }
        return Optional.empty();
    }

    @Override
    public Outcome moderate(QueueItem item, String action) {
        HttpRequest.Builder r = switch (action) {
            case "hide" -> request("/" + enc(item.externalId()) + "?is_hidden=true").POST(HttpRequest.BodyPublishers.noBody());
            case "unhide" -> request("/" + enc(item.externalId()) + "?is_hidden=false").POST(HttpRequest.BodyPublishers.noBody());
            default -> request("/" + enc(item.externalId())).DELETE();
        };
        return doneWith(call(r.build()), "/id");
    }

    static String reasonOf(Outcome o) {
        return o instanceof Transient t ? t.reason() : o instanceof Permanent p ? p.reason() : "";
    }
}
