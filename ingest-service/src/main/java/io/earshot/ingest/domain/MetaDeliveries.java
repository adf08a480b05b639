package io.earshot.ingest.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.ingest.messaging.CommentIngested.Action;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads one Meta webhook delivery (Facebook Page {@code feed}, Instagram {@code comments}): every entry, every
 * change. Comments become drafts; the business's own comments are skipped; everything else (likes, posts, shares,
 * hides...) is acknowledged and counted, never an error. A comment change without the ids it must carry makes the
 * whole delivery invalid, so nothing of a malformed (or forged-but-signed) delivery is half-published.
 */
public final class MetaDeliveries {

    /** What a delivery held. */
    public record Parsed(List<CommentDraft> comments, int changes, int ownSkipped, TreeMap<String, Integer> ignored,
            List<String[]> errors) {
        public int ignoredTotal() {
            return ignored.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private MetaDeliveries() {
    }

    /**
     * @param ownIds ids of the business's pages and accounts; comments from them are not the public's
     */
    public static Parsed parse(JsonNode root, Set<String> ownIds) {
        List<CommentDraft> comments = new ArrayList<>();
        TreeMap<String, Integer> ignored = new TreeMap<>();
        List<String[]> errors = new ArrayList<>();
        int[] own = {0};
        int changesSeen = 0;
        if (root == null || !root.isObject()) {
            errors.add(new String[] {"body", "must be a JSON object"});
            return new Parsed(comments, 0, 0, ignored, errors);
        }
        String object = text(root.get("object"));
        if (object == null) {
            errors.add(new String[] {"object", "is required (page or instagram)"});
        }
        JsonNode entries = root.get("entry");
        if (entries == null || !entries.isArray()) {
            errors.add(new String[] {"entry", "must be an array"});
            return new Parsed(comments, 0, 0, ignored, errors);
        }
        for (int e = 0; e < entries.size(); e++) {
            JsonNode entry = entries.get(e);
            String at = "entry[" + e + "]";
            if (!entry.isObject()) {
                errors.add(new String[] {at, "must be an object"});
                continue;
            }
            String entryId = text(entry.get("id"));
            if (entryId == null) {
                errors.add(new String[] {at + ".id", "is required"});
                continue;
            }
            JsonNode changes = entry.get("changes");
            if (changes == null || !changes.isArray()) {
                count(ignored, entry.has("messaging") ? "messaging" : "entry-without-changes");
                continue;
            }
            Instant entryTime = Times.parse(entry.get("time"));
            for (int c = 0; c < changes.size(); c++) {
                changesSeen++;
                JsonNode change = changes.get(c);
                String cat = at + ".changes[" + c + "]";
                JsonNode value = change.get("value");
                String field = text(change.get("field"));
                if (field == null || value == null || !value.isObject()) {
                    errors.add(new String[] {cat, "must have a field and an object value"});
                    continue;
                }
                if ("page".equals(object) && "feed".equals(field)) {
                    feed(value, entryId, entryTime, cat + ".value", ownIds, comments, ignored, errors, own);
                } else if ("instagram".equals(object) && ("comments".equals(field) || "live_comments".equals(field))) {
                    instagram(value, field, entryId, entryTime, cat + ".value", ownIds, comments, errors, own);
                } else {
                    count(ignored, object + ":" + field);
                }
            }
        }
        return new Parsed(comments, changesSeen, own[0], ignored, errors);
    }

    private static void feed(JsonNode v, String pageId, Instant entryTime, String at, Set<String> ownIds,
            List<CommentDraft> out, TreeMap<String, Integer> ignored, List<String[]> errors, int[] own) {
        String item = text(v.get("item"));
        String verb = text(v.get("verb"));
        if (!"comment".equals(item)) {
            count(ignored, "feed:" + item);
            return;
        }
        Action action;
        if ("add".equals(verb)) {
            action = Action.created;
        } else if ("edited".equals(verb) || "edit".equals(verb)) {
            action = Action.edited;
        } else if ("remove".equals(verb)) {
            action = Action.removed;
        } else {
            count(ignored, "feed:comment:" + verb);
            return;
        }
        String commentId = text(v.get("comment_id"));
        String postId = text(v.get("post_id"));
        JsonNode from = v.get("from");
        String fromId = from == null ? null : text(from.get("id"));
        int before = errors.size();
        if (commentId == null) {
            errors.add(new String[] {at + ".comment_id", "is required"});
        }
        if (postId == null) {
            errors.add(new String[] {at + ".post_id", "is required"});
        }
        if (fromId == null && action != Action.removed) {
            errors.add(new String[] {at + ".from.id", "is required"});
        }
        if (v.has("message") && !v.get("message").isTextual() && !v.get("message").isNull()) {
            errors.add(new String[] {at + ".message", "must be a string"});
        }
        if (errors.size() > before) {
            return;
        }
        if (fromId != null && (fromId.equals(pageId) || ownIds.contains(fromId))) {
            own[0]++;
            return;
        }
        CommentDraft d = new CommentDraft("facebook", commentId);
        d.action = action;
        d.account = pageId;
        d.threadId = postId;
        String parent = text(v.get("parent_id"));
        d.parentId = parent != null && !parent.equals(postId) ? parent : null;
        d.authorId = fromId != null ? fromId : "unknown";
        d.authorName = from == null ? null : text(from.get("name"));
        d.text = text(v.get("message"));
        Instant created = Times.parse(v.get("created_time"));
        d.createdAt = created != null ? created : entryTime;
        d.permalink = text(v.get("permalink_url"));
        d.context("postId", postId).context("adId", text(v.get("ad_id"))).context("adTitle", text(v.get("ad_title")))
                .context("source", "webhook");
        d.raw = v.toString();
        out.add(d);
    }

    private static void instagram(JsonNode v, String field, String accountId, Instant entryTime, String at,
            Set<String> ownIds, List<CommentDraft> out, List<String[]> errors, int[] own) {
        String id = text(v.get("id"));
        JsonNode from = v.get("from");
        String fromId = from == null ? null : text(from.get("id"));
        JsonNode media = v.get("media");
        String mediaId = media == null ? null : text(media.get("id"));
        int before = errors.size();
        if (id == null) {
            errors.add(new String[] {at + ".id", "is required"});
        }
        if (fromId == null) {
            errors.add(new String[] {at + ".from.id", "is required"});
        }
        if (mediaId == null) {
            errors.add(new String[] {at + ".media.id", "is required"});
        }
        if (v.has("text") && !v.get("text").isTextual()) {
            errors.add(new String[] {at + ".text", "must be a string"});
        }
        if (errors.size() > before) {
            return;
        }
        if (fromId.equals(accountId) || ownIds.contains(fromId)) {
            own[0]++;
            return;
        }
        CommentDraft d = new CommentDraft("instagram", id);
        d.account = accountId;
        d.threadId = mediaId;
        d.parentId = text(v.get("parent_id"));
        d.authorId = fromId;
        d.authorHandle = text(from.get("username"));
        d.text = text(v.get("text"));
        d.createdAt = entryTime;
        d.context("mediaId", mediaId).context("mediaProductType", text(media.get("media_product_type")))
                .context("live", "live_comments".equals(field) ? Boolean.TRUE : null).context("source", "webhook");
        d.raw = v.toString();
        out.add(d);
    }

    static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isContainerNode()) {
            return null;
        }
        String s = node.asText();
        return s.isEmpty() ? null : s;
    }

    private static void count(TreeMap<String, Integer> ignored, String what) {
        ignored.merge(what, 1, Integer::sum);
    }
}
