package io.earshot.reply.redis;

import io.lettuce.core.api.sync.RedisCommands;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Each item's audit trail, oldest first, as stored JSON; a change appends its entry inside {@link ItemCommit}. */
@ApplicationScoped
public class AuditStore {

    private final RedisCommands<String, String> redis;

    @Inject
    public AuditStore(RedisCommands<String, String> redis) {
        this.redis = redis;
    }

    public List<String> of(String id) {
        return redis.lrange(QueueKeys.auditKey(id), 0, -1);
    }

    /** An entry outside a change of the item (e.g. a translation request). */
    public void append(String id, String entry) {
        redis.rpush(QueueKeys.auditKey(id), entry);
    }

    /** Replaces the audit trail of an item. */
    public void replace(String id, List<String> entries) {
        redis.del(QueueKeys.auditKey(id));
        if (!entries.isEmpty()) {
            redis.rpush(QueueKeys.auditKey(id), entries.toArray(String[]::new));
        }
    }
}
