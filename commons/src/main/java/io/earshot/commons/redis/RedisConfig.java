package io.earshot.commons.redis;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Where Redis is, who this service is to it, and how long a command may wait for it. */
@ConfigMapping(prefix = "earshot.redis")
public interface RedisConfig {

    /** Address of Redis: {@code redis://host:port}, {@code rediss://} for TLS. */
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

    /** The ACL user this service authenticates as (its own, limited to its keys); used only with a password. */
    @WithDefault("default")
    String username();

    /** That user's password (in production from a Secret); absent means no AUTH, as for the local Redis on loopback. */
    Optional<String> password();

    /** Whether to speak TLS to Redis even when the URI says {@code redis://} (a managed Redis with TLS). */
    @WithDefault("false")
    boolean tls();

    /** PEM file of the CA that signed Redis' certificate, when it is not one the JVM trusts already. */
    Optional<String> caFile();
}
