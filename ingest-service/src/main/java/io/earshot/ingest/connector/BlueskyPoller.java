package io.earshot.ingest.connector;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.ingest.config.BlueskyConfig;
import io.earshot.ingest.config.BlueskyConfig.Account;
import io.earshot.ingest.connector.BlueskySession.Refused;
import io.earshot.ingest.connector.BlueskySession.Session;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Polls Bluesky {@code app.bsky.notification.listNotifications?reasons=mention&reasons=reply} (newest first, older
 * pages by {@code cursor}) until it reaches the newest {@code indexedAt} it saw before; that time is the stored
 * cursor, moved only after Kafka acknowledged. It obeys {@code ratelimit-remaining}/{@code ratelimit-reset} (epoch
 * seconds) and renews an expired access JWT ({@link BlueskySession}).
 */
@ApplicationScoped
public class BlueskyPoller extends AccountPoller<Account> {

    @Inject
    BlueskyConfig config;

    @Inject
    BlueskySession sessions;

    @Override
    String platform() {
        return "bluesky";
    }

    @Override
    Map<String, Account> accounts() {
        return config.accounts();
    }

    @Override
    public String name() {
        return "bluesky";
    }

    @Override
    public Duration interval() {
        return config.interval();
    }

    @Override
    int maxPages() {
        return config.maxPages();
    }

    /** One page of notifications ({@code next} is Bluesky's {@code cursor}); the stored cursor is the newest {@code indexedAt}. */
    @Override
    Page fetchPage(Pass<Account> pass, String pageCursor) throws IOException {
        String name = pass.name;
        Session session;
        PlatformHttp.Reply reply;
        String url = sessions.xrpc("app.bsky.notification.listNotifications") + "?reasons=mention&reasons=reply&limit=100"
                + (pageCursor == null ? "" : "&cursor=" + URLEncoder.encode(pageCursor, StandardCharsets.UTF_8));
        try {
            session = sessions.current(name, pass.account);
            reply = http.get(url, session.accessJwt());
            if (BlueskySession.expired(reply)) {
                session = sessions.renew(name, pass.account, session);
                reply = http.get(url, session.accessJwt());
            }
        } catch (Refused e) {
            return Page.failed(refused(name, e));
        }
        if (reply.status() == 429) {
            support.pause(connector(name), resetOf(reply));
            status.report("bluesky", name, State.rate_limited, "HTTP 429; waiting for ratelimit-reset");
            return Page.failed("rate_limited");
        }
        if (BlueskySession.expired(reply) || reply.status() == 403) {
            sessions.forget(name);
            status.report("bluesky", name, State.token_expired, "HTTP " + reply.status() + " from listNotifications");
            return Page.failed("token");
        }
        if (!reply.ok()) {
            status.report("bluesky", name, State.unreachable, "HTTP " + reply.status());
            return Page.failed("error");
        }
        Instant since = pass.cursor.map(Times::parse).orElse(null);
        boolean reachedCursor = reply.json().path("notifications").isEmpty();
        List<CommentDraft> drafts = new ArrayList<>();
        for (JsonNode n : reply.json().path("notifications")) {
            Instant indexed = Times.parse(n.get("indexedAt"));
            if (indexed != null && since != null && !indexed.isAfter(since)) {
                reachedCursor = true;
                continue;
            }
            if (indexed != null && (pass.newest == null || indexed.isAfter(Instant.parse(pass.newest)))) {
                pass.newest = indexed.toString();
            }
            String reason = n.path("reason").asText();
            boolean post = "app.bsky.feed.post".equals(n.path("record").path("$type").asText());
            if (("mention".equals(reason) || "reply".equals(reason)) && post
                    && !n.path("author").path("did").asText().equals(session.did())) {
                drafts.add(draft(name, n));
            }
        }
        Page page = Page.of(drafts, reply.json().path("cursor").asText(null), reachedCursor);
        PlatformHttp.Reply last = reply;
        int remaining = reply.header("ratelimit-remaining").map(BlueskyPoller::intOrMax).orElse(Integer.MAX_VALUE);
        if (remaining <= config.rateLimitFloor()) {
            return page.thenStop("rate_limited", () -> {
                support.pause(connector(name), resetOf(last));
                status.report("bluesky", name, State.rate_limited, remaining + " requests left until ratelimit-reset");
            });
        }
        return page;
    }

    /** A session the server would not make or renew: why the pass stops. */
    private String refused(String name, Refused e) {
        if (e.status == 429) {
            support.pause(connector(name), Instant.now().plusSeconds(300));
            status.report("bluesky", name, State.rate_limited, "session: " + e.getMessage());
            return "rate_limited";
        }
        if (e.status >= 500) {
            status.report("bluesky", name, State.unreachable, "session: " + e.getMessage());
            return "error";
        }
        status.report("bluesky", name, State.token_expired, "session refused: " + e.getMessage());
        return "token";
    }

    /** A notification's post as a comment: at:// URI as id, the reply root as thread, strong refs kept for the reply. */
    static CommentDraft draft(String accountName, JsonNode n) {
        JsonNode record = n.path("record");
        JsonNode author = n.path("author");
        String uri = n.path("uri").asText();
        CommentDraft d = new CommentDraft("bluesky", uri);
        d.account = accountName;
        JsonNode root = record.path("reply").path("root");
        JsonNode parent = record.path("reply").path("parent");
        d.threadId = root.path("uri").isTextual() ? root.path("uri").asText() : uri;
        d.parentId = parent.path("uri").isTextual() ? parent.path("uri").asText() : null;
        d.authorId = author.path("did").asText("unknown");
        d.authorHandle = author.path("handle").asText(null);
        d.authorName = author.path("displayName").asText(null);
        JsonNode followers = author.path("followersCount");
        d.followers = followers.isNumber() ? followers.asLong() : null;
        d.text = record.path("text").asText("");
        JsonNode langs = record.path("langs");
        d.lang = langs.isArray() && langs.size() > 0 ? langs.get(0).asText() : null;
        d.createdAt = Optional.ofNullable(Times.parse(record.get("createdAt"))).orElse(Times.parse(n.get("indexedAt")));
        d.permalink = "https://bsky.app/profile/" + (d.authorHandle != null ? d.authorHandle : d.authorId) + "/post/"
                + uri.substring(uri.lastIndexOf('/') + 1);
        d.context("reason", n.path("reason").asText(null))
                .context("cid", n.path("cid").asText(null))
                .context("rootUri", root.path("uri").asText(null))
                .context("rootCid", root.path("cid").asText(null))
                .context("parentUri", parent.path("uri").asText(null))
                .context("parentCid", parent.path("cid").asText(null))
                .context("links", links(record));
        d.raw = n.toString();
        return d;
    }

    /** The full URIs of link facets (the text shows them shortened), space-separated. */
    private static String links(JsonNode record) {
        List<String> links = new ArrayList<>();
        for (JsonNode facet : record.path("facets")) {
            for (JsonNode feature : facet.path("features")) {
                if ("app.bsky.richtext.facet#link".equals(feature.path("$type").asText()) && feature.path("uri").isTextual()) {
                    links.add(feature.path("uri").asText());
                }
            }
        }
        return links.isEmpty() ? null : String.join(" ", links);
    }

    private static Instant resetOf(PlatformHttp.Reply reply) {
        try {
            return reply.header("ratelimit-reset").map(s -> Instant.ofEpochSecond(Long.parseLong(s.trim())))
                    .orElse(Instant.now().plusSeconds(300));
        } catch (NumberFormatException e) {
            return Instant.now().plusSeconds(300);
        }
    }

    private static int intOrMax(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
