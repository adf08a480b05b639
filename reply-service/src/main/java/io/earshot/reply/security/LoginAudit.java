package io.earshot.reply.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The sign-in audit trail: failed passwords, back-offs started, devices that lost their trust, hashes upgraded. Kept in
 * Redis (the newest {@value #KEEP} entries, shared by every replica; readable by admins at {@code /api/admin/logins})
 * and logged. Never a password; the account name is as typed, so it is cut short and stripped of control characters.
 */
@ApplicationScoped
public class LoginAudit {

    static final String KEY = LoginLimiter.PREFIX + "audit";
    static final int KEEP = 10_000;
    private static final Duration TTL = Duration.ofDays(90);
    private static final Logger LOG = Logger.getLogger(LoginAudit.class);

    /** One sign-in event: {@code failed}, {@code backoff}, {@code device_revoked}, {@code rehashed} or {@code unlocked}. */
    public record Entry(Instant at, String account, String address, String event, String detail) {
    }

    private final RedisCommands<String, String> redis;
    private final ObjectMapper mapper;

    public LoginAudit(RedisCommands<String, String> redis, ObjectMapper mapper) {
        this.redis = redis;
        this.mapper = mapper;
    }

    public void record(String account, String address, String event, String detail) {
        Entry entry = new Entry(Instant.now(), clean(account), clean(address), event, detail);
        LOG.infof("sign-in %s: account=%s address=%s %s", event, entry.account(), entry.address(), detail);
        try {
            redis.lpush(KEY, mapper.writeValueAsString(entry));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        redis.ltrim(KEY, 0, KEEP - 1);
        redis.pexpire(KEY, TTL.toMillis());
    }

    /** The newest entries first. */
    public List<Entry> recent(int limit) {
        return redis.lrange(KEY, 0, Math.max(0, limit - 1)).stream().map(json -> {
            try {
                return mapper.readValue(json, Entry.class);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    static String clean(String value) {
        if (value == null) {
            return "";
        }
        String cut = value.length() > 64 ? value.substring(0, 64) + "…" : value;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
