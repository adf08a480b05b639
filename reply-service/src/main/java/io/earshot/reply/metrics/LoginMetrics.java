package io.earshot.reply.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sign-in counters: failed passwords by reason ({@code earshot_reply_login_failures_total}), tries refused by the
 * limiter before any hash by scope ({@code earshot_reply_login_throttled_total}), hashes computed
 * ({@code earshot_reply_login_hash_checks_total}) and stored hashes upgraded ({@code earshot_reply_login_rehashed_total}).
 * A brute force shows as throttled climbing while hash checks stay flat.
 */
@ApplicationScoped
public class LoginMetrics {

    static final String FAILURES = "earshot.reply.login.failures";
    static final String THROTTLED = "earshot.reply.login.throttled";
    static final String HASH_CHECKS = "earshot.reply.login.hash.checks";
    static final String REHASHED = "earshot.reply.login.rehashed";

    private final MeterRegistry registry;
    private final Counter hashChecks;
    private final Counter rehashed;

    public LoginMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.hashChecks = Counter.builder(HASH_CHECKS).description("Password hashes computed to check a sign-in")
                .register(registry);
        this.rehashed = Counter.builder(REHASHED)
                .description("Stored password hashes upgraded to the current iteration count on sign-in")
                .register(registry);
    }

    /** A password was checked and was wrong; {@code reason} is {@code wrong_password} or {@code unknown_user}. */
    public void failed(String reason) {
        Counter.builder(FAILURES).description("Sign-ins refused after checking the password").tag("reason", reason)
                .register(registry).increment();
    }

    /** A try was refused by the limiter without a hash; {@code scope} names the limit that applied. */
    public void throttled(String scope) {
        Counter.builder(THROTTLED).description("Sign-ins refused by the login limiter before any password hash")
                .tag("scope", scope).register(registry).increment();
    }

    public void hashChecked() {
        hashChecks.increment();
    }

    public void rehashed() {
        rehashed.increment();
    }

    /** Stored hashes upgraded so far by this instance. */
    public double rehashedCount() {
        return rehashed.count();
    }

    /** Hashes computed so far by this instance. */
    public double hashChecks() {
        return hashChecks.count();
    }
}
