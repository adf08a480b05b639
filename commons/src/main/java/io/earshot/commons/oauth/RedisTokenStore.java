package io.earshot.commons.oauth;

import io.lettuce.core.api.sync.RedisCommands;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Refreshed tokens in one Redis hash per refresh token ({@code earshot:oauth:<key>}), kept 30 days (Trustpilot's
 * refresh tokens live that long), or until the token expires when that is later (Threads: 60 days). Redis trouble is never fatal: a token that cannot be shared is simply refreshed here.
 */
public final class RedisTokenStore implements TokenStore {

    /** The key family's prefix, which each service's {@code RedisKeys} registry lists. */
    public static final String PREFIX = "earshot:oauth:";
    private static final long TTL_SECONDS = 30L * 24 * 3600;
    private final RedisCommands<String, String> redis;

    public RedisTokenStore(RedisCommands<String, String> redis) {
        this.redis = redis;
    }

    @Override
    public Optional<Stored> load(String key) {
        try {
            Map<String, String> h = redis.hgetall(PREFIX + key);
            if (h == null || h.get("access_token") == null) {
                return Optional.empty();
            }
            String expires = h.get("expires_at");
            return Optional.of(new Stored(h.get("access_token"),
                    expires == null || expires.isEmpty() ? null : Instant.ofEpochSecond(Long.parseLong(expires)),
                    h.get("refresh_token")));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public void save(String key, Stored token) {
        try {
            String redisKey = PREFIX + key;
            redis.hset(redisKey, Map.of("access_token", token.accessToken(),
                    "expires_at", token.expiresAt() == null ? "" : Long.toString(token.expiresAt().getEpochSecond()),
                    "refresh_token", token.refreshToken()));
            long untilExpiry = token.expiresAt() == null ? 0 : token.expiresAt().getEpochSecond() - Instant.now().getEpochSecond();
            redis.expire(redisKey, Math.max(TTL_SECONDS, untilExpiry + 3600));
        } catch (RuntimeException e) {
            // not shared this time; the other service refreshes on its own
        }
    }
}
