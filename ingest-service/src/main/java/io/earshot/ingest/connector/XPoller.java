package io.earshot.ingest.connector;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.ingest.config.IngestConfig;
import io.earshot.ingest.config.IngestConfig.XAccount;
import io.earshot.ingest.connector.ConnectorStatus.State;
import io.earshot.ingest.domain.CommentDraft;
import io.earshot.ingest.domain.Times;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
    public String name() {
        return "x";
    }

    @Override
    public Duration interval() {
        return config.pollers().xInterval();
    }

    @Override
    int maxPages() {
        return config.x().maxPages();
    }

    @Override
    Page fetchPage(Pass<XAccount> pass, String token) throws IOException {
        String url = config.x().baseUrl() + "/2/users/" + enc(pass.account.userId()) + "/mentions?max_results=100" + FIELDS
                + pass.cursor.map(s -> "&since_id=" + enc(s)).orElse("")
                + (token == null ? "" : "&pagination_token=" + enc(token));
        PlatformHttp.Reply reply = http.get(url, pass.account.bearerToken());
        if (reply.status() == 401 || reply.status() == 403) {
            status.report("x", pass.name, State.token_expired, "HTTP " + reply.status() + " from mentions");
            return Page.failed("token");
        }
        if (reply.status() == 429) {
            Instant reset = reply.header("x-rate-limit-reset").map(XPoller::epoch).orElse(Instant.now().plusSeconds(900));
            support.pause(connector(pass.name), reset);
            status.report("x", pass.name, State.rate_limited, "HTTP 429 until " + reset);
            return Page.failed("rate_limited");
        }
        if (!reply.ok()) {
            status.report("x", pass.name, State.unreachable, "HTTP " + reply.status());
            return Page.failed("error");
        }
        JsonNode json = reply.json();
        if (pass.newest == null) {
            pass.newest = json.path("meta").path("newest_id").asText(null);
        }
        Map<String, JsonNode> users = new HashMap<>();
        json.path("includes").path("users").forEach(u -> users.put(u.path("id").asText(), u));
        List<CommentDraft> drafts = new ArrayList<>();
        for (JsonNode post : json.path("data")) {
            if (pass.account.userId().equals(post.path("author_id").asText())) {
                continue;
            }
            drafts.add(draft(pass.name, post, users.get(post.path("author_id").asText())));
        }
        return Page.of(drafts, json.path("meta").path("next_token").asText(null), false);
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
