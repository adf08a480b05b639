package io.earshot.ingest.domain;

/**
 * A per-source rate limit: {@code rate} requests a second on average, bursts up to twice that. A refused caller is
 * told how long to wait.
 */
public final class TokenBucket {

    private final double rate;
    private final double capacity;
    private double tokens;
    private long last;

    public TokenBucket(double ratePerSecond) {
        this(ratePerSecond, ratePerSecond * 2);
    }

    /** A bucket with its own burst size (a per-minute budget wants more than two seconds' worth). */
    public TokenBucket(double ratePerSecond, double burst) {
        this.rate = Math.max(ratePerSecond, 0.001);
        this.capacity = Math.max(1, burst);
        this.tokens = capacity;
        this.last = System.nanoTime();
    }

    /** Takes one token; returns 0 when granted, else the milliseconds until one is available. */
    public synchronized long tryTake(long nowNanos) {
        tokens = Math.min(capacity, tokens + Math.max(0, nowNanos - last) / 1e9 * rate);
        last = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / rate * 1000);
    }
}
