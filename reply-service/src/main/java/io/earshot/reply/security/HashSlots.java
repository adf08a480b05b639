package io.earshot.reply.security;

import io.earshot.reply.config.AuthConfig;
import io.earshot.reply.metrics.LoginMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs password hashes a few at a time for the whole instance, in arrival order. It replaces the old one-at-a-time
 * lock per account, behind which a slow brute force of one account queued the real user; the limiter now keeps an
 * attacker's tries from reaching here, and this bound only keeps a burst from taking every core.
 */
@ApplicationScoped
public class HashSlots {

    private static final String DUMMY = ":AAAAAAAAAAAAAAAAAAAAAA==:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    private final Semaphore slots;
    private final Duration wait;
    private final int iterations;
    private final LoginMetrics metrics;

    public HashSlots(AuthConfig config, LoginMetrics metrics) {
        this.slots = new Semaphore(Math.max(1, config.concurrentHashes()), true);
        this.wait = config.hashWait();
        this.iterations = config.hashIterations();
        this.metrics = metrics;
    }

    public boolean verify(char[] password, String encoded) {
        acquire();
        try {
            metrics.hashChecked();
            return PasswordHash.verify(password, encoded);
        } finally {
            slots.release();
        }
    }

    /** The same work as checking a real account, so an unknown name answers no faster than a wrong password. */
    public void verifyNobody(char[] password) {
        verify(password, PasswordHash.SCHEME + ":" + iterations + DUMMY);
    }

    /** A new hash at the configured iteration count. */
    public String hash(char[] password) {
        acquire();
        try {
            return PasswordHash.hash(password, iterations);
        } finally {
            slots.release();
        }
    }

    public int iterations() {
        return iterations;
    }

    private void acquire() {
        try {
            if (!slots.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new LoginThrottledException(Duration.ofSeconds(1), "busy");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoginThrottledException(Duration.ofSeconds(1), "busy");
        }
    }
}
