package io.earshot.commons.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SslOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.File;

/**
 * The one Lettuce client and connection of a service.
 *
 * <p>A Lettuce connection is thread-safe and pipelines commands, so one is shared by the whole service. It is
 * application-scoped, so it is opened on first use (a service starts even while Redis is still coming up) and Lettuce
 * reconnects it by itself afterwards, authenticating again as the service's ACL user.
 */
@ApplicationScoped
public class RedisProducer {

    @Produces
    @Singleton
    RedisClient redisClient(RedisConfig config) {
        Duration maxDelay = config.reconnectDelayMax();
        ClientResources resources = ClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(Math.min(100, maxDelay.toMillis())), maxDelay, 2,
                        TimeUnit.MILLISECONDS))
                .build();
        RedisClient client = RedisClient.create(resources, uri(config));
        ClientOptions.Builder options = ClientOptions.builder()
                .autoReconnect(true)
                .timeoutOptions(TimeoutOptions.enabled(config.timeout()))
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
        config.caFile().filter(f -> !f.isBlank())
                .ifPresent(ca -> options.sslOptions(SslOptions.builder().trustManager(new File(ca)).build()));
        client.setOptions(options.build());
        return client;
    }

    /** The URI with this service's credentials and TLS choice; never logged, as it carries the password. */
    static RedisURI uri(RedisConfig config) {
        RedisURI uri = RedisURI.create(config.uri());
        uri.setTimeout(config.timeout());
        config.password().filter(p -> !p.isEmpty()).ifPresent(p -> {
            uri.setUsername(config.username());
            uri.setPassword(p.toCharArray());
        });
        if (config.tls()) {
            uri.setSsl(true);
        }
        return uri;
    }

    @Produces
    @ApplicationScoped
    StatefulRedisConnection<String, String> connection(RedisClient client) {
        return client.connect();
    }

    @Produces
    @ApplicationScoped
    RedisCommands<String, String> commands(StatefulRedisConnection<String, String> connection) {
        return connection.sync();
    }

    void close(@Disposes StatefulRedisConnection<String, String> connection) {
        connection.close();
    }

    void shutdown(@Disposes RedisClient client) {
        client.shutdown();
        client.getResources().shutdown(); // resources passed in are not shut down with the client
    }
}
