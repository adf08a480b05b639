package io.earshot.reply.redis;

import io.earshot.reply.domain.QueueItem;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where a rebuild writes, so that the live queue stays as it is until the whole log was read: every key of the new
 * view is the live key under {@code earshot:reply:rebuild:view:}, beside scratch keys that stream the log through
 * Redis rather than the heap (each comment's latest version, when it was first seen, each item's events in order).
 * {@link #swap()} replaces the live view with the staged one; {@link #clear()} drops a failed or abandoned attempt.
 */
@ApplicationScoped
public class RebuildStaging {

    static final String STAGE = RedisKeys.REBUILD_STAGING.prefix();
    static final String VIEW = STAGE + "view:";
    static final String COMMENT = STAGE + "comment:";
    static final String VERSIONS = STAGE + "comment-versions";
    static final String FIRST_SEEN = STAGE + "first-seen";
    static final String EVENTS = STAGE + "events:";
    /** Drafted events of rebuilt items the log never saw announced, parked live by the swap. */
    static final String UNANNOUNCED = STAGE + "unannounced";

    /** Keeps the latest version of a comment (ties: the later record) and the time its first record was written. */
    private static final String NOTE_COMMENT = """
            local v = redis.call('HGET', KEYS[2], ARGV[1])
            if not v or tonumber(v) <= tonumber(ARGV[2]) then
              redis.call('SET', KEYS[1], ARGV[3])
              redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
            end
            redis.call('HSETNX', KEYS[3], ARGV[1], ARGV[4])
            return 1
            """;

    /**
     * ARGV[1] the staged view's prefix, ARGV[2] the staging prefix, ARGV[3] the staged unannounced events, ARGV[4]
     * the live parked events (merged, never replaced: other events may be parked), ARGV[5..] SCAN patterns of the
     * families a rebuild wipes. SCAN may return a key twice, hence the EXISTS before each RENAME.
     */
    static final String SWAP = """
            local function each(pattern, fn)
              local cursor = '0'
              repeat
                local r = redis.call('SCAN', cursor, 'MATCH', pattern, 'COUNT', 1000)
                cursor = r[1]
                for _, k in ipairs(r[2]) do fn(k) end
              until cursor == '0'
            end
            for i = 5, #ARGV do each(ARGV[i], function(k) redis.call('DEL', k) end) end
            local unannounced = redis.call('HGETALL', ARGV[3])
            for i = 1, #unannounced, 2 do redis.call('HSET', ARGV[4], unannounced[i], unannounced[i + 1]) end
            local view, moved = ARGV[1], 0
            each(view .. '*', function(k)
              if redis.call('EXISTS', k) == 1 then
                redis.call('RENAME', k, string.sub(k, #view + 1))
                moved = moved + 1
              end
            end)
            each(ARGV[2] .. '*', function(k) redis.call('DEL', k) end)
            return moved
            """;

    /** One staged comment: its latest record, when it was first seen, and its {@code replies} events in log order. */
    public record StagedComment(String id, String json, Instant firstSeen, List<String> events) {
    }

    private final RedisCommands<String, String> redis;
    private final QueueStore store;

    @Inject
    public RebuildStaging(RedisCommands<String, String> redis, QueueStore store) {
        this.redis = redis;
        this.store = store;
    }

    /** The key a live key has while staged. */
    static String staged(String liveKey) {
        return VIEW + liveKey;
    }

    public void noteComment(String id, int version, String json, Instant recordTime) {
        redis.eval(NOTE_COMMENT, ScriptOutputType.INTEGER, new String[] {COMMENT + id, VERSIONS, FIRST_SEEN}, id,
                Integer.toString(version), json, Long.toString(recordTime.toEpochMilli()));
    }

    public void noteEvent(String itemId, String json) {
        redis.rpush(EVENTS + itemId, json);
    }

    /** Hands over every staged comment, a batch of keys at a time (never the whole log in memory). */
    public void forEachComment(Consumer<StagedComment> action) {
        scan(COMMENT + "*", keys -> {
            for (String key : keys) {
                String id = key.substring(COMMENT.length());
                String json = redis.get(key);
                String seen = redis.hget(FIRST_SEEN, id);
                if (json != null) {
                    action.accept(new StagedComment(id, json, seen == null ? null : Instant.ofEpochMilli(Long.parseLong(seen)),
                            redis.lrange(EVENTS + id, 0, -1)));
                }
            }
        });
    }

    /**
     * Writes one rebuilt item into the staged view: item, indexes, audit and outbox entry; {@code unannounced} (null
     * when the log holds the item's {@code drafted} event) is parked for the relay when the view is swapped in.
     */
    public void stage(QueueItem item, List<String> audit, ParkedEvents.Event unannounced, Instant outboxAt) {
        store.createIfAbsent(item, "{}", RebuildStaging::staged);
        redis.set(staged(QueueStore.itemKey(item.id())), store.json(item));
        String auditKey = staged(QueueStore.auditKey(item.id()));
        redis.del(auditKey);
        if (!audit.isEmpty()) {
            redis.rpush(auditKey, audit.toArray(String[]::new));
        }
        if (unannounced != null) {
            redis.hset(UNANNOUNCED, unannounced.id(), System.currentTimeMillis() + "|" + unannounced.json());
        }
        if (outboxAt != null) {
            redis.zadd(staged(QueueStore.OUTBOX), outboxAt.toEpochMilli(), item.id());
        }
    }

    /**
     * Replaces the live queue view with the staged one in ONE script, so Redis applies it whole or not at all (the
     * append-only file records a script's effects as one transaction, and nothing else runs meanwhile): the live
     * families a rebuild wipes are deleted, each staged key is renamed to its live name, the scratch keys are dropped.
     * A reader sees the old queue or the new one, never a mix; a Redis crash part-way leaves the old one. The script
     * holds Redis for the swap's length (about a second per 100,000 items), while the rebuild gate is closed anyway.
     */
    public long swap() {
        List<String> args = new ArrayList<>();
        args.add(VIEW);
        args.add(STAGE);
        args.add(UNANNOUNCED);
        args.add(QueueKeys.PENDING_EVENTS);
        for (RedisKeys family : RedisKeys.values()) {
            if (family.wipedByRebuild()) {
                args.add(family.scanPattern());
            }
        }
        Long moved = redis.eval(SWAP, ScriptOutputType.INTEGER, new String[0], args.toArray(String[]::new));
        return moved == null ? 0 : moved;
    }

    /** Deletes everything staged (a failed rebuild's, or one left by a replica that died). */
    public void clear() {
        scan(STAGE + "*", keys -> redis.del(keys.toArray(String[]::new)));
    }

    private void scan(String pattern, Consumer<List<String>> batch) {
        ScanArgs match = ScanArgs.Builder.matches(pattern).limit(500);
        KeyScanCursor<String> cursor = redis.scan(match);
        while (true) {
            if (!cursor.getKeys().isEmpty()) {
                batch.accept(cursor.getKeys());
            }
            if (cursor.isFinished()) {
                return;
            }
            cursor = redis.scan(cursor, match);
        }
    }
}
