package io.earshot.ingest.connector;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.ingest.config.IngestConfig;
import io.earshot.ingest.config.IngestConfig.MetaAccount;
import io.earshot.ingest.connector.ConnectorStatus.State;
import io.earshot.ingest.domain.CommentDraft;
import io.earshot.ingest.domain.MetaDeliveries.Mention;
import io.earshot.ingest.domain.MetaDeliveries.Skipped;
import io.earshot.ingest.domain.Times;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Reads what an Instagram {@code mentions} change points at, since the change carries no text: the comment through
 * {@code GET /{ig-user-id}?fields=mentioned_comment.comment_id(..){..}}, the caption through
 * {@code mentioned_media.media_id(..){..}} (the only way Meta lets a business read someone else's comment or media),
 * with the token of the configured account the mention is of. What can never be read is set aside with a reason
 * rather than retried for ever; 5xx, 429 and timeouts are retried with back-off, a bounded number of times.
 */
@ApplicationScoped
public class MentionResolver {

    private static final Logger LOG = Logger.getLogger(MentionResolver.class);

    /** Documented fields of a mentioned comment (Meta documents no author field for it). */
    static final String COMMENT_FIELDS = "{id,text,timestamp,like_count,media{id,permalink,media_product_type}}";
    static final String MEDIA_FIELDS = "{id,caption,timestamp,username,permalink,media_product_type}";

    /** Either the comment the mention is, or why it was set aside. */
    public sealed interface Resolution {
    }

    public record Found(CommentDraft draft) implements Resolution {
    }

    /** @param skipped dead-lettered when {@link Skipped#deadLetter()}, else only counted */
    public record SetAside(Skipped skipped) implements Resolution {
    }

    /** Graph errors that a later read may cure: unknown/service errors and every rate limit. */
    private static final Set<Integer> TRANSIENT_CODES = Set.of(1, 2, 4, 17, 32, 341, 613);

    @Inject
    IngestConfig config;

    @Inject
    PlatformHttp http;

    @Inject
    ConnectorStatus status;

    /** Blocks the caller's worker thread for the reads and their back-off. */
    public Resolution resolve(Mention m, Set<String> ownIds) {
        Optional<MetaAccount> account = config.meta().accounts().values().stream()
                .filter(a -> "instagram".equals(a.platform()) && a.id().equals(m.entryId())).findFirst();
        if (account.isEmpty()) {
            return aside(m, "mention-no-account", "no instagram account " + m.entryId() + " in earshot.ingest.meta.accounts");
        }
        Optional<String> token = account.get().accessToken();
        if (token.isEmpty()) {
            return aside(m, "mention-no-token", "earshot.ingest.meta.accounts with id " + m.entryId() + " has no access-token");
        }
        boolean comment = m.commentId() != null;
        String field = comment ? "mentioned_comment" : "mentioned_media";
        String url = config.meta().graphUrl() + "/" + m.entryId() + "?fields=" + field
                + (comment ? ".comment_id(" + m.commentId() + ")" + COMMENT_FIELDS : ".media_id(" + m.mediaId() + ")" + MEDIA_FIELDS);
        Duration wait = config.meta().mentionBackoff();
        String last = null;
        for (int attempt = 1; attempt <= Math.max(1, config.meta().mentionAttempts()); attempt++) {
            if (attempt > 1 && !pause(wait.multipliedBy(1L << Math.min(attempt - 2, 10)))) {
                break;
            }
            PlatformHttp.Reply reply;
            try {
                reply = http.get(url, token.get());
            } catch (IOException e) {
                last = e.getClass().getSimpleName();
                continue;
            }
            if (reply.ok()) {
                status.ok("instagram", m.entryId());
                JsonNode node = reply.json().path(field);
                if (!node.isObject()) {
                    return aside(m, "mention-unavailable", "the Graph API answered without " + field);
                }
                return comment ? comment(m, node, ownIds) : caption(m, node);
            }
            JsonNode error = reply.json().path("error");
            int code = error.path("code").asInt(-1);
            String why = "HTTP " + reply.status() + ", Graph error " + code
                    + (error.has("error_subcode") ? "/" + error.path("error_subcode").asInt() : "");
            if (code == 190 || reply.status() == 401) {
                status.report("instagram", m.entryId(), State.token_expired, "Graph error " + code);
                return aside(m, "mention-token", why + ": the account's token was refused");
            }
            if (reply.status() >= 500 || reply.status() == 429 || TRANSIENT_CODES.contains(code)) {
                last = why;
                continue;
            }
            // 100 (deleted or never readable), 110, 10/200 (permissions), 404: no later read succeeds
            return aside(m, "mention-unavailable", why);
        }
        LOG.warnf("instagram mention on %s not read after %d attempt(s): %s", m.entryId(), config.meta().mentionAttempts(), last);
        status.report("instagram", m.entryId(), State.unreachable, String.valueOf(last));
        return aside(m, "mention-unreachable", "not read after " + config.meta().mentionAttempts() + " attempt(s): " + last);
    }

    private Resolution comment(Mention m, JsonNode c, Set<String> ownIds) {
        JsonNode media = c.path("media");
        String read = media.path("id").asText(null);
        String mediaId = read != null && !read.isEmpty() && read.length() <= 256 ? read : m.mediaId();
        // not documented for a mentioned comment, but read when Meta sends it
        String fromId = c.path("from").path("id").asText(null);
        if (fromId != null && (fromId.equals(m.entryId()) || ownIds.contains(fromId))) {
            return new SetAside(new Skipped("own-comment", "mentions: written by the account", m.object(), m.entryId(),
                    m.entryTime(), "mentions", m.change(), false));
        }
        CommentDraft d = draft(m, m.commentId(), mediaId, c.path("text").asText(""), c);
        d.authorId = fromId != null ? fromId : "unknown";
        d.authorHandle = c.path("from").path("username").asText(c.path("username").asText(null));
        d.permalink = media.path("permalink").asText(null);
        d.context("mention", "comment").context("mediaProductType", media.path("media_product_type").asText(null))
                .context("likeCount", c.has("like_count") ? c.path("like_count").asLong() : null);
        return new Found(d);
    }

    private static Resolution caption(Mention m, JsonNode media) {
        CommentDraft d = draft(m, m.mediaId(), m.mediaId(), media.path("caption").asText(""), media);
        d.authorId = "unknown";
        d.authorHandle = media.path("username").asText(null);
        d.permalink = media.path("permalink").asText(null);
        d.context("mention", "caption").context("mediaProductType", media.path("media_product_type").asText(null));
        return new Found(d);
    }

    private static CommentDraft draft(Mention m, String externalId, String mediaId, String text, JsonNode raw) {
        CommentDraft d = new CommentDraft("instagram", externalId);
        d.account = m.entryId();
        d.threadId = mediaId;
        d.text = text;
        Instant created = Times.parse(raw.get("timestamp"));
        Instant delivered = m.entryTime() == null ? null : m.entryTime().matches("[0-9]{1,12}")
                ? Instant.ofEpochSecond(Long.parseLong(m.entryTime())) : Times.parse(m.entryTime());
        d.createdAt = created != null ? created : delivered != null ? delivered : Instant.now();
        d.context("mediaId", mediaId).context("source", "webhook");
        d.raw = raw.toString();
        return d;
    }

    private static Resolution aside(Mention m, String reason, String detail) {
        return new SetAside(m.setAside(reason, "mentions: " + detail));
    }

    private static boolean pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
