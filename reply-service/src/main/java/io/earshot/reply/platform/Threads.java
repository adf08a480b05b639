package io.earshot.reply.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.reply.config.PublishConfig;
import io.earshot.reply.domain.QueueItem;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Threads (Meta's Threads API): a reply is made in two steps, a {@code TEXT} container
 * ({@code POST /{user}/threads} with {@code reply_to_id}) then {@code POST /{user}/threads_publish} with its
 * {@code creation_id}. No idempotency key, so a resumed attempt first reads the replies of the post replied to
 * ({@code GET /{id}/replies}) for ours ({@code is_reply_owned_by_me}, same text). A container still being processed
 * ({@code status} {@code IN_PROGRESS}) is worth another attempt. Hide and unhide go through
 * {@code POST /{reply}/manage_reply}; Threads deletes only the profile's own posts, so delete is refused.
 */
class Threads extends HttpPlatform {

    /** Graph throttling codes (application, user, page, and custom rate limits): worth waiting for. */
    private static final Set<Integer> THROTTLED = Set.of(4, 17, 32, 613);

    Threads(ObjectMapper mapper, PublishConfig config) {
        super(mapper, config);
    }

    @Override
    public String platform() {
        return "threads";
    }

    @Override
    PublishConfig.Platform settings() {
        return config.threads();
    }

    @Override
    public boolean idempotent() {
        return false;
    }

    @Override
    boolean throttled(JsonNode body) {
        return THROTTLED.contains(body.path("error").path("code").asInt(-1));
    }

    private String me() {
        return settings().accountId().filter(s -> !s.isBlank()).map(HttpPlatform::enc).orElse("me");
    }

    private HttpRequest form(String path, String form) {
        return request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    @Override
    public Outcome send(ApprovedReply reply) {
        Answer container = call(form("/" + me() + "/threads",
                "media_type=TEXT&text=" + enc(reply.text()) + "&reply_to_id=" + enc(reply.inReplyTo())));
        if (container.failure() != null) {
            return container.failure();
        }
        String creationId = container.body().path("id").asText(null);
        if (creationId == null) {
            return new Transient("Threads made no container id", null);
        }
        Answer published = call(form("/" + me() + "/threads_publish", "creation_id=" + enc(creationId)));
        if (published.failure() instanceof Permanent p && !p.tokenExpired() && inProgress(creationId)) {
            return new Transient("the reply container is still being processed", Instant.now().plusSeconds(30));
        }
        return doneWith(published, "/id");
    }

    /** Whether the container's {@code status} says it is still being processed. */
    private boolean inProgress(String creationId) {
        Answer status = call(request("/" + enc(creationId) + "?fields=status,error_message").GET().build());
        return status.failure() == null && "IN_PROGRESS".equals(status.body().path("status").asText());
    }

    @Override
    public Optional<String> findExisting(ApprovedReply reply) {
        JsonNode replies = lookup(request("/" + enc(reply.inReplyTo())
                + "/replies?fields=id,text,username,timestamp,is_reply_owned_by_me&reverse=true").GET().build());
        return first(replies.path("data"), r -> r.path("is_reply_owned_by_me").asBoolean(false)
                && reply.text().equals(r.path("text").asText()), r -> r.path("id").asText());
    }

    @Override
    public Outcome moderate(QueueItem item, String action) {
        return switch (action) {
            case "hide", "unhide" -> doneAs(call(form("/" + enc(item.externalId()) + "/manage_reply",
                    "hide=" + "hide".equals(action))), null);
            default -> new Permanent("Threads deletes only the profile's own posts; hide the reply instead", false);
        };
    }
}
