package io.earshot.ingest.connector;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.ingest.config.IngestConfig;
import io.earshot.ingest.config.IngestConfig.YouTubeChannel;
import io.earshot.ingest.connector.ConnectorStatus.State;
import io.earshot.ingest.domain.CommentDraft;
import io.earshot.ingest.domain.TextNormalizer;
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
 * Polls YouTube Data API v3 {@code commentThreads.list} for every thread on a channel's videos, newest first, page
 * by page until the comment seen last time. Each list call costs one quota unit; the daily budget is counted in
 * Redis and polling stops before it is spent. Comments held for review or likely spam are read too (one pass per
 * moderation status, each with its own cursor) and carry that status.
 */
@ApplicationScoped
public class YouTubePoller extends AccountPoller<YouTubeChannel> {

    static final List<String> MODERATION_STATUSES = List.of("published", "heldForReview", "likelySpam");

    @Inject
    IngestConfig config;

    @Override
    public String name() {
        return "youtube";
    }

    @Override
    public Duration interval() {
        return config.pollers().youtubeInterval();
    }

    @Override
    String platform() {
        return "youtube";
    }

    @Override
    Map<String, YouTubeChannel> accounts() {
        return config.youtube().channels();
    }

    /** One feed per moderation status, each with its own cursor ({@code <channelId>:<status>}). */
    @Override
    List<String> feeds() {
        return MODERATION_STATUSES;
    }

    @Override
    String accountName(String configured, YouTubeChannel channel) {
        return channel.channelId();
    }

    @Override
    int maxPages() {
        return config.youtube().maxPages();
    }

    /** One pass over one channel for one moderation status. */
    public PollResult poll(YouTubeChannel channel, String moderation) {
        return pass(channel.channelId(), moderation, channel);
    }

    /** One list call (one quota unit); the cursor is {@code publishedAt-millis|commentId} of the newest thread. */
    @Override
    Page fetchPage(Pass<YouTubeChannel> pass, String pageToken) throws IOException {
        String account = pass.name;
        if (!cursors.spendQuota("youtube", 1, config.youtube().dailyQuota())) {
            status.report("youtube", account, State.quota_exhausted,
                    "daily polling quota of " + config.youtube().dailyQuota() + " units spent");
            return Page.failed("quota");
        }
        String url = config.youtube().baseUrl() + "/commentThreads?part=snippet,replies&allThreadsRelatedToChannelId="
                + enc(account) + "&order=time&maxResults=100&textFormat=plainText&moderationStatus=" + pass.feed
                + (pageToken == null ? "" : "&pageToken=" + enc(pageToken));
        PlatformHttp.Reply reply = http.get(url, pass.account.accessToken());
        if (!reply.ok()) {
            return Page.failed(failure(account, reply));
        }
        Optional<String> cursor = pass.cursor;
        Instant cursorTime = cursor.map(c -> Instant.ofEpochMilli(Long.parseLong(c.substring(0, c.indexOf('|'))))).orElse(null);
        String cursorId = cursor.map(c -> c.substring(c.indexOf('|') + 1)).orElse(null);
        List<CommentDraft> drafts = new ArrayList<>();
        for (JsonNode thread : reply.json().path("items")) {
            JsonNode top = thread.path("snippet").path("topLevelComment");
            String id = top.path("id").asText(thread.path("id").asText());
            Instant published = Times.parse(top.path("snippet").get("publishedAt"));
            if (cursorId != null && (id.equals(cursorId) || (published != null && published.isBefore(cursorTime)))) {
                return Page.of(drafts, null, true);
            }
            if (pass.newest == null) {
                pass.newest = (published == null ? 0 : published.toEpochMilli()) + "|" + id;
            }
            drafts.add(draft(account, thread, top, null, pass.feed));
            for (JsonNode reply2 : thread.path("replies").path("comments")) {
                drafts.add(draft(account, thread, reply2, thread.path("id").asText(), pass.feed));
            }
        }
        return Page.of(drafts, reply.json().path("nextPageToken").asText(null), false);
    }

    private String failure(String account, PlatformHttp.Reply reply) {
        String reason = reply.json().path("error").path("errors").path(0).path("reason").asText("");
        if (reply.status() == 401 || "authError".equals(reason)) {
            status.report("youtube", account, State.token_expired, "HTTP " + reply.status() + " from commentThreads.list");
            return "token";
        }
        if (reply.status() == 403 && (reason.contains("quota") || reason.contains("rateLimit"))) {
            status.report("youtube", account, State.quota_exhausted, reason);
            return "quota";
        }
        status.report("youtube", account, State.unreachable, "HTTP " + reply.status() + (reason.isEmpty() ? "" : " " + reason));
        return "error";
    }

    private static CommentDraft draft(String channelId, JsonNode thread, JsonNode comment, String parentId, String moderation) {
        JsonNode s = comment.path("snippet");
        CommentDraft d = new CommentDraft("youtube", comment.path("id").asText());
        String videoId = text(thread.path("snippet").path("videoId"));
        if (videoId == null) {
            videoId = text(s.path("videoId"));
        }
        d.account = channelId;
        d.threadId = videoId != null ? videoId : thread.path("id").asText();
        d.parentId = parentId;
        d.authorId = s.path("authorChannelId").path("value").asText("unknown");
        d.authorHandle = text(s.path("authorDisplayName"));
        d.authorName = text(s.path("authorDisplayName"));
        String original = text(s.path("textOriginal"));
        d.text = original != null ? original : TextNormalizer.fromHtml(s.path("textDisplay").asText(""));
        d.createdAt = Times.parse(s.get("publishedAt"));
        d.permalink = videoId == null ? null : "https://www.youtube.com/watch?v=" + videoId + "&lc=" + d.externalId;
        String moderationStatus = text(s.path("moderationStatus"));
        d.moderationStatus = moderationStatus != null ? moderationStatus : ("published".equals(moderation) ? null : moderation);
        d.context("videoId", videoId).context("commentThreadId", thread.path("id").asText(null))
                .context("canReply", thread.path("snippet").has("canReply") ? thread.path("snippet").path("canReply").asBoolean() : null)
                .context("likeCount", s.has("likeCount") ? s.path("likeCount").asLong() : null);
        d.raw = comment.toString();
        return d;
    }

    private static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() || node.asText().isEmpty() ? null : node.asText();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
