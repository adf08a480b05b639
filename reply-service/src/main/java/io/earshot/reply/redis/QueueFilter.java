package io.earshot.reply.redis;

import io.earshot.reply.domain.QueueItem;
import java.util.Set;
import java.util.function.Predicate;

/** Filters on the queue; null means any. */
public record QueueFilter(String label, String platform, String lang, Set<QueueItem.State> states, String assignee) {

    public QueueFilter(String label, String platform, String lang) {
        this(label, platform, lang, null, null);
    }

    Predicate<QueueItem> predicate() {
        return item -> (label == null || label.equals(item.label()))
                && (platform == null || platform.equals(item.platform()))
                && (lang == null || lang.equals(item.lang()))
                && (states == null || states.isEmpty() || states.contains(item.state()))
                && (assignee == null || assignee.equals(item.assignee()) || assignee.equals(item.team()));
    }

    /** True when the index alone answers the filter, so every member read is an item shown. */
    boolean indexed() {
        int keys = (label != null ? 1 : 0) + (platform != null ? 1 : 0) + (lang != null ? 1 : 0);
        return keys <= 1 && (states == null || states.isEmpty()) && assignee == null;
    }

    /** The narrowest index to scan: the others are checked on each item. */
    String index() {
        if (label != null) {
            return QueueKeys.ALL + ":label:" + label;
        }
        if (platform != null) {
            return QueueKeys.ALL + ":platform:" + platform;
        }
        return lang != null ? QueueKeys.ALL + ":lang:" + lang : QueueKeys.ALL;
    }
}
