package io.earshot.reply.redis;

import io.earshot.reply.domain.ItemSearch;
import io.earshot.reply.domain.QueueItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The queue's own key names and index members, built through {@link RedisKeys}: one place, so the atomic scripts,
 * the stores and the rebuild's staging name the same keys.
 */
final class QueueKeys {

    static final String ALL = RedisKeys.QUEUE.prefix();
    static final String OUTBOX = RedisKeys.OUTBOX.prefix();
    static final String PENDING_EVENTS = RedisKeys.EVENTS_PENDING.prefix();
    static final String TIMERS = RedisKeys.TIMERS.prefix();
    /** Reply deadlines still to be checked: id at score deadline millis (see SlaWatch). */
    static final String SLA = RedisKeys.SLA.prefix();
    static final String PUBLISH_ERRORS = RedisKeys.PUBLISH_ERRORS.prefix();
    private static final long TIME_CEILING = 9_999_999_999_999L;

    private QueueKeys() {
    }

    public static String itemKey(String id) {
        return RedisKeys.ITEM.key(id);
    }

    public static String lockKey(String id) {
        return RedisKeys.CLAIM.key(id);
    }

    public static String auditKey(String id) {
        return RedisKeys.AUDIT.key(id);
    }

    public static String threadKey(String threadKey) {
        return RedisKeys.THREAD.key(threadKey);
    }

    public static String authorKey(QueueItem item) {
        String author = item.author() == null || item.author().id() == null ? "-" : item.author().id();
        return RedisKeys.AUTHOR.key(item.platform(), author);
    }

    /** Most urgent first, then the earliest SLA deadline (the comment's time when there is none). */
    static String member(QueueItem item) {
        Instant due = item.slaDeadline() != null ? item.slaDeadline() : item.commentCreatedAt();
        long millis = Math.max(0, Math.min(TIME_CEILING, due.toEpochMilli()));
        // by hand rather than String.format: this runs for every item written and costs a parse of the pattern
        StringBuilder member = new StringBuilder(18 + item.id().length());
        padded(member, 100 - item.priority(), 3).append('|');
        padded(member, millis, 13).append('|');
        return member.append(item.id()).toString();
    }

    private static StringBuilder padded(StringBuilder to, long value, int width) {
        String digits = Long.toString(value);
        for (int i = digits.length(); i < width; i++) {
            to.append('0');
        }
        return to.append(digits);
    }

    /** The index of the items triage gave {@code flag}. */
    static String flagKey(String flag) {
        return RedisKeys.QUEUE_FLAG.key(flag);
    }

    /** The search index of one folded token ({@link io.earshot.reply.domain.ItemSearch#tokens}). */
    static String wordKey(String token) {
        return RedisKeys.QUEUE_WORD.key(token);
    }

    /**
     * Every ordered index an item is listed in (all items, its label, platform, language, each flag, each search
     * token), all holding {@link #member(QueueItem)}: what a create writes and a change moves.
     */
    static List<String> indexKeys(QueueItem item) {
        List<String> keys = new ArrayList<>();
        keys.add(ALL);
        keys.add(ALL + ":label:" + item.label());
        keys.add(ALL + ":platform:" + item.platform());
        keys.add(ALL + ":lang:" + item.lang());
        if (item.flags() != null) {
            item.flags().stream().distinct().map(QueueKeys::flagKey).forEach(keys::add);
        }
        ItemSearch.tokens(item).stream().map(QueueKeys::wordKey).forEach(keys::add);
        return keys;
    }

    static String idOf(String member) {
        return member.substring(member.lastIndexOf('|') + 1);
    }
}
