package io.earshot.commons.redis;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where Redis is and how long a command may wait for it. */
@ConfigMapping(prefix = "earshot.redis")
public interface RedisConfig {

    /** Address of Redis: {@code redis://host:port}, {@code rediss://} for TLS; credentials may be in the URI. */
    @WithDefault("redis://localhost:6379")
    String uri();

    /** How long one command may take before it fails, so a stalled Redis turns into an error, not a hang. */
    @WithDefault("2s")
    Duration timeout();

    /**
     * The longest pause between two reconnection attempts after Redis went away (Lettuce's default grows to 30 s), so
     * consumers waiting out an outage resume within seconds of Redis coming back.
     */
    @WithDefault("1s")
    Duration reconnectDelayMax();
}
