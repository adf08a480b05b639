package io.earshot.commons.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Path;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the services' application.properties resolve to in each profile, as SmallRye Config resolves them at start:
 * the prod profile (Kubernetes) authenticates to Kafka and Redis, the local runtime's environment turns Kafka back to
 * plain loopback, tests stay plain, and reply-service refuses to start without the shared dashboard keys.
 */
class ProductionProfileTest {

    static SmallRyeConfig config(String service, String profile, Map<String, String> env) throws Exception {
        Path file = Path.of(System.getProperty("earshot.repo.root", ".."), service, "src/main/resources/application.properties");
        return new SmallRyeConfigBuilder().withProfile(profile)
                .withSources(new PropertiesConfigSource(file.toUri().toURL(), 250), new EnvConfigSource(env, 300))
                .build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "triage-service", "reply-service"})
    void prodSpeaksScramOverTlsAsTheServicesOwnUsers(String service) throws Exception {
        SmallRyeConfig c = config(service, "prod", Map.of("EARSHOT_KAFKA_SASL_JAAS_CONFIG", "jaas-of-" + service,
                "EARSHOT_KAFKA_TRUSTSTORE_PASSWORD", "ca-pw", "EARSHOT_REDIS_PASSWORD", "redis-pw"));
        assertEquals("SASL_SSL", c.getValue("kafka.security.protocol", String.class));
        assertEquals("SCRAM-SHA-512", c.getValue("kafka.sasl.mechanism", String.class));
        assertEquals("jaas-of-" + service, c.getValue("kafka.sasl.jaas.config", String.class));
        assertEquals("PKCS12", c.getValue("kafka.ssl.truststore.type", String.class));
        assertEquals("/etc/earshot/kafka-ca/ca.p12", c.getValue("kafka.ssl.truststore.location", String.class));
        assertEquals("ca-pw", c.getValue("kafka.ssl.truststore.password", String.class));
        assertEquals(service, c.getValue("earshot.redis.username", String.class));
        assertEquals("redis-pw", c.getValue("earshot.redis.password", String.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "triage-service", "reply-service"})
    void theLocalRuntimeAndTestsStayPlainOnLoopback(String service) throws Exception {
        // deploy/local/lib/runtime.sh starts the packaged jar (prod profile) with this environment.
        SmallRyeConfig local = config(service, "prod", Map.of("KAFKA_SECURITY_PROTOCOL", "PLAINTEXT",
                "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9"));
        assertEquals("PLAINTEXT", local.getValue("kafka.security.protocol", String.class));
        assertFalse(local.getOptionalValue("earshot.redis.password", String.class).isPresent());
        SmallRyeConfig test = config(service, "test", Map.of());
        assertFalse(test.getOptionalValue("kafka.security.protocol", String.class).isPresent());
        assertFalse(test.getOptionalValue("kafka.sasl.jaas.config", String.class).isPresent());
    }

    @Test
    void replyServiceNeedsBothDashboardKeysInProd() throws Exception {
        SmallRyeConfig none = config("reply-service", "prod", Map.of());
        var e = assertThrows(NoSuchElementException.class,
                () -> none.getValue("quarkus.http.auth.session.encryption-key", String.class));
        assertTrue(e.getMessage().contains("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY"), e.getMessage());
        var f = assertThrows(NoSuchElementException.class, () -> none.getValue("earshot.dashboard.csrf-key", String.class));
        assertTrue(f.getMessage().contains("EARSHOT_DASHBOARD_CSRF_KEY"), f.getMessage());

        SmallRyeConfig keys = config("reply-service", "prod", Map.of("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY", "s".repeat(32),
                "EARSHOT_DASHBOARD_CSRF_KEY", "Y3NyZg=="));
        assertEquals("s".repeat(32), keys.getValue("quarkus.http.auth.session.encryption-key", String.class));
        assertEquals("Y3NyZg==", keys.getValue("earshot.dashboard.csrf-key", String.class));
        assertEquals("true", keys.getValue("quarkus.http.proxy.proxy-address-forwarding", String.class));
        assertEquals("true", keys.getValue("quarkus.http.proxy.allow-x-forwarded", String.class));
        assertEquals("true", keys.getValue("quarkus.http.proxy.enable-forwarded-host", String.class));
        // Tests keep the random fallback: no key is configured there.
        SmallRyeConfig test = config("reply-service", "test", Map.of());
        assertFalse(test.getOptionalValue("earshot.dashboard.csrf-key", String.class).isPresent());
    }
}
