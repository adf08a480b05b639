package io.earshot.ingest.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads one Meta webhook delivery (Facebook Page {@code feed} and {@code mention}, Instagram {@code comments},
 * {@code live_comments}, {@code mentions}): every entry, every change, each on its own. One odd change never costs
 * the others: a change that cannot become a comment is set aside with a reason ({@link Skipped}), and the delivery is
 * refused only when it is not a delivery at all (not an object, no {@code entry} array). Meta retries a refused
 * delivery whole and disables a webhook that keeps failing, so refusing 999 good changes for one bad one loses them all.
 */
public final class MetaDeliveries {

    /** What a delivery held. */
    public record Parsed(List<CommentDraft> comments, int changes, int ownSkipped, TreeMap<String, Integer> ignored,
            List<Skipped> skipped, List<String[]> errors, List<Mention> mentions) {
        public int ignoredTotal() {
            return ignored.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** The skipped changes that looked like comments and are kept on the dead-letter topic. */
        public List<Skipped> deadLetters() {
            return skipped.stream().filter(Skipped::deadLetter).toList();
        }
    }

    /**
     * A change that did not become a comment.
     *
     * @param reason a short, bounded label (the {@code reason} of {@code earshot_ingest_changes_skipped_total})
     * @param detail what exactly was wrong, naming the field
     * @param object the delivery's {@code object} ({@code page}, {@code instagram}), or null
     * @param entryId the entry's id (page or account), or null
     * @param entryTime the entry's {@code time} as sent, or null
     * @param field the change's {@code field}, or null
     * @param change the change as delivered, JSON, whole
     * @param deadLetter whether it looked like a comment (or could not be told apart): kept on the dead-letter topic
     */
    public record Skipped(String reason, String detail, String object, String entryId, String entryTime, String field,
            String change, boolean deadLetter) {
    }

    /**
     * An Instagram {@code mentions} change: someone else named the account in a comment ({@code commentId}) or in a
     * media caption ({@code commentId} null). It carries no text, so it is read from the Graph API later, off the
     * webhook's answer ({@code connector/MentionResolver}).
     *
     * @param change the change as delivered, JSON, whole (what {@code webhooks.meta} carries)
     */
    public record Mention(String object, String entryId, String entryTime, String mediaId, String commentId, String change) {
        /** The same change set aside on the dead-letter topic, with why. */
        public Skipped setAside(String reason, String detail) {
            return new Skipped(reason, detail, object, entryId, entryTime, "mentions", change, true);
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
        List<Skipped> skipped = new ArrayList<>();
        List<String[]> errors = new ArrayList<>();
        List<Mention> mentions = new ArrayList<>();
        if (root == null || !root.isObject()) {
            errors.add(new String[] {"body", "must be a JSON object"});
            return new Parsed(comments, 0, 0, ignored, skipped, errors, mentions);
        }
        JsonNode entries = root.get("entry");
        if (entries == null || !entries.isArray()) {
            errors.add(new String[] {"entry", "must be an array"});
            return new Parsed(comments, 0, 0, ignored, skipped, errors, mentions);
        }
        String object = MetaChanges.id(root.get("object"));
        MetaChanges reader = new MetaChanges(ownIds, comments, ignored, skipped, mentions);
        int changesSeen = 0;
        for (int e = 0; e < entries.size(); e++) {
            JsonNode entry = entries.get(e);
            JsonNode changes = entry.isObject() ? entry.get("changes") : null;
            if (changes == null || !changes.isArray()) {
                if (entry.isObject() && entry.has("messaging")) {
                    MetaChanges.count(ignored, "messaging");
                } else {
                    // nothing to read, but never dropped silently: an entry that is not an object could be anything
                    changesSeen++;
                    skipped.add(new Skipped(entry.isObject() ? "entry-without-changes" : "invalid-entry",
                            "entry[" + e + "]: has no changes array", object, null, null, null, entry.toString(), !entry.isObject()));
                }
                continue;
            }
            String entryId = MetaChanges.id(entry.get("id"));
            JsonNode time = entry.get("time");
            String entryTime = time == null || time.isNull() || time.isContainerNode() ? null : time.asText();
            Instant at = Times.parse(time);
            for (int c = 0; c < changes.size(); c++) {
                changesSeen++;
                reader.read(new MetaChanges.Where(object, entryId, entryTime, at, "entry[" + e + "].changes[" + c + "]"),
                        changes.get(c));
            }
        }
        return new Parsed(comments, changesSeen, reader.own(), ignored, skipped, errors, mentions);
    }
}
