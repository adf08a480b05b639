package io.earshot.reply.redis;

import io.earshot.reply.domain.ItemSearch;
import io.earshot.reply.domain.QueueItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Filters on the queue; null means any. Every condition is checked on each item read, whichever index was scanned:
 * the indexes are written when an item is created, and a re-triage may since have changed its flags or text.
 *
 * @param flag one of {@link io.earshot.reply.domain.QueueItemVerdict#FLAGS}
 * @param search the parsed {@code q}
 */
public record QueueFilter(String label, String platform, String lang, String flag, Set<QueueItem.State> states,
                          String assignee, ItemSearch.Query search) {

    public QueueFilter(String label, String platform, String lang, Set<QueueItem.State> states, String assignee) {
        this(label, platform, lang, null, states, assignee, null);
    }

    public QueueFilter(String label, String platform, String lang) {
        this(label, platform, lang, null, null, null, null);
    }

    Predicate<QueueItem> predicate() {
        return item -> (label == null || label.equals(item.label()))
                && (platform == null || platform.equals(item.platform()))
                && (lang == null || lang.equals(item.lang()))
                && (flag == null || item.flags() != null && item.flags().contains(flag))
                && (states == null || states.isEmpty() || states.contains(item.state()))
                && (assignee == null || assignee.equals(item.assignee()) || assignee.equals(item.team()))
                && (search == null || search.matches(item));
    }

    /** True when the index alone answers the filter, so every member read is an item shown. */
    boolean indexed() {
        int keys = (label != null ? 1 : 0) + (platform != null ? 1 : 0) + (lang != null ? 1 : 0);
        return keys <= 1 && flag == null && search == null && (states == null || states.isEmpty()) && assignee == null;
    }

    /**
     * True for a search with no complete word to scan the index of (one word still being typed): it reads the other
     * indexes, a bounded number of members per page.
     */
    boolean bounded() {
        return search != null && search.indexTokens().isEmpty();
    }

    /**
     * The indexes that hold every item the filter can match; the pages scan the smallest. Empty means the whole
     * queue ({@link QueueKeys#ALL}).
     */
    List<String> indexes() {
        List<String> keys = new ArrayList<>();
        if (label != null) {
            keys.add(QueueKeys.ALL + ":label:" + label);
        }
        if (platform != null) {
            keys.add(QueueKeys.ALL + ":platform:" + platform);
        }
        if (lang != null) {
            keys.add(QueueKeys.ALL + ":lang:" + lang);
        }
        if (flag != null) {
            keys.add(QueueKeys.flagKey(flag));
        }
        if (search != null) {
            search.indexTokens().forEach(t -> keys.add(QueueKeys.wordKey(t)));
        }
        return keys;
    }
}
