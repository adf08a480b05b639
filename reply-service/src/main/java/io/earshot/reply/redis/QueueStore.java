package io.earshot.reply.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.reply.domain.QueueItem;
import io.lettuce.core.Range;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The queue as Redis keeps it: one JSON value per item, and sorted sets that order items most urgent first, then
 * newest first. Every index member is {@code <100-priority>|<inverted time>|<id>} at score 0, so a lexicographic
 * range is the queue order and the last member seen is an exact cursor, stable while items are added.
 *
 * <p>Redis is a view: Kafka is the truth, and the queue can be rebuilt from it.
 */
@ApplicationScoped
public class QueueStore {

    static final String PREFIX = "earshot:reply:";
    static final String ALL = PREFIX + "queue";
    private static final long TIME_CEILING = 9_999_999_999_999L;

    /** Creates the item and its index entries only if the item does not exist yet: 1 when created, 0 otherwise. */
    private static final String CREATE_IF_ABSENT = """
            if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
            redis.call('SET', KEYS[1], ARGV[1])
            for i = 2, #KEYS do redis.call('ZADD', KEYS[i], 0, ARGV[2]) end
            return 1
            """;

    @Inject
    RedisCommands<String, String> redis;

    @Inject
    ObjectMapper mapper;

    /** A page of the queue and the cursor of the next one (null at the end). */
    public record Page(List<QueueItem> items, String nextCursor) {
    }

    /** Filters on the queue; null means any. */
    public record Filter(String label, String platform, String lang) {

        Predicate<QueueItem> predicate() {
            return item -> (label == null || label.equals(item.label()))
                    && (platform == null || platform.equals(item.platform()))
                    && (lang == null || lang.equals(item.lang()));
        }

        /** The narrowest index to scan: the others are checked on each item. */
        String index() {
            if (label != null) {
                return ALL + ":label:" + label;
            }
            if (platform != null) {
                return ALL + ":platform:" + platform;
            }
            return lang != null ? ALL + ":lang:" + lang : ALL;
        }
    }

    /** Stores a new item; false (and nothing changed) when it already exists. */
    public boolean createIfAbsent(QueueItem item) {
        String member = member(item);
        String[] keys = {itemKey(item.id()), ALL, ALL + ":label:" + item.label(), ALL + ":platform:" + item.platform(),
                ALL + ":lang:" + item.lang()};
        Long created = redis.eval(CREATE_IF_ABSENT, ScriptOutputType.INTEGER, keys, json(item), member);
        return created != null && created == 1L;
    }

    public Optional<QueueItem> find(String id) {
        return Optional.ofNullable(redis.get(itemKey(id))).map(this::item);
    }

    public long size() {
        return redis.zcard(ALL);
    }

    /**
     * One page of the queue in order, after {@code cursor} (null for the first page).
     *
     * @throws IllegalArgumentException when the cursor is not one this store issued
     */
    public Page page(Filter filter, String cursor, int limit) {
        String index = filter.index();
        Predicate<QueueItem> wanted = filter.predicate();
        String after = cursor == null ? null : decodeCursor(cursor);
        List<QueueItem> items = new ArrayList<>(limit);
        String last = after;
        boolean more = true;
        while (items.size() < limit && more) {
            Range<String> range = last == null ? Range.unbounded() : Range.from(Range.Boundary.excluding(last), Range.Boundary.unbounded());
            List<String> members = redis.zrangebylex(index, range, io.lettuce.core.Limit.create(0, Math.max(limit, 50)));
            more = !members.isEmpty();
            if (!more) {
                break;
            }
            List<String> ids = members.stream().map(QueueStore::idOf).toList();
            var values = redis.mget(ids.stream().map(QueueStore::itemKey).toArray(String[]::new));
            for (int i = 0; i < members.size() && items.size() < limit; i++) {
                last = members.get(i);
                var value = values.get(i);
                if (value.hasValue()) {
                    QueueItem item = item(value.getValue());
                    if (wanted.test(item)) {
                        items.add(item);
                    }
                }
            }
        }
        boolean atEnd = items.size() < limit;
        return new Page(items, atEnd || last == null ? null : encodeCursor(last));
    }

    static String itemKey(String id) {
        return PREFIX + "item:" + id;
    }

    static String member(QueueItem item) {
        long inverted = TIME_CEILING - item.commentCreatedAt().toEpochMilli();
        return "%03d|%013d|%s".formatted(100 - item.priority(), inverted, item.id());
    }

    private static String idOf(String member) {
        return member.substring(member.lastIndexOf('|') + 1);
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

    private String json(QueueItem item) {
        try {
            return mapper.writeValueAsString(item);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private QueueItem item(String json) {
        try {
            return mapper.readValue(json, QueueItem.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
