package io.earshot.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import redis.embedded.RedisServer;

/**
 * A real redis-server child process for tests, shared by every test class of a module.
 *
 * <p>Uses the machine's {@code redis-server} when it is on the PATH, else the real binary that the
 * {@code embedded-redis} artifact ships, so a fresh machine with only a JDK and Maven can run the tests.
 */
public class RedisServerResource implements QuarkusTestResourceLifecycleManager {

    private static RedisServer server;
    private static int port;
    private static Path dataDir;

    /** The URI of the shared server ({@code redis://127.0.0.1:PORT}), starting it on first use. */
    public static synchronized String uri() {
        if (server == null) {
            port = freePort();
            server = startServer(port);
        }
        return "redis://127.0.0.1:" + port;
    }

    /**
     * Stops the shared server, as an outage would, for tests of what services do meanwhile. It saves its data first
     * ({@code SHUTDOWN SAVE}), so {@link #restart()} brings back the same data on the same port.
     */
    public static synchronized void shutdown() {
        uri();
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream().write("*2\r\n$8\r\nSHUTDOWN\r\n$4\r\nSAVE\r\n".getBytes(
                    java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            if (socket.getInputStream().read() != -1) { // it closes the connection once its data is saved
                throw new IllegalStateException("redis-server refused SHUTDOWN SAVE");
            }
            server.stop(); // reaps the exited process
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop redis-server", e);
        }
    }

    /** Starts the shared server again after {@link #shutdown()}, on the same port, with the data it saved. */
    public static synchronized void restart() {
        server = startServer(port);
    }

    private static RedisServer startServer(int port) {
        try {
            if (dataDir == null) {
                dataDir = Files.createTempDirectory("earshot-redis-test");
            }
            var builder = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .setting("dir " + dataDir)
                    .onShutdownForceStop(true);
            systemRedis().ifPresent(binary -> builder.executableProvider(() -> binary));
            RedisServer redis = builder.build();
            redis.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    redis.stop();
                    Files.deleteIfExists(dataDir.resolve("dump.rdb"));
                    Files.deleteIfExists(dataDir);
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }, "redis-test-server-stop"));
            return redis;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start redis-server", e);
        }
    }

    private static java.util.Optional<File> systemRedis() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "redis-server");
            if (Files.isExecutable(candidate)) {
                return java.util.Optional.of(candidate.toFile());
            }
        }
        return java.util.Optional.empty();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> start() {
        return Map.of("earshot.redis.uri", uri());
    }

    @Override
    public void stop() {
        // shared across test classes; stopped by the shutdown hook
    }
}
