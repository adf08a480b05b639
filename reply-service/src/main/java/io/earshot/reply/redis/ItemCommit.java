package io.earshot.reply.redis;

import static io.earshot.reply.redis.QueueKeys.ALL;
import static io.earshot.reply.redis.QueueKeys.OUTBOX;
import static io.earshot.reply.redis.QueueKeys.PENDING_EVENTS;
import static io.earshot.reply.redis.QueueKeys.SLA;
import static io.earshot.reply.redis.QueueKeys.auditKey;
import static io.earshot.reply.redis.QueueKeys.authorKey;
import static io.earshot.reply.redis.QueueKeys.itemKey;
import static io.earshot.reply.redis.QueueKeys.lockKey;
import static io.earshot.reply.redis.QueueKeys.member;
import static io.earshot.reply.redis.QueueKeys.threadKey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.reply.domain.ItemSearch;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.redis.QueueStore.Change;
import io.earshot.reply.redis.QueueStore.Refusal;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.ZAddArgs;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The one atomic commit of an item change: a Lua script compares the version (a stale change is refused), checks or
 * takes the claim lock, writes the item, appends to the audit trail, parks the event for Kafka and updates the
 * publishing outbox, all or nothing; and the creation of a new item with its indexes and first audit entry.
 *
 * <p>The indexes (queue order, label, platform, language, each flag, each search token) are written once, at
 * creation. Readers check every condition on the item itself ({@link QueueFilter}), so a flag or word an edit took
 * away does not match; one an edit added is indexed by the next rebuild, which writes the latest version.
 */
@ApplicationScoped
class ItemCommit {

    /**
     * Creates the item, its index entries, its first audit entry and parks its {@code drafted} event (when one is
     * given), only if the item does not exist yet. KEYS: item, audit, thread, author, pending events, then the
     * indexes. ARGV: item json, index member, audit json, comment time millis, unused, item id, event id (empty: park
     * nothing), parked event ({@code millis|json}).
     */
    private static final String CREATE_IF_ABSENT = """
            if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
            redis.call('SET', KEYS[1], ARGV[1])
            redis.call('RPUSH', KEYS[2], ARGV[3])
            redis.call('ZADD', KEYS[3], ARGV[4], ARGV[6])
            redis.call('ZADD', KEYS[4], ARGV[4], ARGV[6])
            if ARGV[7] ~= '' then redis.call('HSET', KEYS[5], ARGV[7], ARGV[8]) end
            for i = 6, #KEYS do redis.call('ZADD', KEYS[i], 0, ARGV[2]) end
            return 1
            """;

    /**
     * KEYS: item, lock, audit, pending events, outbox, then the indexes to leave and the indexes to enter. ARGV:
     * expected version, item json, lock mode, user, lock ttl ms, audit json, event id, event json, outbox op
     * (add|remove|none), outbox score, item id, how many indexes to leave, the member to remove, the member to add.
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
            local moved = tonumber(ARGV[12])
            for i = 6, 5 + moved do redis.call('ZREM', KEYS[i], ARGV[13]) end
            for i = 6 + moved, #KEYS do redis.call('ZADD', KEYS[i], 0, ARGV[14]) end
            return {'ok', ''}
            """;

    /**
     * How long a new item's parked {@code drafted} event is left to the consumer that sends it (with retries through a
     * Kafka outage) before the relay sends it too: the relay is for a consumer that died, not to race acknowledgements
     * that lag by seconds under a burst.
     */
    static final long ANNOUNCEMENT_HOLD_MILLIS = 120_000;

    private final RedisCommands<String, String> redis;
    private final Function<Object, String> json;

    @Inject
    ItemCommit(RedisCommands<String, String> redis, ObjectMapper mapper) {
        this.redis = redis;
        this.json = value -> {
            try {
                return mapper.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /**
     * Creates the item with its indexes and first audit entry if it is absent, and parks {@code announcement} (its
     * {@code drafted} event, or null for none) in the same script, so a new item and the event that announces it are
     * written together: the relay sends it if the caller dies before Kafka acknowledged it. Every key passes through
     * {@code keyOf}: the rebuild writes the same keys under its staging prefix ({@link RebuildStaging}) and swaps them
     * in when complete.
     */
    boolean createIfAbsent(QueueItem item, String auditJson, ParkedEvents.Event announcement, UnaryOperator<String> keyOf) {
        String member = member(item);
        String[] keys = Stream.concat(Stream.of(itemKey(item.id()), auditKey(item.id()), threadKey(item.threadKey()),
                        authorKey(item), PENDING_EVENTS), QueueKeys.indexKeys(item).stream())
                .map(keyOf).toArray(String[]::new);
        Long created = redis.eval(CREATE_IF_ABSENT, ScriptOutputType.INTEGER, keys, json.apply(item), member, auditJson,
                Long.toString(item.commentCreatedAt().toEpochMilli()), "", item.id(),
                announcement == null ? "" : announcement.id(),
                announcement == null ? "" : (System.currentTimeMillis() + ANNOUNCEMENT_HOLD_MILLIS) + "|" + announcement.json());
        boolean isNew = created != null && created == 1L;
        if (isNew && item.slaDeadline() != null && !item.state().terminal()) {
            redis.zadd(keyOf.apply(SLA), ZAddArgs.Builder.nx(), (double) item.slaDeadline().toEpochMilli(), item.id());
        }
        return isNew;
    }

    /**
     * Applies a change atomically; null when applied, else why not. When the change moves the item in the queue
     * order (priority, deadline) or changes what indexes it (label, flags, text, author), the indexes move in the same
     * script: the version check guarantees {@code before} is what is stored, so its members are the ones to remove.
     */
    Refusal apply(Change change) {
        QueueItem item = change.after();
        IndexMove move = IndexMove.between(change.before(), item);
        List<String> keys = new java.util.ArrayList<>(List.of(itemKey(item.id()), lockKey(item.id()), auditKey(item.id()),
                PENDING_EVENTS, OUTBOX));
        keys.addAll(move.leave());
        keys.addAll(move.enter());
        List<String> result = redis.eval(APPLY, ScriptOutputType.MULTI, keys.toArray(String[]::new),
                Long.toString(change.expectedVersion()), json.apply(item), change.lock().name().toLowerCase(),
                change.user() == null ? "" : change.user(),
                Long.toString(change.lockTtl() == null ? 1 : Math.max(1, change.lockTtl().toMillis())),
                change.auditJson(), change.eventId(), System.currentTimeMillis() + "|" + change.eventJson(),
                change.outbox().name().toLowerCase(),
                Long.toString(change.outboxAt() == null ? 0 : change.outboxAt().toEpochMilli()), item.id(),
                Integer.toString(move.leave().size()), move.oldMember(), move.newMember());
        return "ok".equals(result.get(0)) ? null : new Refusal(Refusal.Reason.valueOf(result.get(0).toUpperCase(Locale.ROOT)), result.get(1));
    }
}
