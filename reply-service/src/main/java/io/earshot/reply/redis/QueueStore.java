package io.earshot.reply.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.reply.domain.QueueItem;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.ZAddArgs;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The queue as Redis keeps it: one JSON value per item, and sorted sets that order items most urgent first, then
 * by SLA deadline. Every index member is {@code <100-priority>|<deadline millis>|<id>} at score 0, so a
 * lexicographic range is the queue order and the last member seen is an exact cursor, stable while items are added.
 *
 * <p>Every change of an item is one Lua script: it compares the version (a stale change is refused), checks or
 * takes the claim lock, writes the item, appends to the audit trail, parks the event for Kafka and updates the
 * publishing outbox, all or nothing.
 *
 * <p>Redis is a view: Kafka is the truth, and the queue can be rebuilt from it.
 */
@ApplicationScoped
public class QueueStore {

    static final String ALL = RedisKeys.QUEUE.prefix();
    static final String OUTBOX = RedisKeys.OUTBOX.prefix();
    static final String PENDING_EVENTS = RedisKeys.EVENTS_PENDING.prefix();
    static final String TIMERS = RedisKeys.TIMERS.prefix();
    /** Reply deadlines still to be checked: id at score deadline millis (see SlaWatch). */
    static final String SLA = RedisKeys.SLA.prefix();
    static final String PUBLISH_ERRORS = RedisKeys.PUBLISH_ERRORS.prefix();
    /** Timer members: when a claim may have run out, when a snooze ends. */
    public static final String CLAIM_TIMER = "claim:";
    public static final String SNOOZE_TIMER = "snooze:";
    private static final long TIME_CEILING = 9_999_999_999_999L;

    /** Creates the item, its index entries and its first audit entry only if the item does not exist yet. */
    private static final String CREATE_IF_ABSENT = """
            if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
            redis.call('SET', KEYS[1], ARGV[1])
            redis.call('RPUSH', KEYS[2], ARGV[3])
            redis.call('ZADD', KEYS[3], ARGV[4], ARGV[6])
            redis.call('ZADD', KEYS[4], ARGV[4], ARGV[6])
            for i = 5, #KEYS do redis.call('ZADD', KEYS[i], 0, ARGV[2]) end
            return 1
            """;

    /**
     * KEYS: item, lock, audit, pending events, outbox. ARGV: expected version, item json, lock mode, user, lock ttl
     * ms, audit json, event id, event json, outbox op (add|remove|none), outbox score, item id.
     */
    private static final String APPLY = """
            local cur = redis.call('GET', KEYS[1])
            if not cur then return {'missing', ''} end
            local v = cjson.decode(cur)['version']
            if tostring(v) ~= ARGV[1] then return {'stale', tostring(v)} end
            local holder = redis.call('GET', KEYS[2])
            local mode = ARGV[3]
            if mode == 'hold' then
              if holder ~= ARGV[4] then return {'locked', holder or ''} end
              redis.call('PEXPIRE', KEYS[2], ARGV[5])
            elseif mode == 'acquire' then
              if holder and holder ~= ARGV[4] then return {'locked', holder} end
              redis.call('SET', KEYS[2], ARGV[4], 'PX', ARGV[5])
            elseif mode == 'takeover' then
              redis.call('SET', KEYS[2], ARGV[4], 'PX', ARGV[5])
            elseif mode == 'free' then
              if holder and holder ~= ARGV[4] then return {'locked', holder} end
              redis.call('DEL', KEYS[2])
            elseif mode == 'clear' then
              redis.call('DEL', KEYS[2])
            elseif mode == 'owned' then
              if holder ~= ARGV[4] then return {'locked', holder or ''} end
              redis.call('DEL', KEYS[2])
            elseif mode == 'unlocked' then
              if holder and holder ~= ARGV[4] then return {'locked', holder} end
            end
            redis.call('SET', KEYS[1], ARGV[2])
            redis.call('RPUSH', KEYS[3], ARGV[6])
            redis.call('HSET', KEYS[4], ARGV[7], ARGV[8])
            if ARGV[9] == 'add' then redis.call('ZADD', KEYS[5], ARGV[10], ARGV[11])
            elseif ARGV[9] == 'remove' then redis.call('ZREM', KEYS[5], ARGV[11]) end
            return {'ok', ''}
            """;

    /** Leases due outbox entries: moves each to score now+lease and returns them. */
    private static final String LEASE = """
            local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
            for _, id in ipairs(due) do redis.call('ZADD', KEYS[1], ARGV[2], id) end
            return due
            """;

    /**
     * How a change treats the claim lock.
     * NONE: ignores it; HOLD: the user must hold it (renewed); ACQUIRE: takes it unless another holds it;
     * TAKEOVER: takes it from anyone; FREE: nobody else may hold it, then it is dropped; CLEAR: dropped whoever holds
     * it; OWNED: the user must hold it, then it is dropped; UNLOCKED: nobody else may hold it, left as it is.
     */
    public enum LockMode { NONE, HOLD, OWNED, ACQUIRE, TAKEOVER, FREE, CLEAR, UNLOCKED }

    /** What to do with the publishing outbox. */
    public enum OutboxOp { NONE, ADD, REMOVE }

    /** One atomic change of an item. */
    public record Change(long expectedVersion, QueueItem after, LockMode lock, String user, Duration lockTtl,
                         String auditJson, String eventId, String eventJson, OutboxOp outbox, Instant outboxAt) {
    }

    /** Why a change was refused, or null when it was applied. */
    public record Refusal(String reason, String detail) {
    }

    @Inject
    RedisCommands<String, String> redis;

    @Inject
    ObjectMapper mapper;

    /** A page of the queue and the cursor of the next one (null at the end). */
    public record Page(List<QueueItem> items, String nextCursor) {
    }

    /** Filters on the queue; null means any. */
    public record Filter(String label, String platform, String lang, Set<QueueItem.State> states, String assignee) {

        public Filter(String label, String platform, String lang) {
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
        return createIfAbsent(item, "{}");
    }

    /** Stores a new item with its first audit entry; false (and nothing changed) when it already exists. */
    public boolean createIfAbsent(QueueItem item, String auditJson) {
        return createIfAbsent(item, auditJson, UnaryOperator.identity());
    }

    /**
     * As {@link #createIfAbsent(QueueItem, String)}, with every key passed through {@code keyOf}: the rebuild writes
     * the same keys under its staging prefix ({@link RebuildStaging}) and swaps them in when complete.
     */
    boolean createIfAbsent(QueueItem item, String auditJson, UnaryOperator<String> keyOf) {
        String member = member(item);
        String[] keys = Stream.of(itemKey(item.id()), auditKey(item.id()), threadKey(item.threadKey()), authorKey(item),
                ALL, ALL + ":label:" + item.label(), ALL + ":platform:" + item.platform(), ALL + ":lang:" + item.lang())
                .map(keyOf).toArray(String[]::new);
        Long created = redis.eval(CREATE_IF_ABSENT, ScriptOutputType.INTEGER, keys, json(item), member, auditJson,
                Long.toString(item.commentCreatedAt().toEpochMilli()), "", item.id());
        boolean isNew = created != null && created == 1L;
        if (isNew && item.slaDeadline() != null && !item.state().terminal()) {
            redis.zadd(keyOf.apply(SLA), ZAddArgs.Builder.nx(), (double) item.slaDeadline().toEpochMilli(), item.id());
        }
        return isNew;
    }

    /** Ids whose reply deadline is at or before {@code now}, oldest first. */
    public List<String> slaDue(Instant now, int limit) {
        return redis.zrangebyscore(SLA, Range.create(0, now.toEpochMilli()), Limit.create(0, limit));
    }

    /** Takes a due deadline off the watch; true for the one caller (of any replica) that took it. */
    public boolean slaTake(String id) {
        Long removed = redis.zrem(SLA, id);
        return removed != null && removed == 1L;
    }

    /** Applies a change atomically; null when applied, else why not. */
    public Refusal apply(Change change) {
        QueueItem item = change.after();
        String[] keys = {itemKey(item.id()), lockKey(item.id()), auditKey(item.id()), PENDING_EVENTS, OUTBOX};
        List<String> result = redis.eval(APPLY, ScriptOutputType.MULTI, keys,
                Long.toString(change.expectedVersion()), json(item), change.lock().name().toLowerCase(),
                change.user() == null ? "" : change.user(),
                Long.toString(change.lockTtl() == null ? 1 : Math.max(1, change.lockTtl().toMillis())),
                change.auditJson(), change.eventId(), System.currentTimeMillis() + "|" + change.eventJson(),
                change.outbox().name().toLowerCase(),
                Long.toString(change.outboxAt() == null ? 0 : change.outboxAt().toEpochMilli()), item.id());
        return "ok".equals(result.get(0)) ? null : new Refusal(result.get(0), result.get(1));
    }

    public Optional<QueueItem> find(String id) {
        return Optional.ofNullable(redis.get(itemKey(id))).map(this::item);
    }

    /** Who holds the claim on an item now, or null. */
    public String claimHolder(String id) {
        return redis.get(lockKey(id));
    }

    /** Milliseconds left on the claim, or a negative number when there is none. */
    public long claimTtlMillis(String id) {
        Long ttl = redis.pttl(lockKey(id));
        return ttl == null ? -2 : ttl;
    }

    public long size() {
        return redis.zcard(ALL);
    }

    /** The audit trail of an item, oldest first, as stored JSON. */
    public List<String> audit(String id) {
        return redis.lrange(auditKey(id), 0, -1);
    }

    /** Other items of the same conversation, oldest first (at most {@code limit}). */
    public List<QueueItem> thread(String threadKey, int limit) {
        return items(redis.zrange(threadKey(threadKey), -limit, -1));
    }

    /** Earlier items by the same author, newest first (at most {@code limit}). */
    public List<QueueItem> byAuthor(QueueItem item, int limit) {
        List<String> ids = new ArrayList<>(redis.zrevrange(authorKey(item), 0, limit));
        return items(ids);
    }

    /** Events written with a change but not yet acknowledged by Kafka: event id to {@code millis|json}. */
    public Map<String, String> pendingEvents() {
        return redis.hgetall(PENDING_EVENTS);
    }

    /** Forgets a parked event once Kafka acknowledged it. */
    public void eventSent(String eventId) {
        redis.hdel(PENDING_EVENTS, eventId);
    }

    /** Leases up to {@code max} outbox entries due by {@code now} for {@code lease}. */
    public List<String> leaseDue(Instant now, Duration lease, int max) {
        return redis.eval(LEASE, ScriptOutputType.MULTI, new String[] {OUTBOX}, Long.toString(now.toEpochMilli()),
                Long.toString(now.plus(lease).toEpochMilli()), Integer.toString(max));
    }

    /** Schedules (or reschedules) an outbox entry. */
    public void outboxAt(String id, Instant at) {
        redis.zadd(OUTBOX, at.toEpochMilli(), id);
    }

    public void outboxRemove(String id) {
        redis.zrem(OUTBOX, id);
    }

    /** Sets (or moves) a timer; the sweep looks at it when it is due. */
    public void timerAt(String member, Instant at) {
        redis.zadd(TIMERS, at.toEpochMilli(), member);
    }

    /** Timers due by {@code now}, at most {@code max}. */
    public List<String> dueTimers(Instant now, int max) {
        return redis.zrangebyscore(TIMERS, Range.create(0, (double) now.toEpochMilli()), Limit.create(0, max));
    }

    public void timerDone(String member) {
        redis.zrem(TIMERS, member);
    }

    /** Remembers why the last publishing attempt did not succeed (shown on the item; no state change). */
    public void noteFailure(String id, String reason) {
        redis.hset(PUBLISH_ERRORS, id, reason);
    }

    public String lastFailure(String id) {
        return redis.hget(PUBLISH_ERRORS, id);
    }

    public Double outboxScore(String id) {
        return redis.zscore(OUTBOX, id);
    }

    /** Every item, in queue order, handed over in batches (for stats and rebuild checks). */
    public void forEach(Consumer<QueueItem> action) {
        String last = null;
        while (true) {
            Range<String> range = last == null ? Range.unbounded() : Range.from(Range.Boundary.excluding(last), Range.Boundary.unbounded());
            List<String> members = redis.zrangebylex(ALL, range, Limit.create(0, 500));
            if (members.isEmpty()) {
                return;
            }
            items(members.stream().map(QueueStore::idOf).toList()).forEach(action);
            last = members.get(members.size() - 1);
        }
    }

    /** Deletes the whole queue view: every family {@link RedisKeys} marks as wiped by a rebuild. */
    public long wipe() {
        long deleted = 0;
        for (RedisKeys family : RedisKeys.values()) {
            if (!family.wipedByRebuild()) {
                continue;
            }
            ScanArgs match = ScanArgs.Builder.matches(family.scanPattern()).limit(500);
            KeyScanCursor<String> cursor = redis.scan(match);
            while (true) {
                if (!cursor.getKeys().isEmpty()) {
                    deleted += redis.del(cursor.getKeys().toArray(String[]::new));
                }
                if (cursor.isFinished()) {
                    break;
                }
                cursor = redis.scan(cursor, match);
            }
        }
        return deleted;
    }

    /** Overwrites an item during a rebuild (no version check: the rebuild is the only writer then). */
    public void put(QueueItem item) {
        redis.set(itemKey(item.id()), json(item));
    }

    public void appendAudit(String id, String entry) {
        redis.rpush(auditKey(id), entry);
    }

    /** Replaces the audit trail of an item during a rebuild. */
    public void putAudit(String id, List<String> entries) {
        redis.del(auditKey(id));
        if (!entries.isEmpty()) {
            redis.rpush(auditKey(id), entries.toArray(String[]::new));
        }
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
            // an unfiltered page needs exactly what is missing; a filtered one reads ahead, as items may not match
            int batch = filter.indexed() ? limit - items.size() : Math.max(limit, 50);
            List<String> members = redis.zrangebylex(index, range, Limit.create(0, batch));
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

    private List<QueueItem> items(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<QueueItem> items = new ArrayList<>(ids.size());
        var values = redis.mget(ids.stream().map(QueueStore::itemKey).toArray(String[]::new));
        for (var value : values) {
            if (value.hasValue()) {
                items.add(item(value.getValue()));
            }
        }
        return items;
    }

    static String itemKey(String id) {
        return RedisKeys.ITEM.key(id);
    }

    static String lockKey(String id) {
        return RedisKeys.CLAIM.key(id);
    }

    static String auditKey(String id) {
        return RedisKeys.AUDIT.key(id);
    }

    static String threadKey(String threadKey) {
        return RedisKeys.THREAD.key(threadKey);
    }

    static String authorKey(QueueItem item) {
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

    public String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
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
