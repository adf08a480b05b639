package io.earshot.commons.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.embedded.RedisServer;

/**
 * The production Redis ACL on a real redis-server: the users file is made by the very script of the Redis
 * StatefulSet's init container (deploy/k8s/components/redis/redis.yaml) from the template and passwords, and each
 * service, connecting through {@link RedisProducer} with its username and password, can use every key prefix its
 * code uses and none of another service's; a client without a service's password can do nothing.
 */
class RedisAclTest {

    /** Key prefixes each service's code uses (the k8s validator's rule redis-acl derives the same from the sources). */
    static final Map<String, List<String>> PREFIXES = Map.of(
            "ingest-service", List.of("earshot:ingest:seen:", "earshot:ingest:versions:", "earshot:ingest:cursor:",
                    "earshot:ingest:quota:", "earshot:oauth:"),
            "triage-service", List.of("earshot:triage:repeat:"),
            "reply-service", List.of("earshot:reply:", "earshot:reply-lock:rebuild", "earshot:oauth:"));

    static final Map<String, String> PASSWORDS = Map.of("ingest-service", "ingest-pw-1", "triage-service", "triage-pw-2",
            "reply-service", "reply-pw-3");

    static RedisServer server;
    static int port;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        Path repo = Path.of(System.getProperty("earshot.repo.root", ".."));
        Path k8s = repo.resolve("deploy/k8s/components/redis");
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Path passwords = Files.createDirectories(dir.resolve("passwords"));
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.copy(k8s.resolve("users.acl.template"), etc.resolve("users.acl.template"));
        // A Secret's value as kubectl writes it from a file may end in a newline: the script must not hash it.
        for (var e : PASSWORDS.entrySet()) {
            Files.writeString(passwords.resolve(e.getKey()), e.getValue() + "\n");
        }
        String script = initScript(Files.readString(k8s.resolve("redis.yaml")))
                .replace("/etc/redis/", etc + "/").replace("/etc/redis-passwords/", passwords + "/")
                .replace("/run/redis-acl/", run + "/");
        Process sh = new ProcessBuilder("sh", "-ec", script).redirectErrorStream(true).start();
        assertTrue(sh.waitFor(20, TimeUnit.SECONDS), "the init script did not finish");
        String out = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, sh.exitValue(), out);
        String acl = Files.readString(run.resolve("users.acl"));
        assertTrue(!acl.contains("{{") && !acl.contains("reply-pw-3"), acl);

        port = freePort();
        server = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"")
                .setting("appendonly no").setting("protected-mode yes")
                .setting("aclfile " + run.resolve("users.acl")).onShutdownForceStop(true).build();
        server.start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.stop();
        }
    }

    /** The shell script of the init container named acl: the block scalar after {@code - |} up to its resources. */
    static String initScript(String yaml) {
        Matcher m = Pattern.compile("- name: acl\\n.*?- \\|\\n(.*?)\\n\\s+resources:", Pattern.DOTALL).matcher(yaml);
        assertTrue(m.find(), "no init container acl with a script in redis.yaml");
        return m.group(1).lines().map(String::strip).reduce("", (a, b) -> a + b + "\n");
    }

    @Test
    void eachServiceUsesItsOwnKeysAndNoOtherServicesKeys() {
        for (String service : PREFIXES.keySet()) {
            try (var c = connect(service, PASSWORDS.get(service))) {
                RedisCommands<String, String> redis = c.connection.sync();
                assertEquals("PONG", redis.ping());
                for (String prefix : PREFIXES.get(service)) {
                    String key = prefix + "acl-test";
                    assertEquals("OK", redis.set(key, "1"), service + " " + key);
                    assertEquals("1", redis.get(key));
                    // The services' Lua scripts touch their keys too: scripting is allowed, on their keys only.
                    assertEquals(1L, (Long) redis.eval("return redis.call('exists', KEYS[1])", ScriptOutputType.INTEGER, key));
                    redis.del(key);
                }
                for (var other : PREFIXES.entrySet()) {
                    for (String prefix : other.getValue()) {
                        if (PREFIXES.get(service).contains(prefix)) {
                            continue;
                        }
                        String key = prefix + "acl-test";
                        var e = assertThrows(RedisCommandExecutionException.class, () -> redis.get(key), service + " read " + key);
                        assertTrue(e.getMessage().startsWith("NOPERM"), e.getMessage());
                        assertThrows(RedisCommandExecutionException.class, () -> redis.set(key, "x"), service + " wrote " + key);
                    }
                }
                var dangerous = assertThrows(RedisCommandExecutionException.class, redis::flushall);
                assertTrue(dangerous.getMessage().startsWith("NOPERM"), dangerous.getMessage());
            }
        }
    }

    @Test
    void withoutAServicesPasswordNothingIsReadableOrWritable() {
        // No password: not even the connection handshake is allowed (the default user is off).
        var anonymous = assertThrows(RedisConnectionException.class, () -> connect("reply-service", null).close());
        assertTrue(String.valueOf(anonymous.getCause()).contains("NOAUTH"), String.valueOf(anonymous.getCause()));
        var wrong = assertThrows(RedisConnectionException.class, () -> connect("reply-service", "wrong").close());
        assertTrue(String.valueOf(wrong.getCause()).contains("WRONGPASS"), String.valueOf(wrong.getCause()));
        // Another service's password does not open this service's user.
        assertThrows(RedisConnectionException.class, () -> connect("reply-service", PASSWORDS.get("ingest-service")).close());
        // The probes' user answers PING and nothing else.
        try (var c = connect("healthcheck", "anything")) {
            RedisCommands<String, String> redis = c.connection.sync();
            assertEquals("PONG", redis.ping());
            assertThrows(RedisCommandExecutionException.class, () -> redis.get("earshot:reply:queue"));
        }
    }

    record Client(RedisClient client, StatefulRedisConnection<String, String> connection) implements AutoCloseable {
        @Override
        public void close() {
            connection.close();
            client.shutdown();
        }
    }

    static Client connect(String username, String password) {
        RedisConfig config = new RedisConfig() {
            public String uri() {
                return "redis://127.0.0.1:" + port;
            }

            public Duration timeout() {
                return Duration.ofSeconds(2);
            }

            public Duration reconnectDelayMax() {
                return Duration.ofSeconds(1);
            }

            public String username() {
                return username;
            }

            public Optional<String> password() {
                return Optional.ofNullable(password);
            }

            public boolean tls() {
                return false;
            }

            public Optional<String> caFile() {
                return Optional.empty();
            }
        };
        RedisClient client = new RedisProducer().redisClient(config);
        try {
            return new Client(client, client.connect());
        } catch (RuntimeException e) {
            client.shutdown();
            throw e;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
