package io.earshot.reply.redis;

import static io.earshot.reply.redis.QueueKeys.ALL;
import static io.earshot.reply.redis.QueueKeys.authorKey;
import static io.earshot.reply.redis.QueueKeys.itemKey;
import static io.earshot.reply.redis.QueueKeys.threadKey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.reply.domain.QueueItem;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The queue as Redis keeps it: one JSON value per item, and sorted sets that order items most urgent first, then by
 * SLA deadline ({@link QueuePages}). Every change of an item is one atomic commit ({@link ItemCommit}); the other
 * jobs have a store each ({@link ClaimStore}, {@link AuditStore}, {@link OutboxStore}, {@link TimerStore},
 * {@link ParkedEvents}), which this class also answers for, so callers written before the split keep working.
 *
 * <p>Redis is a view: Kafka is the truth, and the queue can be rebuilt from it.
 */
@ApplicationScoped
public class QueueStore {

    static final String OUTBOX = QueueKeys.OUTBOX;
    /** Timer members: when a claim may have run out, when a snooze ends. */
    public static final String CLAIM_TIMER = "claim:";
    public static final String SNOOZE_TIMER = "snooze:";

    /**
     * How a change treats the claim lock.
     * NONE: ignores it; HOLD: the user must hold it (renewed); ACQUIRE: takes it unless another holds it;
     * TAKEOVER: takes it from anyone; FREE: nobody else may hold it, then it is dropped; CLEAR: dropped whoever holds
     * it; OWNED: the user must hold it, then it is dropped; UNLOCKED: nobody else may hold it, left as it is.
     */
    public enum LockMode { NONE, HOLD, OWNED, ACQUIRE, TAKEOVER, FREE, CLEAR, UNLOCKED }

    /** What to do with the publishing outbox. */
    public enum OutboxOp { NONE, ADD, REMOVE }

    /** One atomic change of an item; {@code before} (the stored item at the expected version) moves its indexes. */
    public record Change(long expectedVersion, QueueItem after, LockMode lock, String user, Duration lockTtl,
                         String auditJson, String eventId, String eventJson, OutboxOp outbox, Instant outboxAt,
                         QueueItem before) {
    }

    /** Why a change was refused, or null when it was applied. */
    public record Refusal(Reason reason, String detail) {

        /** What the atomic change found: no such item, another version, or a claim held by someone else (or none). */
        public enum Reason {
            MISSING, STALE, LOCKED
        }
    }

    private final RedisCommands<String, String> redis;
    private final ObjectMapper mapper;
    private final ItemCommit commit;
    private final ClaimStore claims;
    private final AuditStore audits;
    private final OutboxStore outbox;
    private final TimerStore timers;
    private final ParkedEvents parked;
    private final QueuePages pages;

    @Inject
    public QueueStore(RedisCommands<String, String> redis, ObjectMapper mapper, ItemCommit commit, ClaimStore claims,
                      AuditStore audits, OutboxStore outbox, TimerStore timers, ParkedEvents parked) {
        this.redis = redis;
        this.mapper = mapper;
        this.commit = commit;
        this.claims = claims;
        this.audits = audits;
        this.outbox = outbox;
        this.timers = timers;
        this.parked = parked;
        this.pages = new QueuePages(redis, this::item);
    }

    /** A page of the queue and the cursor of the next one (null at the end). */
    public record Page(List<QueueItem> items, String nextCursor) {
    }

    /** Stores a new item; false (and nothing changed) when it already exists. */
    public boolean createIfAbsent(QueueItem item) {
        return createIfAbsent(item, "{}");
    }

    /** Stores a new item with its first audit entry; false (and nothing changed) when it already exists. */
    public boolean createIfAbsent(QueueItem item, String auditJson) {
        return commit.createIfAbsent(item, auditJson, null, UnaryOperator.identity());
    }

    /**
     * Stores a new item with its first audit entry and parks the event that announces it in the same atomic write;
     * false (and nothing changed) when the item already exists.
     */
    public boolean createIfAbsent(QueueItem item, String auditJson, ParkedEvents.Event announcement) {
        return commit.createIfAbsent(item, auditJson, announcement, UnaryOperator.identity());
    }

    /** As {@link #createIfAbsent(QueueItem, String)} with every key passed through {@code keyOf} (the rebuild's staging). */
    boolean createIfAbsent(QueueItem item, String auditJson, UnaryOperator<String> keyOf) {
        return commit.createIfAbsent(item, auditJson, null, keyOf);
    }

    /** Applies a change atomically; null when applied, else why not. */
    public Refusal apply(Change change) {
        return commit.apply(change);
    }

    public Optional<QueueItem> find(String id) {
        return Optional.ofNullable(redis.get(itemKey(id))).map(this::item);
    }

    public long size() {
        return redis.zcard(ALL);
    }

    /** Other items of the same conversation, oldest first (at most {@code limit}). */
    public List<QueueItem> thread(String threadKey, int limit) {
        return items(redis.zrange(threadKey(threadKey), -limit, -1));
    }

    /** Earlier items by the same author, newest first (at most {@code limit}). */
    public List<QueueItem> byAuthor(QueueItem item, int limit) {
        return items(new ArrayList<>(redis.zrevrange(authorKey(item), 0, limit)));
    }

    /** The items of one author on one platform, newest first (at most {@code limit}). */
    public List<QueueItem> byAuthor(String platform, String authorId, int limit) {
        return items(new ArrayList<>(redis.zrevrange(RedisKeys.AUTHOR.key(platform, authorId), 0, limit - 1L)));
    }

    /**
     * One page of the queue in order, after {@code cursor} (null for the first page). A search with no complete word
     * reads at most {@code scanBudget} members, so its page may be short and still have a next cursor.
     *
     * @throws IllegalArgumentException when the cursor is not one this store issued
     */
    public Page page(QueueFilter filter, String cursor, int limit, int scanBudget) {
        return pages.page(filter, cursor, limit, scanBudget);
    }

    /** Every item, in queue order, handed over in batches (for stats and rebuild checks). */
    public void forEach(Consumer<QueueItem> action) {
        pages.forEach(action);
    }

    /** Overwrites an item during a rebuild (no version check: the rebuild is the only writer then). */
    public void put(QueueItem item) {
        redis.set(itemKey(item.id()), json(item));
    }

    public String claimHolder(String id) {
        return claims.holder(id);
    }

    public long claimTtlMillis(String id) {
        return claims.ttlMillis(id);
    }

    public List<String> audit(String id) {
        return audits.of(id);
    }

    public void appendAudit(String id, String entry) {
        audits.append(id, entry);
    }

    public void putAudit(String id, List<String> entries) {
        audits.replace(id, entries);
    }

    public void outboxAt(String id, Instant at) {
        outbox.at(id, at);
    }

    public void outboxRemove(String id) {
        outbox.remove(id);
    }

    public Double outboxScore(String id) {
        return outbox.score(id);
    }

    public String lastFailure(String id) {
        return outbox.lastFailure(id);
    }

    public void timerAt(String member, Instant at) {
        timers.at(member, at);
    }

    private List<QueueItem> items(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<QueueItem> items = new ArrayList<>(ids.size());
        for (var value : redis.mget(ids.stream().map(QueueKeys::itemKey).toArray(String[]::new))) {
            if (value.hasValue()) {
                items.add(item(value.getValue()));
            }
        }
        return items;
    }

    static String itemKey(String id) {
        return QueueKeys.itemKey(id);
    }

    static String auditKey(String id) {
        return QueueKeys.auditKey(id);
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
