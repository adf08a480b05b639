package io.earshot.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole suite as a user runs it: {@code ./suite up} and {@code ./suite down}, on free ports and in a state folder
 * of its own, so a test never touches a developer's running suite. Whatever it starts is stopped by {@link #close()}
 * and by a shutdown hook, also when a test fails.
 */
public final class SuiteRuntime implements AutoCloseable {

    private final Path root;
    private final Path home;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final Thread hook = new Thread(this::down, "suite-down");

    public SuiteRuntime(String name) {
        this.root = Path.of(System.getProperty("earshot.repo.root", "..")).toAbsolutePath().normalize();
        this.home = root.resolve("e2e-tests/target/" + name);
        env.put("EARSHOT_HOME", home.toString());
        for (String component : new String[] {"INGEST", "TRIAGE", "REPLY", "KAFKA", "KAFKA_CONTROLLER", "REDIS"}) {
            env.put("EARSHOT_" + component + "_PORT", Integer.toString(freePort()));
        }
    }

    public String url(String service) {
        return "http://127.0.0.1:" + env.get("EARSHOT_" + service.toUpperCase() + "_PORT");
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + env.get("EARSHOT_KAFKA_PORT");
    }

    /** Starts everything; throws with the launcher's output when it fails. */
    public SuiteRuntime up() {
        Runtime.getRuntime().addShutdownHook(hook);
        run(Duration.ofMinutes(6), "up");
        return this;
    }

    public String run(Duration timeout, String... args) {
        String[] command = new String[args.length + 1];
        command[0] = root.resolve("suite").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Files.createDirectories(home);
            File out = home.resolve("suite-" + args[0] + ".out").toFile();
            ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                    .redirectErrorStream(true).redirectOutput(out);
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("./suite " + String.join(" ", args) + " timed out:\n" + Files.readString(out.toPath()));
            }
            String output = Files.readString(out.toPath());
            if (process.exitValue() != 0) {
                throw new IllegalStateException("./suite " + String.join(" ", args) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void down() {
        try {
            run(Duration.ofMinutes(2), "down");
        } catch (RuntimeException e) {
            System.err.println("suite down failed: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        down();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ignored) {
            // the JVM is already shutting down
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
