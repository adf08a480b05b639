package io.earshot.ingest.connector;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.ingest.config.IngestConfig;
import io.earshot.ingest.config.IngestConfig.MastodonAccount;
import io.earshot.ingest.connector.ConnectorStatus.State;
import io.earshot.ingest.domain.CommentDraft;
import io.earshot.ingest.domain.TextNormalizer;
import io.earshot.ingest.domain.Times;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Polls Mastodon {@code GET /api/v1/notifications?types[]=mention} since the last notification seen, following the
 * {@code Link} header's {@code next} pages. It obeys {@code X-RateLimit-Remaining}/{@code X-RateLimit-Reset}: it
 * stops paging near the limit and waits for the reset; HTML content becomes plain text; visibility is carried.
 */
@ApplicationScoped
public class MastodonPoller extends AccountPoller<MastodonAccount> {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");

    @Inject
    IngestConfig config;

    @Override
    String platform() {
        return "mastodon";
    }

    @Override
    Map<String, MastodonAccount> accounts() {
        return config.mastodon().accounts();
    }

    @Override
    public String name() {
        return "mastodon";
    }

    @Override
    public Duration interval() {
        return config.pollers().mastodonInterval();
    }

    @Override
    int maxPages() {
        return config.mastodon().maxPages();
    }

    /** {@code next} is the URL of the {@code Link} header's next page. */
    @Override
    Page fetchPage(Pass<MastodonAccount> pass, String next) throws IOException {
        Optional<String> since = pass.cursor;
        String url = next != null ? next : pass.account.baseUrl().replaceAll("/+$", "")
                + "/api/v1/notifications?types[]=mention&limit=40" + since.map(s -> "&since_id=" + s).orElse("");
        PlatformHttp.Reply reply = http.get(url, pass.account.accessToken());
        if (reply.status() == 401 || reply.status() == 403) {
            status.report("mastodon", pass.name, State.token_expired, "HTTP " + reply.status() + " from notifications");
            return Page.failed("token");
        }
        if (reply.status() == 429) {
            support.pause(connector(pass.name), resetOf(reply));
            status.report("mastodon", pass.name, State.rate_limited, "HTTP 429; waiting for X-RateLimit-Reset");
            return Page.failed("rate_limited");
        }
        if (!reply.ok()) {
            status.report("mastodon", pass.name, State.unreachable, "HTTP " + reply.status());
            return Page.failed("error");
        }
        boolean reachedCursor = reply.json().size() == 0;
        List<CommentDraft> drafts = new ArrayList<>();
        for (JsonNode notification : reply.json()) {
            String id = notification.path("id").asText();
            if (since.isPresent() && PollSupport.compareIds(id, since.get()) <= 0) {
                reachedCursor = true;
                continue;
            }
            if (pass.newest == null || PollSupport.compareIds(id, pass.newest) > 0) {
                pass.newest = id;
            }
            if ("mention".equals(notification.path("type").asText()) && notification.path("status").isObject()) {
                drafts.add(draft(pass.name, notification));
            }
        }
        Page page = Page.of(drafts, reply.header("Link").map(MastodonPoller::next).orElse(null), reachedCursor);
        int remaining = reply.header("X-RateLimit-Remaining").map(MastodonPoller::intOrMax).orElse(Integer.MAX_VALUE);
        if (remaining <= config.mastodon().rateLimitFloor()) {
            return page.thenStop("rate_limited", () -> {
                support.pause(connector(pass.name), resetOf(reply));
                status.report("mastodon", pass.name, State.rate_limited, remaining + " requests left until X-RateLimit-Reset");
            });
        }
        return page;
    }

    private static CommentDraft draft(String accountName, JsonNode notification) {
        JsonNode status = notification.path("status");
        JsonNode author = notification.path("account");
        CommentDraft d = new CommentDraft("mastodon", status.path("id").asText());
        d.account = accountName;
        String inReplyTo = status.path("in_reply_to_id").isTextual() ? status.path("in_reply_to_id").asText() : null;
        d.parentId = inReplyTo;
        d.threadId = inReplyTo != null ? inReplyTo : d.externalId;
        d.authorId = author.path("id").asText("unknown");
        d.authorHandle = author.path("acct").asText(null);
        d.authorName = author.path("display_name").asText(null);
        d.followers = author.has("followers_count") ? author.path("followers_count").asLong() : null;
        d.text = TextNormalizer.fromHtml(status.path("content").asText(""));
        d.lang = status.path("language").isTextual() ? status.path("language").asText() : null;
        d.createdAt = Times.parse(status.get("created_at"));
        d.permalink = status.path("url").asText(null);
        d.context("visibility", status.path("visibility").asText(null))
                .context("notificationId", notification.path("id").asText(null))
                .context("sensitive", status.has("sensitive") ? status.path("sensitive").asBoolean() : null)
                .context("spoilerText", status.path("spoiler_text").asText(null));
        d.raw = notification.toString();
        return d;
    }

    static String next(String link) {
        Matcher m = NEXT.matcher(link);
        return m.find() ? m.group(1) : null;
    }

    private static Instant resetOf(PlatformHttp.Reply reply) {
        Instant reset = reply.header("X-RateLimit-Reset").map(Times::parse).orElse(null);
        return reset != null ? reset : Instant.now().plusSeconds(300);
    }

    private static int intOrMax(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
