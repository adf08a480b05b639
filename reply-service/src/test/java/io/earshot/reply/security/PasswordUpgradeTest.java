package io.earshot.reply.security;

import static io.earshot.reply.security.FromAddress.from;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.reply.config.AuthConfig;
import io.earshot.reply.metrics.LoginMetrics;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.lettuce.core.api.sync.RedisCommands;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.config.WithDefault;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Password hashing of issue 14: 600,000 PBKDF2 iterations by default, and a stored hash with fewer upgraded on the next
 * successful sign-in, into Redis (the users file is read-only), bound to the file's line.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
class PasswordUpgradeTest {

    @Inject
    AuthConfig config;

    @Inject
    HashOverrides overrides;

    @Inject
    LoginMetrics metrics;

    @Inject
    LoginAudit audit;

    @Inject
    UserStore users;

    @Inject
    RedisCommands<String, String> redis;

    @Test
    void productionHashesHaveOwaspsSixHundredThousandIterations() throws Exception {
        assertEquals("600000", AuthConfig.class.getMethod("hashIterations").getAnnotation(WithDefault.class).value());
        assertEquals(600_000, PasswordHash.ITERATIONS);
        String hash = PasswordHash.hash("pw".toCharArray(), PasswordHash.ITERATIONS);
        assertEquals(600_000, PasswordHash.iterations(hash));
        assertTrue(PasswordHash.verify("pw".toCharArray(), hash));
        assertFalse(PasswordHash.verify("pw".toCharArray(), "pbkdf2-sha256:x:y:z"), "a malformed hash is no match");
    }

    @Test
    void aHundredAndTwentyThousandIterationHashIsUpgradedOnTheNextSuccessfulSignIn() {
        // the service as production runs it: 600,000 iterations
        AuthConfig production = withIterations(config, PasswordHash.ITERATIONS);
        UserStore store = new UserStore(production, new HashSlots(production, metrics), overrides, metrics, audit);
        assertEquals(120_000, PasswordHash.iterations(store.find("legacy").orElseThrow().hash()));
        double rehashed = metrics.rehashedCount();

        assertTrue(store.verify("legacy", "legacy-pw".toCharArray()).isPresent());

        String stored = redis.get(HashOverrides.key("legacy"));
        assertTrue(stored.startsWith("pbkdf2-sha256:600000:"), stored);
        String upgraded = overrides.find(store.find("legacy").orElseThrow()).orElseThrow();
        assertTrue(PasswordHash.verify("legacy-pw".toCharArray(), upgraded));
        assertEquals(rehashed + 1, metrics.rehashedCount());
        // the file still has the old line; the service signs in against the upgrade, and a wrong password still fails
        assertEquals(120_000, PasswordHash.iterations(users.find("legacy").orElseThrow().hash()));
        from("127.0.0.60").auth().preemptive().basic("legacy", "legacy-pw").get("/api/me/languages").then().statusCode(200);
        from("127.0.0.60").auth().preemptive().basic("legacy", "nope").get("/api/me/languages").then().statusCode(401);
        // a second sign-in does not hash again
        assertTrue(store.verify("legacy", "legacy-pw".toCharArray()).isPresent());
        assertEquals(rehashed + 1, metrics.rehashedCount());
    }

    @Test
    void aLowerStoredCountIsUpgradedOverHttpAndAudited() {
        assertEquals(1_000, PasswordHash.iterations(users.find("old").orElseThrow().hash()));
        from("127.0.0.61").auth().preemptive().basic("old", "old-pw").get("/api/me/languages").then().statusCode(200);
        String stored = redis.get(HashOverrides.key("old"));
        assertTrue(stored.startsWith("pbkdf2-sha256:10000:"), stored);
        assertTrue(audit.recent(1000).stream().anyMatch(e -> e.account().equals("old") && e.event().equals("rehashed")
                && e.detail().equals("1000 -> 10000 iterations")));
    }

    @Test
    void aNewLineInTheFileWinsAndAPlantedHashDoesNotSignIn() {
        UserStore.User admin = users.find("admin").orElseThrow();
        try {
            String planted = PasswordHash.hash("planted".toCharArray(), 10_000);
            redis.set(HashOverrides.key("admin"), planted + "|bm90LWEtbWFj");
            from("127.0.0.62").auth().preemptive().basic("admin", "planted").get("/api/me/languages").then().statusCode(401);
            from("127.0.0.62").auth().preemptive().basic("admin", "admin-pw").get("/api/me/languages").then().statusCode(200);

            overrides.put(admin, planted);
            assertEquals(Optional.of(planted), overrides.find(admin));
            var renewed = new UserStore.User("admin", Set.of("admin"), PasswordHash.hash("new-pw".toCharArray(), 1_000));
            assertEquals(Optional.empty(), overrides.find(renewed), "an upgrade of the old line no longer applies");
        } finally {
            redis.del(HashOverrides.key("admin"));
        }
    }

    static AuthConfig withIterations(AuthConfig base, int iterations) {
        return new AuthConfig() {
            @Override
            public Optional<String> usersFile() {
                return base.usersFile();
            }

            @Override
            public int hashIterations() {
                return iterations;
            }

            @Override
            public int concurrentHashes() {
                return base.concurrentHashes();
            }

            @Override
            public Duration hashWait() {
                return base.hashWait();
            }

            @Override
            public Limits limits() {
                return base.limits();
            }
        };
    }
}
