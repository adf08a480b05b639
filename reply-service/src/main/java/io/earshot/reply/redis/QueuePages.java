package io.earshot.reply.redis;

import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.redis.QueueStore.Page;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reads the queue a page at a time in index order: every index member is {@code <100-priority>|<deadline>|<id>} at
 * score 0, so a lexicographic range is the queue order and the last member seen is an exact cursor, stable while
 * items are added.
 */
final class QueuePages {

    private final RedisCommands<String, String> redis;
    private final Function<String, QueueItem> item;

    QueuePages(RedisCommands<String, String> redis, Function<String, QueueItem> item) {
        this.redis = redis;
        this.item = item;
    }

    /**
     * One page of the queue in order, after {@code cursor} (null for the first page), from the smallest index that
     * holds every item the filter can match. A {@link QueueFilter#bounded() bounded} filter reads at most
     * {@code scanBudget} index members, so its page may be short (even empty) and still have a next cursor.
     *
     * @throws IllegalArgumentException when the cursor is not one this store issued
     */
    Page page(QueueFilter filter, String cursor, int limit, int scanBudget) {
        String index = narrowest(filter.indexes());
        Predicate<QueueItem> wanted = filter.predicate();
        String after = cursor == null ? null : decodeCursor(cursor);
        List<QueueItem> items = new ArrayList<>(limit);
        String last = after;
        boolean more = true;
        int budget = filter.bounded() ? Math.max(scanBudget, limit) : Integer.MAX_VALUE;
        int read = 0;
        while (items.size() < limit && more && read < budget) {
            Range<String> range = last == null ? Range.unbounded() : Range.from(Range.Boundary.excluding(last), Range.Boundary.unbounded());
            // an unfiltered page needs exactly what is missing; a filtered one reads ahead, as items may not match
            int batch = filter.indexed() ? limit - items.size() : Math.min(Math.max(limit, 50), budget - read);
            List<String> members = redis.zrangebylex(index, range, Limit.create(0, batch));
            more = !members.isEmpty();
            if (!more) {
                break;
            }
            List<String> ids = members.stream().map(QueueKeys::idOf).toList();
            var values = redis.mget(ids.stream().map(QueueKeys::itemKey).toArray(String[]::new));
            for (int i = 0; i < members.size() && items.size() < limit; i++) {
                last = members.get(i);
                read++;
                var value = values.get(i);
                if (value.hasValue()) {
                    QueueItem found = item.apply(value.getValue());
                    if (wanted.test(found)) {
                        items.add(found);
                    }
                }
            }
        }
        boolean atEnd = items.size() < limit && read < budget;
        return new Page(items, atEnd || last == null ? null : encodeCursor(last));
    }

    /** The smallest of the indexes (each holds every item the filter can match), or the whole queue when none. */
    private String narrowest(List<String> indexes) {
        if (indexes.isEmpty()) {
            return QueueKeys.ALL;
        }
        if (indexes.size() == 1) {
            return indexes.get(0);
        }
        String best = indexes.get(0);
        long smallest = Long.MAX_VALUE;
        for (String index : indexes) {
            long size = redis.zcard(index);
            if (size < smallest) {
                best = index;
                smallest = size;
            }
        }
        return best;
    }

    /** Every item, in queue order, handed over in batches (for stats and rebuild checks). */
    void forEach(Consumer<QueueItem> action) {
        String last = null;
        while (true) {
            Range<String> range = last == null ? Range.unbounded() : Range.from(Range.Boundary.excluding(last), Range.Boundary.unbounded());
            List<String> members = redis.zrangebylex(QueueKeys.ALL, range, Limit.create(0, 500));
            if (members.isEmpty()) {
                return;
            }
            var values = redis.mget(members.stream().map(QueueKeys::idOf).map(QueueKeys::itemKey).toArray(String[]::new));
            values.stream().filter(v -> v.hasValue()).map(v -> item.apply(v.getValue())).forEach(action);
            last = members.get(members.size() - 1);
        }
    }

    private static String encodeCursor(String member) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(member.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeCursor(String cursor) {
        try {
            String member = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!member.matches("\\d{3}\\|\\d{13}\\|[^|]+")) {
                throw new IllegalArgumentException("not a queue cursor");
            }
            return member;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a queue cursor", e);
        }
    }
}
