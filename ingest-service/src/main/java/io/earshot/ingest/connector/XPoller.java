package io.earshot.ingest.connector;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.ingest.config.IngestConfig;
import io.earshot.ingest.config.IngestConfig.XAccount;
import io.earshot.ingest.connector.ConnectorStatus.State;
import io.earshot.ingest.domain.CommentDraft;
import io.earshot.ingest.domain.Times;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Polls X API v2 {@code GET /2/users/:id/mentions} since the newest mention seen, with the authors expanded. On 429
 * it waits until {@code x-rate-limit-reset} (epoch seconds; X sends no Retry-After).
 */
@ApplicationScoped
public class XPoller extends AccountPoller<XAccount> {

    static final String FIELDS = "&tweet.fields=author_id,conversation_id,created_at,in_reply_to_user_id,referenced_tweets,lang"
            + "&expansions=author_id&user.fields=username,name,public_metrics";

    @Inject
    IngestConfig config;

    @Override
    String platform() {
        return "x";
    }

    @Override
    Map<String, XAccount> accounts() {
        return config.x().accounts();
    }

    @Override
    public PollResult poll(String name, XAccount account) {
        String connector = connector(name);
        PollResult held = heldBack(name);
        if (held != null) {
            return held;
        }
        Optional<String> since = cursors.get("x", name);
        String base = config.x().baseUrl() + "/2/users/" + enc(account.userId()) + "/mentions?max_results=100" + FIELDS
                + since.map(s -> "&since_id=" + enc(s)).orElse("");
        List<CommentDraft> drafts = new ArrayList<>();
        String newest = null;
        String token = null;
        boolean complete = false;
        String stop = null;
        for (int page = 0; page < config.x().maxPages(); page++) {
            String url = base + (token == null ? "" : "&pagination_token=" + enc(token));
            PlatformHttp.Reply reply = fetch(name, () -> http.get(url, account.bearerToken()));
            if (reply == null) {
                stop = "unreachable";
                break;
            }
            if (reply.status() == 401 || reply.status() == 403) {
                status.report("x", name, State.token_expired, "HTTP " + reply.status() + " from mentions");
                stop = "token";
                break;
            }
            if (reply.status() == 429) {
                Instant reset = reply.header("x-rate-limit-reset").map(XPoller::epoch).orElse(Instant.now().plusSeconds(900));
                support.pause(connector, reset);
                status.report("x", name, State.rate_limited, "HTTP 429 until " + reset);
                stop = "rate_limited";
                break;
            }
            if (!reply.ok()) {
                status.report("x", name, State.unreachable, "HTTP " + reply.status());
                stop = "error";
                break;
            }
            JsonNode json = reply.json();
            if (newest == null) {
                newest = json.path("meta").path("newest_id").asText(null);
            }
            Map<String, JsonNode> users = new HashMap<>();
            json.path("includes").path("users").forEach(u -> users.put(u.path("id").asText(), u));
            for (JsonNode post : json.path("data")) {
                if (account.userId().equals(post.path("author_id").asText())) {
                    continue;
                }
                drafts.add(draft(name, post, users.get(post.path("author_id").asText())));
            }
            token = json.path("meta").path("next_token").asText(null);
            if (token == null || token.isEmpty() || page == config.x().maxPages() - 1) {
                complete = true;
                break;
            }
        }
        return finish(name, drafts, newest, complete, stop);
    }

    private static CommentDraft draft(String accountName, JsonNode post, JsonNode user) {
        CommentDraft d = new CommentDraft("x", post.path("id").asText());
        d.account = accountName;
        d.threadId = post.path("conversation_id").asText(d.externalId);
        for (JsonNode ref : post.path("referenced_tweets")) {
            if ("replied_to".equals(ref.path("type").asText())) {
                d.parentId = ref.path("id").asText();
            }
        }
        d.authorId = post.path("author_id").asText("unknown");
        if (user != null) {
            d.authorHandle = user.path("username").asText(null);
            d.authorName = user.path("name").asText(null);
            JsonNode followers = user.path("public_metrics").path("followers_count");
            d.followers = followers.isNumber() ? followers.asLong() : null;
        }
        d.text = io.earshot.ingest.domain.TextNormalizer.decodeEntities(post.path("text").asText(""));
        d.lang = post.path("lang").isTextual() && !"und".equals(post.path("lang").asText()) ? post.path("lang").asText() : null;
        d.createdAt = Times.parse(post.get("created_at"));
        d.permalink = "https://x.com/" + (d.authorHandle != null ? d.authorHandle : "i/web") + "/status/" + d.externalId;
        d.context("conversationId", post.path("conversation_id").asText(null))
                .context("inReplyToUserId", post.path("in_reply_to_user_id").asText(null));
        d.raw = post.toString();
        return d;
    }

    private static Instant epoch(String s) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(s.trim()));
        } catch (NumberFormatException e) {
            return Instant.now().plusSeconds(900);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
