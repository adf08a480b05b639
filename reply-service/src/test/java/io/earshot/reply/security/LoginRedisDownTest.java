package io.earshot.reply.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.reply.config.AuthConfig;
import io.earshot.reply.metrics.LoginMetrics;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.api.sync.RedisCommands;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Redis failing in the middle of a sign-in (after the limiter answered, while the upgraded hash is read) refuses the
 * sign-in as unavailable, which the HTTP layer answers 503 with {@code Retry-After}, instead of escaping as a 500.
 */
class LoginRedisDownTest {

    @Test
    void redisFailingAfterTheLimiterCheckIsUnavailableNotAnError() {
        @SuppressWarnings("unchecked")
        RedisCommands<String, String> redis = (RedisCommands<String, String>) Proxy.newProxyInstance(
                RedisCommands.class.getClassLoader(), new Class<?>[] {RedisCommands.class}, (proxy, method, args) -> {
                    if (method.getName().equals("eval")) {
                        return List.of(0L, 0L, 0L, 1L); // the limiter's check: no back-off running
                    }
                    throw new RedisConnectionException("connection refused");
                });
        AuthConfig config = config();
        LoginMetrics metrics = new LoginMetrics(new SimpleMeterRegistry());
        LoginAudit audit = new LoginAudit(redis, new ObjectMapper());
        UserStore users = new UserStore(config, new HashSlots(config, metrics), new HashOverrides(redis), metrics, audit);
        LoginGuard guard = new LoginGuard(new LoginLimiter(redis, config), users, metrics, audit, config);

        LoginThrottledException refused = assertThrows(LoginThrottledException.class, () -> guard.signIn(
                new LoginLimiter.Attempt("ana", "127.0.0.1", null), "ana-pw".toCharArray(), false));
        assertEquals("unavailable", refused.scope());
        assertEquals(Duration.ofSeconds(5), refused.retryAfter());
    }

    private static AuthConfig config() {
        AuthConfig.Limits limits = (AuthConfig.Limits) Proxy.newProxyInstance(AuthConfig.Limits.class.getClassLoader(),
                new Class<?>[] {AuthConfig.Limits.class}, (proxy, method, args) ->
                        method.getReturnType() == int.class ? 5 : Duration.ofMinutes(1));
        return new AuthConfig() {
            @Override
            public Optional<String> usersFile() {
                return Optional.of("src/test/resources/test-users");
            }

            @Override
            public int hashIterations() {
                return 10_000;
            }

            @Override
            public int concurrentHashes() {
                return 1;
            }

            @Override
            public Duration hashWait() {
                return Duration.ofSeconds(5);
            }

            @Override
            public Limits limits() {
                return limits;
            }
        };
    }
}
