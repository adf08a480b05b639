package io.earshot.ingest.connector;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.ingest.config.RedditConfig;
import io.earshot.ingest.config.RedditConfig.Account;
import io.earshot.ingest.connector.ConnectorStatus.State;
import io.earshot.ingest.domain.CommentDraft;
import io.earshot.ingest.redis.CursorStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Polls Reddit {@code GET /message/mentions} (username mentions in comments), newest first, following the listing's
 * {@code after} until the mention seen last time. It stays inside Reddit's 100 queries a minute per client: it reads
 * {@code X-Ratelimit-Remaining}/{@code X-Ratelimit-Reset} (seconds), stops paging near the floor and waits for the
 * reset, as after a 429. The external id is the comment's fullname ({@code t1_...}), which is what a reply needs.
 */
@ApplicationScoped
public class RedditPoller {

    static final String PLATFORM = "reddit";
    private static final Pattern LINK = Pattern.compile("/comments/([a-z0-9]+)/");

    @Inject
    RedditConfig config;

    @Inject
    PollSupport support;

    @Inject
    CursorStore cursors;

    @Inject
    ConnectorStatus status;

    @Inject
    PlatformHttp http;

    public List<PollResult> pollAll() {
        List<PollResult> results = new ArrayList<>();
        config.accounts().forEach((name, account) -> results.add(poll(name, account)));
        return results;
    }

    public PollResult poll(String name, Account account) {
        String connector = PLATFORM + ":" + name;
        if (support.paused(connector)) {
            return new PollResult(connector, 0, 0, 0, false, "rate_limited");
        }
        Optional<String> cursor = cursors.get(PLATFORM, name);
        long cursorTime = cursor.map(c -> Long.parseLong(c.substring(0, c.indexOf('|')))).orElse(0L);
        String cursorId = cursor.map(c -> c.substring(c.indexOf('|') + 1)).orElse(null);
        List<CommentDraft> drafts = new ArrayList<>();
        String newest = null;
        String after = null;
        boolean complete = false;
        String stop = null;
        pages:
        for (int page = 0; page < config.maxPages(); page++) {
            String url = config.baseUrl().replaceAll("/+$", "") + "/message/mentions?limit=100&raw_json=1"
                    + (after == null ? "" : "&after=" + after);
            PlatformHttp.Reply reply;
            try {
                reply = http.get(url, account.accessToken(), config.userAgent());
            } catch (IOException e) {
                status.report(PLATFORM, name, State.unreachable, e.getClass().getSimpleName());
                stop = "unreachable";
                break;
            }
            if (reply.status() == 401 || reply.status() == 403) {
                status.report(PLATFORM, name, State.token_expired, "HTTP " + reply.status() + " from message/mentions");
                stop = "token";
                break;
            }
            if (reply.status() == 429) {
                support.pause(connector, resetOf(reply));
                status.report(PLATFORM, name, State.rate_limited, "HTTP 429; waiting for X-Ratelimit-Reset");
                stop = "rate_limited";
                break;
            }
            if (!reply.ok()) {
                status.report(PLATFORM, name, State.unreachable, "HTTP " + reply.status());
                stop = "error";
                break;
            }
            for (JsonNode child : reply.json().path("data").path("children")) {
                JsonNode m = child.path("data");
                String fullname = m.path("name").asText();
                long created = m.path("created_utc").asLong();
                if (cursorId != null && (fullname.equals(cursorId) || created < cursorTime)) {
                    complete = true;
                    break pages;
                }
                if (newest == null) {
                    newest = created + "|" + fullname;
                }
                if ("t1".equals(child.path("kind").asText()) && m.path("was_comment").asBoolean(true)) {
                    drafts.add(draft(name, m));
                }
            }
            after = reply.json().path("data").path("after").asText(null);
            if (after == null || after.isEmpty() || "null".equals(after)) {
                complete = true;
                break;
            }
            double remaining = reply.header("X-Ratelimit-Remaining").map(RedditPoller::number).orElse(Double.MAX_VALUE);
            if (remaining <= config.rateLimitFloor()) {
                support.pause(connector, resetOf(reply));
                status.report(PLATFORM, name, State.rate_limited, (int) remaining + " requests left until X-Ratelimit-Reset");
                stop = "rate_limited";
                break;
            }
            if (page == config.maxPages() - 1) {
                complete = true;
            }
        }
        if (stop == null) {
            status.ok(PLATFORM, name);
        }
        return support.finish(PLATFORM, name, drafts, newest, complete, stop);
    }

    static CommentDraft draft(String account, JsonNode m) {
        CommentDraft d = new CommentDraft(PLATFORM, m.path("name").asText());
        d.account = account;
        String context = m.path("context").asText("");
        Matcher link = LINK.matcher(context);
        d.threadId = link.find() ? "t3_" + link.group(1) : d.externalId;
        d.parentId = m.path("parent_id").asText(null);
        d.authorId = m.path("author").asText("[deleted]");
        d.authorHandle = d.authorId;
        d.text = m.path("body").asText("");
        d.createdAt = Instant.ofEpochSecond(m.path("created_utc").asLong());
        int query = context.indexOf('?');
        d.permalink = context.isEmpty() ? null : "https://www.reddit.com" + (query < 0 ? context : context.substring(0, query));
        d.context("subreddit", m.path("subreddit").asText(null))
                .context("linkTitle", m.path("link_title").asText(null))
                .context("format", "markdown");
        d.raw = m.toString();
        return d;
    }

    private static Instant resetOf(PlatformHttp.Reply reply) {
        double seconds = reply.header("X-Ratelimit-Reset").map(RedditPoller::number).orElse(60.0);
        return Instant.now().plusSeconds((long) Math.ceil(Math.min(seconds, 600)));
    }

    private static double number(String s) {
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            return Double.MAX_VALUE;
        }
    }
}
