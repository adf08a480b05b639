package io.earshot.ingest.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.ingest.domain.MetaDeliveries.Mention;
import io.earshot.ingest.domain.MetaDeliveries.Skipped;
import io.earshot.ingest.messaging.CommentIngested.Action;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Turns one change of a Meta delivery into a comment, in every shape Meta has sent across Graph API versions
 * (src/test/resources/meta/README.md lists them with their sources): the author as {@code from} or as the legacy
 * {@code sender_id}/{@code sender_name}, or absent; ids as strings or numbers; no {@code message} for a photo or
 * sticker; Instagram comments from before October 2021 with neither {@code from} nor {@code media}. What cannot be
 * a comment is set aside with a bounded reason, and kept for the dead-letter topic when it looked like one.
 */
final class MetaChanges {

    /** Where a change sits in its delivery. */
    record Where(String object, String entryId, String entryTime, Instant at, String path) {
    }

    /** Longest id the event schema takes (externalId, threadId, parentId). */
    static final int MAX_ID = 256;

    private final Set<String> ownIds;
    private final List<CommentDraft> out;
    private final TreeMap<String, Integer> ignored;
    /** Graph ids are numeric strings; a mention's ids go into a Graph field expansion, so nothing else is taken. */
    private static final Pattern GRAPH_ID = Pattern.compile("[0-9A-Za-z_]{1," + MAX_ID + "}");

    private final List<Skipped> skipped;
    private final List<Mention> mentions;
    private int own;

    MetaChanges(Set<String> ownIds, List<CommentDraft> out, TreeMap<String, Integer> ignored, List<Skipped> skipped,
            List<Mention> mentions) {
        this.ownIds = ownIds;
        this.out = out;
        this.ignored = ignored;
        this.skipped = skipped;
        this.mentions = mentions;
    }

    int own() {
        return own;
    }

    void read(Where w, JsonNode change) {
        if (!change.isObject()) {
            skip(w, null, change, "invalid-change", w.path() + ": must be an object", true);
            return;
        }
        String field = id(change.get("field"));
        JsonNode value = change.get("value");
        if (field == null) {
            skip(w, null, change, "invalid-change", w.path() + ".field: is required", true);
            return;
        }
        String object = w.object() != null ? w.object() : "feed".equals(field) || "mention".equals(field) ? "page"
                : "comments".equals(field) || "live_comments".equals(field) || "mentions".equals(field) ? "instagram" : null;
        boolean page = "page".equals(object) && ("feed".equals(field) || "mention".equals(field));
        boolean instagram = "instagram".equals(object) && ("comments".equals(field) || "live_comments".equals(field));
        if ("instagram".equals(object) && "mentions".equals(field)) {
            mention(w, field, change, value);
        } else if (!page && !instagram) {
            String kind = (object == null ? "unknown" : object) + ":" + field;
            count(ignored, kind);
            skip(w, field, change, "not-a-comment", w.path() + ": " + kind, false);
        } else if (value == null || !value.isObject()) {
            skip(w, field, change, "invalid-value", w.path() + ".value: must be an object", true);
        } else if (page) {
            feed(w, field, change, value);
        } else {
            instagram(w, field, change, value);
        }
    }

    private void feed(Where w, String field, JsonNode change, JsonNode v) {
        String at = w.path() + ".value";
        String item = id(v.get("item"));
        if (item == null) {
            boolean comment = v.has("comment_id") && !v.has("reaction_type");
            count(ignored, "feed:unknown");
            skip(w, field, change, comment ? "missing-item" : "not-a-comment", at + ".item: is required", comment);
            return;
        }
        if (!"comment".equals(item) && !"reply".equals(item)) {
            count(ignored, "feed:" + item);
            skip(w, field, change, "not-a-comment", at + ".item: " + item, false);
            return;
        }
        String verb = id(v.get("verb"));
        Action action = verb == null ? null : switch (verb) {
            case "add" -> Action.created;
            case "edited", "edit", "update" -> Action.edited;
            case "remove", "delete" -> Action.removed;
            default -> null;
        };
        if ("hide".equals(verb) || "unhide".equals(verb)) {
            // the page's own moderation (often Earshot's), not something the commenter did
            count(ignored, "feed:comment:" + verb);
            skip(w, field, change, "moderation", at + ".verb: " + verb, false);
            return;
        }
        if (action == null) {
            skip(w, field, change, "unknown-verb", at + ".verb: " + (verb == null ? "is required" : "unknown: " + verb), true);
            return;
        }
        String commentId = id(v.get("comment_id"));
        String postId = id(v.get("post_id"));
        String pageId = w.entryId() != null ? w.entryId() : postId != null && postId.indexOf('_') > 0
                ? postId.substring(0, postId.indexOf('_')) : null;
        JsonNode from = v.get("from");
        String fromId = from != null && from.isObject() ? id(from.get("id")) : id(v.get("sender_id"));
        String fromName = from != null && from.isObject() ? id(from.get("name")) : id(v.get("sender_name"));
        JsonNode message = v.get("message");
        if (invalidId(w, field, change, at + ".comment_id", commentId) || invalidId(w, field, change, at + ".post_id", postId)) {
            return;
        }
        if (pageId == null) {
            skip(w, field, change, "missing-entry-id", w.path() + ": the entry has no id", true);
            return;
        }
        if (message != null && message.isContainerNode()) {
            skip(w, field, change, "invalid-text", at + ".message: must be a string", true);
            return;
        }
        // a removal is always passed on: its from may name the page that removed a member's comment
        if (action != Action.removed && fromId != null && (fromId.equals(pageId) || ownIds.contains(fromId))) {
            own++;
            skip(w, field, change, "own-comment", at + ": written by the page", false);
            return;
        }
        CommentDraft d = new CommentDraft("facebook", commentId);
        d.action = action;
        d.account = pageId;
        d.threadId = postId;
        String parent = id(v.get("parent_id"));
        d.parentId = parent != null && !parent.equals(postId) && parent.length() <= MAX_ID ? parent : null;
        d.authorId = fromId != null ? fromId : "unknown";
        d.authorName = fromName;
        d.text = message == null || message.isNull() ? "" : message.asText();
        Instant created = Times.parse(v.get("created_time"));
        d.createdAt = created != null ? created : w.at();
        d.revisedAt = w.at() != null ? w.at() : created;
        d.permalink = id(v.get("permalink_url"));
        d.context("postId", postId).context("adId", id(v.get("ad_id"))).context("adTitle", id(v.get("ad_title")))
                .context("attachment", v.has("photo") ? "photo" : v.has("video") ? "video" : null)
                .context("mention", "mention".equals(field) ? Boolean.TRUE : null).context("source", "webhook");
        d.raw = v.toString();
        out.add(d);
    }

    private void instagram(Where w, String field, JsonNode change, JsonNode v) {
        String at = w.path() + ".value";
        String id = v.has("id") ? id(v.get("id")) : id(v.get("comment_id"));
        JsonNode from = v.get("from");
        String fromId = from != null && from.isObject() ? id(from.get("id")) : null;
        JsonNode media = v.get("media");
        String mediaId = media != null && media.isObject() ? id(media.get("id")) : id(v.get("media_id"));
        JsonNode text = v.get("text");
        if (invalidId(w, field, change, at + ".id", id)) {
            return;
        }
        if (w.entryId() == null) {
            skip(w, field, change, "missing-entry-id", w.path() + ": the entry has no id", true);
            return;
        }
        if (text != null && text.isContainerNode()) {
            skip(w, field, change, "invalid-text", at + ".text: must be a string", true);
            return;
        }
        if (fromId != null && (fromId.equals(w.entryId()) || ownIds.contains(fromId))) {
            own++;
            skip(w, field, change, "own-comment", at + ": written by the account", false);
            return;
        }
        CommentDraft d = new CommentDraft("instagram", id);
        d.account = w.entryId();
        String parent = id(v.get("parent_id"));
        d.parentId = parent != null && parent.length() <= MAX_ID ? parent : null;
        // comments from before October 2021 name no media: the parent, or the comment itself, is the thread then
        d.threadId = mediaId != null && mediaId.length() <= MAX_ID ? mediaId : d.parentId != null ? d.parentId : id;
        d.authorId = fromId != null ? fromId : "unknown";
        d.authorHandle = from != null && from.isObject() ? id(from.get("username")) : null;
        d.text = text == null || text.isNull() ? "" : text.asText();
        d.createdAt = w.at();
        d.revisedAt = w.at();
        d.context("mediaId", mediaId).context("mediaProductType", media != null && media.isObject()
                        ? id(media.get("media_product_type")) : null)
                .context("adId", either(media, v, "ad_id")).context("adTitle", either(media, v, "ad_title"))
                .context("originalMediaId", either(media, v, "original_media_id"))
                .context("live", "live_comments".equals(field) ? Boolean.TRUE : null).context("source", "webhook");
        d.raw = v.toString();
        out.add(d);
    }

    /**
     * {@code {media_id, comment_id}} or {@code {media_id}} only: the text is read from the Graph API later
     * ({@link Mention}), since a webhook answer must not wait for it (docs/connectors.md).
     */
    private void mention(Where w, String field, JsonNode change, JsonNode v) {
        String at = w.path() + ".value";
        if (v == null || !v.isObject()) {
            skip(w, field, change, "invalid-value", at + ": must be an object", true);
            return;
        }
        String mediaId = id(v.get("media_id"));
        String commentId = id(v.get("comment_id"));
        if (mediaId == null) {
            skip(w, field, change, "missing-id", at + ".media_id: is required", true);
        } else if (!GRAPH_ID.matcher(mediaId).matches()) {
            skip(w, field, change, "invalid-id", at + ".media_id: not a Graph id", true);
        } else if (commentId != null && !GRAPH_ID.matcher(commentId).matches()) {
            skip(w, field, change, "invalid-id", at + ".comment_id: not a Graph id", true);
        } else if (w.entryId() == null || !GRAPH_ID.matcher(w.entryId()).matches()) {
            skip(w, field, change, "missing-entry-id", w.path() + ": the entry has no Graph id", true);
        } else {
            mentions.add(new Mention("instagram", w.entryId(), w.entryTime(), mediaId, commentId, change.toString()));
        }
    }

    /** The reference nests ad fields in {@code media}; read them there or beside it. */
    private static String either(JsonNode media, JsonNode v, String name) {
        String nested = media != null && media.isObject() ? id(media.get(name)) : null;
        return nested != null ? nested : id(v.get(name));
    }

    private boolean invalidId(Where w, String field, JsonNode change, String at, String value) {
        if (value == null) {
            skip(w, field, change, at.endsWith("post_id") ? "missing-post-id" : "missing-id", at + ": is required", true);
            return true;
        }
        if (value.length() > MAX_ID) {
            skip(w, field, change, "invalid-id", at + ": longer than " + MAX_ID + " characters", true);
            return true;
        }
        return false;
    }

    private void skip(Where w, String field, JsonNode change, String reason, String detail, boolean deadLetter) {
        skipped.add(new Skipped(reason, detail, w.object(), w.entryId(), w.entryTime(), field, change.toString(), deadLetter));
    }

    /**
     * An id or short text as Meta sends it: a string, or a number (legacy payloads send {@code sender_id} and
     * {@code share_id} as JSON numbers, which must keep every digit); null when absent, empty or not a scalar.
     */
    static String id(JsonNode node) {
        if (node == null || node.isNull() || node.isContainerNode() || node.isMissingNode()) {
            return null;
        }
        String s;
        if (node.isIntegralNumber()) {
            s = node.bigIntegerValue().toString();
        } else if (node.isNumber()) {
            BigDecimal d = node.decimalValue().stripTrailingZeros();
            s = d.scale() <= 0 ? d.toBigInteger().toString() : d.toPlainString();
        } else {
            s = node.asText();
        }
        return s.isEmpty() ? null : s;
    }

    static void count(TreeMap<String, Integer> ignored, String what) {
        ignored.merge(what, 1, Integer::sum);
    }
}
