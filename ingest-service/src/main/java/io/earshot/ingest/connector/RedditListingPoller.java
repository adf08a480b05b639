package io.earshot.ingest.connector;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.commons.oauth.OAuthProvider;
import io.earshot.commons.oauth.TokenRefresher;
import io.earshot.ingest.config.RedditConfig;
import io.earshot.ingest.config.RedditConfig.Account;
import io.earshot.ingest.connector.ConnectorStatus.State;
import io.earshot.ingest.domain.CommentDraft;
import io.earshot.ingest.messaging.CommentIngested.Action;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one of an account's Reddit listings (inbox mentions, a subreddit search), newest first, following {@code after}
 * back to {@code edit-window} before the newest thing seen last time (cursor {@code created_utc|fullname}, moved only
 * after Kafka acknowledged): things edited since are read again and published as edits, unchanged ones are absorbed
 * by deduplication. Every query is drawn from the one {@link RedditBudget} of the OAuth client, and the access token
 * renews itself. The external id is the thing's fullname ({@code t1_...} comment, {@code t3_...} post), so a comment
 * found both as a mention and by a search is one comment.
 */
abstract class RedditListingPoller extends AccountPoller<Account> {

    static final String PLATFORM = "reddit";
    private static final Pattern LINK = Pattern.compile("/comments/([a-z0-9]+)/");

    @Inject
    RedditConfig config;

    @Inject
    RedditBudget budget;

    @Inject
    AccessTokens tokens;

    /** The listing's path and query, without {@code after}. */
    abstract String listing(Account account);

    /** What the listing is, in a status reason. */
    abstract String what();

    /** Whether a listing child is a comment or post to publish. */
    abstract boolean wanted(Account account, JsonNode child);

    @Override
    String platform() {
        return PLATFORM;
    }

    @Override
    public Duration interval() {
        return config.interval();
    }

    @Override
    int maxPages() {
        return config.maxPages();
    }

    /** The one query budget of the OAuth client holds every account back. */
    @Override
    boolean held(String name) {
        return budget.heldUntil().isPresent();
    }

    /**
     * One listing page drawn from the budget ({@code next} is Reddit's {@code after}); the cursor is
     * {@code created_utc|fullname} of the newest thing, read back to {@code edit-window} before it.
     */
    @Override
    Page fetchPage(Pass<Account> pass, String after) throws IOException {
        String name = pass.name;
        if (!budget.take()) {
            status.report(PLATFORM, name, State.rate_limited, "the queries-per-minute budget is spent");
            return Page.failed("rate_limited");
        }
        TokenRefresher token = tokens.of(OAuthProvider.REDDIT, name, pass.account.accessToken(), pass.account.refreshToken(),
                config.oauth(), config.userAgent());
        String url = config.baseUrl().replaceAll("/+$", "") + listing(pass.account) + (after == null ? "" : "&after=" + after);
        PlatformHttp.Reply reply = http.getAuthorized(url, token, config.userAgent());
        Optional<Integer> windowSpent = budget.observe(reply);
        if (reply.status() == 401 || reply.status() == 403) {
            status.report(PLATFORM, name, State.token_expired, "HTTP " + reply.status() + " from " + what()
                    + token.failure().map(f -> "; " + f).orElse(""));
            return Page.failed("token");
        }
        if (reply.status() == 429) {
            status.report(PLATFORM, name, State.rate_limited, "HTTP 429; waiting for X-Ratelimit-Reset");
            return Page.failed("rate_limited");
        }
        if (!reply.ok()) {
            status.report(PLATFORM, name, State.unreachable, "HTTP " + reply.status() + " from " + what());
            return Page.failed("error");
        }
        long cursorTime = pass.cursor.map(RedditListingPoller::time).orElse(Long.MIN_VALUE);
        long floor = pass.cursor.isEmpty() ? Long.MIN_VALUE : cursorTime - config.editWindow().toSeconds();
        if (pass.newest == null) {
            pass.newest = pass.cursor.orElse(null);
        }
        List<CommentDraft> drafts = new ArrayList<>();
        for (JsonNode child : reply.json().path("data").path("children")) {
            JsonNode thing = child.path("data");
            long created = thing.path("created_utc").asLong();
            if (created < floor) {
                return Page.of(drafts, null, true);
            }
            if (pass.newest == null || created > cursorTime && created > time(pass.newest)) {
                pass.newest = created + "|" + thing.path("name").asText();
            }
            if (wanted(pass.account, child)) {
                drafts.add(draft(name, child.path("kind").asText(), thing));
            }
        }
        String next = reply.json().path("data").path("after").asText(null);
        Page page = Page.of(drafts, "null".equals(next) ? null : next, false);
        return windowSpent.map(left -> page.thenStop("rate_limited", () -> status.report(PLATFORM, name,
                State.rate_limited, left + " requests left until X-Ratelimit-Reset"))).orElse(page);
    }

    private static long time(String cursor) {
        return Long.parseLong(cursor.substring(0, cursor.indexOf('|')));
    }

    /**
     * A comment ({@code t1}, from the inbox with {@code context}, or from a listing with {@code link_id} and
     * {@code permalink}) or a post ({@code t3}: title and self text). A thing Reddit marks {@code edited} (a timestamp)
     * is published as an edit, one version per text.
     */
    static CommentDraft draft(String account, String kind, JsonNode m) {
        CommentDraft d = new CommentDraft(PLATFORM, m.path("name").asText());
        d.account = account;
        boolean post = "t3".equals(kind);
        String context = m.path("context").asText("");
        Matcher link = LINK.matcher(context);
        if (post) {
            d.threadId = d.externalId;
        } else if (m.path("link_id").isTextual()) {
            d.threadId = m.path("link_id").asText();
        } else {
            d.threadId = link.find() ? "t3_" + link.group(1) : d.externalId;
        }
        d.parentId = post ? null : m.path("parent_id").asText(null);
        d.authorId = m.path("author").asText("[deleted]");
        d.authorHandle = d.authorId;
        if (post) {
            String title = m.path("title").asText("");
            String self = m.path("selftext").asText("");
            d.text = self.isBlank() ? title : title + "\n\n" + self;
        } else {
            d.text = m.path("body").asText("");
        }
        d.createdAt = Instant.ofEpochSecond(m.path("created_utc").asLong());
        String path = m.path("permalink").asText(context);
        int query = path.indexOf('?');
        d.permalink = path.isEmpty() ? null : "https://www.reddit.com" + (query < 0 ? path : path.substring(0, query));
        if (m.path("edited").isNumber() && m.path("edited").asDouble() > 0) {
            d.action = Action.edited;
            d.revisedAt = Instant.ofEpochSecond((long) m.path("edited").asDouble());
        }
        d.context("subreddit", m.path("subreddit").asText(null))
                .context("linkTitle", post ? m.path("title").asText(null) : m.path("link_title").asText(null))
                .context("kind", post ? "post" : null)
                .context("format", "markdown");
        d.raw = m.toString();
        return d;
    }
}
