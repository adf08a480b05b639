package io.earshot.ingest.connector;

import io.earshot.ingest.config.RedditConfig;
import io.earshot.ingest.domain.TokenBucket;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/**
 * Reddit's query budget, one for the configured OAuth client: Reddit counts 100 queries a minute per client, so the
 * mentions and the searches of every account draw from the same bucket ({@code queries-per-minute}), and when Reddit
 * says the window is nearly spent ({@code X-Ratelimit-Remaining} at or below the floor, or a 429) all of them wait
 * for {@code X-Ratelimit-Reset}.
 */
@ApplicationScoped
public class RedditBudget {

    /** Longer waits for the bucket end the poll instead of holding the poller thread. */
    private static final long MAX_WAIT_MILLIS = 2000;

    @Inject
    RedditConfig config;

    private TokenBucket bucket;
    private volatile Instant heldUntil = Instant.MIN;

    @PostConstruct
    void init() {
        int perMinute = Math.max(1, config.queriesPerMinute());
        bucket = new TokenBucket(perMinute / 60.0, perMinute / 6.0);
    }

    /** Until when Reddit told us to wait, if it still holds. */
    public Optional<Instant> heldUntil() {
        Instant until = heldUntil;
        return Instant.now().isBefore(until) ? Optional.of(until) : Optional.empty();
    }

    /** Takes one query from the budget, waiting briefly for it if need be; false: none to take now. */
    public boolean take() {
        if (heldUntil().isPresent()) {
            return false;
        }
        long wait = bucket.tryTake(System.nanoTime());
        if (wait == 0) {
            return true;
        }
        if (wait > MAX_WAIT_MILLIS) {
            return false;
        }
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return bucket.tryTake(System.nanoTime()) == 0;
    }

    /**
     * Reads Reddit's {@code X-Ratelimit-Remaining} and {@code X-Ratelimit-Reset} (seconds) of an answer.
     *
     * @return what is left in the window when it is at or below the floor (polling now waits for the reset)
     */
    public Optional<Integer> observe(PlatformHttp.Reply reply) {
        double remaining = reply.header("X-Ratelimit-Remaining").map(RedditBudget::number).orElse(Double.MAX_VALUE);
        if (reply.status() != 429 && remaining > config.rateLimitFloor()) {
            return Optional.empty();
        }
        double seconds = reply.header("X-Ratelimit-Reset").map(RedditBudget::number).orElse(60.0);
        heldUntil = Instant.now().plusSeconds((long) Math.ceil(Math.min(seconds, 600)));
        return Optional.of(reply.status() == 429 ? 0 : (int) remaining);
    }

    private static double number(String s) {
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            return Double.MAX_VALUE;
        }
    }
}
