package io.earshot.reply.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.reply.config.PublishConfig;
import io.earshot.reply.domain.QueueItem;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.Optional;

/**
 * YouTube Data API v3: reply {@code POST /youtube/v3/comments?part=snippet} with the top-level comment as
 * {@code parentId}; moderation {@code POST /youtube/v3/comments/setModerationStatus}. No idempotency key: before
 * re-sending, the replies of the parent are listed and ours (our channel, same text) is looked for.
 */
class YouTube extends HttpPlatform {

    YouTube(ObjectMapper mapper, PublishConfig config) {
        super(mapper, config);
    }

    @Override
    public String platform() {
        return "youtube";
    }

    @Override
    PublishConfig.Platform settings() {
        return config.youtube();
    }

    @Override
    public boolean idempotent() {
        return false;
    }

    /** Replies hang under the top-level comment, also when answering a reply. */
    private static String parentOf(ApprovedReply reply) {
        return reply.parentId() != null && !reply.parentId().isBlank() ? reply.parentId() : reply.inReplyTo();
    }

    @Override
    public Outcome send(ApprovedReply reply) {
        Map<String, Object> body = Map.of("snippet", Map.of("parentId", parentOf(reply), "textOriginal", reply.text()));
        return doneWith(call(postJson("/youtube/v3/comments?part=snippet", body)), "/id");
    }

    @Override
    public Optional<String> findExisting(ApprovedReply reply) {
        JsonNode replies = lookup(request("/youtube/v3/comments?part=snippet&maxResults=100&textFormat=plainText&parentId="
                + enc(parentOf(reply))).GET().build());
        return first(replies.path("items"), c -> ours(c.path("snippet").path("authorChannelId").path("value").asText())
                && reply.text().equals(c.path("snippet").path("textOriginal").asText()), c -> c.path("id").asText());
    }

    @Override
    public Outcome moderate(QueueItem item, String action) {
        String status = switch (action) {
            case "hide" -> "heldForReview";
            case "unhide" -> "published";
            default -> "rejected";
        };
        Answer a = call(request("/youtube/v3/comments/setModerationStatus?id=" + enc(item.externalId())
                + "&moderationStatus=" + status).POST(HttpRequest.BodyPublishers.noBody()).build());
        return doneAs(a, null);
    }

    @Override
    boolean tokenExpired(JsonNode body) {
        return "authError".equals(body.at("/error/errors/0/reason").asText());
    }
}
