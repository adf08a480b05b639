package io.earshot.ingest.connector;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.commons.oauth.TokenRefresher;
import io.earshot.ingest.config.ThreadsConfig;
import io.earshot.ingest.config.ThreadsConfig.Account;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Polls the Threads API for two feeds of each profile, each with its own cursor (the newest {@code timestamp} read,
 * moved only after Kafka acknowledged): {@code replies}, the conversations of the profile's recent posts
 * ({@code GET /{user}/threads}, then {@code GET /{media}/conversation?reverse=true} page by page, newest first, back to
 * the cursor), and {@code mentions} ({@code GET /{user}/mentions?since=}). Paging follows
 * {@code paging.cursors.after}. The long-lived token renews itself ({@link AccessTokens#threads}); Graph error 190 is an
 * expired token; 429 and the Graph throttling codes pause the profile.
 */
@ApplicationScoped
public class ThreadsPoller extends AccountPoller<Account> {

    static final String PLATFORM = "threads";
    static final String FIELDS = "id,text,username,permalink,timestamp,media_type,is_reply,root_post,replied_to,"
            + "hide_status,is_reply_owned_by_me,is_verified";

    @Inject
    ThreadsConfig config;

    @Inject
    AccessTokens tokens;

    @Override
    public String name() {
        return PLATFORM;
    }

    @Override
    public Duration interval() {
        return config.interval();
    }

    @Override
    String platform() {
        return PLATFORM;
    }

    @Override
    Map<String, Account> accounts() {
        return config.accounts();
    }

    @Override
    List<String> feeds() {
        return List.of("replies", "mentions");
    }

    @Override
    int maxPages() {
        return config.maxPages();
    }

    /**
     * Mentions: {@code next} is the {@code after} cursor. Replies: the first read lists the own posts and {@code next}
     * becomes {@code id1,id2,...|after}, the posts still to read and where in the first one's conversation.
     */
    @Override
    Page fetchPage(Pass<Account> pass, String next) throws IOException {
        Instant since = pass.cursor.map(Times::parse).orElse(null);
        if ("mentions".equals(pass.feed)) {
            String url = base() + "/" + enc(pass.account.userId()) + "/mentions?fields=" + FIELDS + "&limit=50"
                    + (since == null ? "" : "&since=" + since.getEpochSecond()) + (next == null ? "" : "&after=" + enc(next));
            Read read = read(pass, url, "mentions");
            if (read.stop() != null) {
                return Page.failed(read.stop());
            }
            JsonNode json = read.json();
            List<CommentDraft> drafts = new ArrayList<>();
            boolean reached = collect(pass, json.path("data"), since, "mention", null, drafts);
            return Page.of(drafts, after(json, false), reached);
        }
        if (next == null) {
            long from = Instant.now().minus(config.postsWindow()).getEpochSecond();
            Read posts = read(pass, base() + "/" + enc(pass.account.userId()) + "/threads?fields=id,timestamp&limit="
                    + config.postsLimit() + "&since=" + from, "threads");
            if (posts.stop() != null) {
                return Page.failed(posts.stop());
            }
            List<String> ids = new ArrayList<>();
            posts.json().path("data").forEach(p -> ids.add(p.path("id").asText()));
            return Page.of(List.of(), ids.isEmpty() ? null : String.join(",", ids) + "|", false);
        }
        int bar = next.lastIndexOf('|');
        List<String> ids = Arrays.asList(next.substring(0, bar).split(","));
        String after = next.substring(bar + 1);
        String post = ids.get(0);
        Read read = read(pass, base() + "/" + enc(post) + "/conversation?fields=" + FIELDS + "&reverse=true&limit=50"
                + (after.isEmpty() ? "" : "&after=" + enc(after)), "conversation");
        if (read.stop() != null) {
            return Page.failed(read.stop());
        }
        JsonNode json = read.json();
        List<CommentDraft> drafts = new ArrayList<>();
        boolean reached = collect(pass, json.path("data"), since, "reply", post, drafts);
        String more = reached ? null : after(json, true);
        List<String> rest = ids.subList(1, ids.size());
        String following = more != null ? String.join(",", ids) + "|" + more
                : rest.isEmpty() ? null : String.join(",", rest) + "|";
        return Page.of(drafts, following, false);
    }

    /** Adds what is newer than the cursor and not ours; true when the list reached the cursor. */
    private boolean collect(Pass<Account> pass, JsonNode data, Instant since, String reason, String post,
            List<CommentDraft> drafts) {
        boolean reached = data.isEmpty();
        for (JsonNode m : data) {
            Instant at = Times.parse(m.get("timestamp"));
            if (since != null && at != null && !at.isAfter(since)) {
                reached = true;
                continue;
            }
            if (at != null && (pass.newest == null || at.isAfter(Instant.parse(pass.newest)))) {
                pass.newest = at.toString();
            }
            boolean ours = m.path("is_reply_owned_by_me").asBoolean(false)
                    || pass.account.username().map(u -> u.equalsIgnoreCase(m.path("username").asText())).orElse(false);
            if (!ours) {
                drafts.add(draft(pass.name, m, reason, post));
            }
        }
        return reached;
    }

    /** One call's JSON, or why the pass stops (already reported). */
    private record Read(JsonNode json, String stop) {
    }

    /**
     * One GET with the profile's token (renewed first when due); a token Threads refuses (Graph 190, 401) is renewed
     * once, or taken from reply-service's renewal, and the GET sent once more.
     */
    private Read read(Pass<Account> pass, String url, String what) throws IOException {
        TokenRefresher token = tokens.threads(pass.name, config);
        String used = token.current().orElse(null);
        PlatformHttp.Reply reply = http.get(url, used);
        if (refused(reply) && token.refreshable() && token.refreshAfterRejection(used) instanceof TokenRefresher.Fresh fresh) {
            reply = http.get(url, fresh.accessToken());
        }
        if (reply.ok()) {
            return new Read(reply.json(), null);
        }
        JsonNode error = reply.json().path("error");
        int code = error.path("code").asInt(-1);
        String reason = "HTTP " + reply.status() + " from " + what + (code < 0 ? "" : ", Graph error " + code);
        if (refused(reply)) {
            status.report(PLATFORM, pass.name, State.token_expired, reason + token.failure().map(f -> "; " + f).orElse(""));
            return new Read(null, "token");
        }
        if (reply.status() == 429 || code == 4 || code == 17 || code == 32 || code == 613) {
            support.pause(connector(pass.name), Instant.now().plus(config.rateLimitPause()));
            status.report(PLATFORM, pass.name, State.rate_limited, reason);
            return new Read(null, "rate_limited");
        }
        status.report(PLATFORM, pass.name, State.unreachable, reason);
        return new Read(null, "error");
    }

    private static boolean refused(PlatformHttp.Reply reply) {
        return reply.status() == 401 || reply.json().path("error").path("code").asInt(-1) == 190;
    }

    /**
     * The {@code after} cursor of a page that had something on it; where the endpoint sends {@code paging.next}
     * (replies, conversations) its absence marks the last page. Mentions send cursors only: there an empty page ends.
     */
    private static String after(JsonNode json, boolean hasNext) {
        JsonNode paging = json.path("paging");
        if (json.path("data").isEmpty() || hasNext && !paging.path("next").isTextual()) {
            return null;
        }
        return paging.path("cursors").path("after").asText(null);
    }

    /**
     * A reply or a mention as a comment: the root post is the thread (a mention that is not a reply is its own
     * thread), the post replied to is the parent, the username is the author (Threads shows other profiles by
     * username only).
     */
    static CommentDraft draft(String account, JsonNode m, String reason, String post) {
        CommentDraft d = new CommentDraft(PLATFORM, m.path("id").asText());
        d.account = account;
        String root = m.path("root_post").path("id").asText(null);
        d.threadId = root != null ? root : post != null ? post : d.externalId;
        String parent = m.path("replied_to").path("id").asText(null);
        d.parentId = parent != null && !parent.equals(d.externalId) && !parent.equals(d.threadId) ? parent : null;
        String username = m.path("username").asText(null);
        d.authorId = username != null ? username : "unknown";
        d.authorHandle = username;
        d.text = m.path("text").asText("");
        d.createdAt = Times.parse(m.get("timestamp"));
        d.permalink = m.path("permalink").asText(null);
        d.context("reason", reason)
                .context("mediaType", m.path("media_type").asText(null))
                .context("hideStatus", m.path("hide_status").asText(null))
                .context("verified", m.path("is_verified").isBoolean() ? m.path("is_verified").asBoolean() : null);
        d.raw = m.toString();
        return d;
    }

    private String base() {
        return config.baseUrl().replaceAll("/+$", "");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
