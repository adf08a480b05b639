package io.earshot.reply.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.reply.config.PublishConfig;
import java.util.Map;
import java.util.Optional;

/**
 * X API v2: {@code POST /2/tweets} with {@code reply.in_reply_to_tweet_id}. X has no idempotency key, so before a
 * re-send our recent posts ({@code GET /2/users/:id/tweets}) are checked for a reply to the same post with the same
 * text. On 429 the {@code x-rate-limit-reset} header says when to come back.
 */
class XPlatform extends HttpPlatform {

    XPlatform(ObjectMapper mapper, PublishConfig config) {
        super(mapper, config);
    }

    @Override
    public String platform() {
        return "x";
    }

    @Override
    PublishConfig.Platform settings() {
        return config.x();
    }

    @Override
    public boolean idempotent() {
        return false;
    }

    @Override
    public Outcome send(ApprovedReply reply) {
        Map<String, Object> body = Map.of("text", reply.text(), "reply", Map.of("in_reply_to_tweet_id", reply.inReplyTo()));
        return doneWith(call(postJson("/2/tweets", body)), "/data/id");
    }

    @Override
    public Optional<String> findExisting(ApprovedReply reply) {
        String me = settings().accountId().orElseThrow(() -> new IllegalStateException("x needs its account id to check for an earlier reply"));
        JsonNode posts = lookup(request("/2/users/" + enc(me) + "/tweets?max_results=100&tweet.fields=referenced_tweets").GET().build());
        return first(posts.path("data"), t -> reply.text().equals(t.path("text").asText()) && repliesTo(t, reply.inReplyTo()),
                t -> t.path("id").asText());
    }

    /** Whether a post is a reply to {@code id}. */
    private static boolean repliesTo(JsonNode post, String id) {
        return first(post.path("referenced_tweets"), ref -> "replied_to".equals(ref.path("type").asText())
                && id.equals(ref.path("id").asText()), ref -> "").isPresent();
    }
}
