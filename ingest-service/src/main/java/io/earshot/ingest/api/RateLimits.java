package io.earshot.ingest.api;

import io.earshot.commons.api.Problem;
import io.earshot.commons.api.ProblemException;
import io.earshot.ingest.config.IngestConfig;
import io.earshot.ingest.domain.TokenBucket;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;

/** Per-source rate limits, so one noisy source (a runaway integrator, a retry storm) cannot starve the others. */
@ApplicationScoped
public class RateLimits {

    @Inject
    IngestConfig config;

    @Inject
    MeterRegistry metrics;

    private Map<String, TokenBucket> buckets;

    @PostConstruct
    void init() {
        IngestConfig.RateLimits limits = config.rateLimit();
        buckets = Map.of("meta", new TokenBucket(limits.meta()), "generic", new TokenBucket(limits.generic()),
                "api", new TokenBucket(limits.api()), "import", new TokenBucket(limits.importing()));
    }

    /** Takes one request from the source's budget, or answers 429 with {@code Retry-After}. */
    public void check(String source) {
        TokenBucket bucket = buckets.get(source);
        long waitMillis = bucket == null ? 0 : bucket.tryTake(System.nanoTime());
        if (waitMillis > 0) {
            metrics.counter("earshot.ingest.rate_limited", "source", source).increment();
            throw new ProblemException(Problem.of(429, "Too Many Requests",
                    "the " + source + " source is over its rate limit; retry after the advised time"),
                    Duration.ofMillis(Math.max(1000, waitMillis)));
        }
    }
}
