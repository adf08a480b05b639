package io.earshot.commons.retry;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How a consumer waits out a transient fault (Redis or Kafka unreachable) instead of dead-lettering the record. */
@ConfigMapping(prefix = "earshot.retry")
public interface RetryConfig {

    /** The wait after the first failed attempt; it doubles with every further attempt, up to {@link #maxBackoff()}. */
    @WithDefault("200ms")
    Duration initialBackoff();

    /** The longest wait between two attempts: how late, at worst, a waiting consumer notices that the store is back. */
    @WithDefault("5s")
    Duration maxBackoff();
}
