package io.earshot.reply.security;

import io.earshot.reply.config.AuthConfig;
import io.earshot.reply.metrics.LoginMetrics;
import io.lettuce.core.RedisException;
import io.quarkus.security.AuthenticationFailedException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Every password sign-in (the dashboard's form and HTTP Basic on {@code /api}) passes here: the limiter first, so a
 * throttled try costs one Redis call and no hash, then the password, then the bookkeeping of the outcome (counts,
 * metric, audit). No HTTP types: the identity provider hands in the address and device cookie it resolved.
 */
@ApplicationScoped
public class LoginGuard {

    private static final Logger LOG = Logger.getLogger(LoginGuard.class);

    /** A successful sign-in, with a new device cookie value when the browser should get one. */
    public record Success(UserStore.User user, Optional<String> newDevice) {
    }

    private final LoginLimiter limiter;
    private final UserStore users;
    private final LoginMetrics metrics;
    private final LoginAudit audit;
    private final Duration deviceTtl;

    public LoginGuard(LoginLimiter limiter, UserStore users, LoginMetrics metrics, LoginAudit audit, AuthConfig config) {
        this.limiter = limiter;
        this.deviceTtl = config.limits().deviceTtl();
        this.users = users;
        this.metrics = metrics;
        this.audit = audit;
    }

    /**
     * Checks a sign-in; {@code browser} is a form sign-in, which earns a device cookie.
     *
     * @throws LoginThrottledException before any hash, when a back-off binds this client
     * @throws AuthenticationFailedException when the name or password is wrong
     */
    public Success signIn(LoginLimiter.Attempt attempt, char[] password, boolean browser) {
        try {
            LoginLimiter.Standing standing = limiter.check(attempt);
            Optional<UserStore.User> user = users.verify(attempt.account(), password);
            if (user.isEmpty()) {
                failed(attempt, standing);
                throw new AuthenticationFailedException();
            }
            return new Success(user.get(), limiter.succeeded(attempt, standing, browser));
        } catch (LoginThrottledException e) {
            metrics.throttled(e.scope());
            throw e;
        } catch (RedisException e) {
            // without the shared counts (or the upgraded hash) the limits cannot hold: refuse rather than let a brute
            // force through, and answer 503 rather than 500
            LOG.warnf("login limiter unavailable, sign-in refused: %s", e.getMessage());
            metrics.throttled("unavailable");
            throw new LoginThrottledException(Duration.ofSeconds(5), "unavailable");
        }
    }

    /** How long a device cookie is valid. */
    public Duration deviceTtl() {
        return deviceTtl;
    }

    private void failed(LoginLimiter.Attempt attempt, LoginLimiter.Standing standing) {
        String reason = users.find(attempt.account()).isPresent() ? "wrong_password" : "unknown_user";
        metrics.failed(reason);
        LoginLimiter.Failure failure = limiter.failed(attempt, standing);
        String client = standing.trustedDevice() ? "known device" : standing.knownAddress() ? "known address" : "new client";
        audit.record(attempt.account(), attempt.address(), "failed", reason + ", " + client);
        if (!failure.lockedFor().isZero()) {
            audit.record(attempt.account(), attempt.address(), "backoff",
                    failure.scope() + " for " + Math.max(1, failure.lockedFor().toSeconds()) + " s");
        }
        if (failure.deviceRevoked()) {
            audit.record(attempt.account(), attempt.address(), "device_revoked", "too many failures from one device");
        }
    }
}
