package io.earshot.reply.security;

import static io.earshot.reply.security.FromAddress.formLogin;
import static io.earshot.reply.security.FromAddress.from;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.reply.config.AuthConfig;
import io.earshot.reply.metrics.LoginMetrics;
import io.lettuce.core.api.sync.RedisCommands;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The login limits of issue 14: a brute force is answered 429 before any hash, while the real user (session, device
 * cookie, known address) still signs in. Each test has its own account and client addresses, as Redis is shared.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
class LoginLimitsTest {

    @Inject
    LoginMetrics metrics;

    @Inject
    AuthConfig config;

    @Inject
    RedisCommands<String, String> redis;

    @Test
    void aThousandWrongPasswordsInAMinuteAreThrottledWithoutHashingAndTheRealUserStillSignsIn() {
        // the real user signed in from their browser earlier: a session, and a device cookie
        Response earlier = formLogin("127.0.0.20", "dora", "dora-pw", null);
        earlier.then().statusCode(302).header("Location", endsWith("/"));
        String session = earlier.getCookie("quarkus-credential");
        String device = earlier.getCookie(FileIdentityProvider.DEVICE_COOKIE);
        assertNotNull(device, "a form sign-in gives the browser a device cookie");
        assertTrue(earlier.getHeaders().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(FileIdentityProvider.DEVICE_COOKIE + "=")).allMatch(c ->
                        c.toLowerCase().contains("httponly") && c.toLowerCase().contains("samesite=strict")));

        double hashesBefore = metrics.hashChecks();
        Map<Integer, Integer> statuses = new HashMap<>();
        Response last = null;
        Instant start = Instant.now();
        for (int i = 0; i < 1000; i++) {
            last = from("127.0.0.21").auth().preemptive().basic("dora", "guess-" + i).get("/api/me/languages");
            statuses.merge(last.statusCode(), 1, Integer::sum);
        }
        Duration took = Duration.between(start, Instant.now());
        assertTrue(took.compareTo(Duration.ofMinutes(1)) < 0, "1,000 tries took " + took);

        int refused = statuses.getOrDefault(401, 0);
        // five wrong passwords are checked, then a 30 s back-off (the test profile's first), then 60 s: within the
        // minute a slow machine may let one more try through after the first back-off
        assertTrue(refused == 5 || refused == 6, "checked tries: " + statuses);
        assertEquals(1000 - refused, statuses.getOrDefault(429, 0), statuses.toString());
        assertEquals(refused, metrics.hashChecks() - hashesBefore, "a throttled try costs no hash");
        last.then().statusCode(429).contentType("application/problem+json").body("status", equalTo(429))
                .body("detail", containsString("too many failed sign-ins"));
        long retryAfter = Long.parseLong(last.getHeader("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 30, "Retry-After " + retryAfter);

        // even the right password waits from the attacker's client: the throttle is real
        from("127.0.0.21").auth().preemptive().basic("dora", "dora-pw").get("/api/me/languages").then().statusCode(429);
        // the real user's session is untouched
        from("127.0.0.20").cookie("quarkus-credential", session).get("/api/me/languages").then().statusCode(200)
                .body("user", equalTo("dora"));
        // a forged device cookie buys nothing
        formLogin("127.0.0.21", "dora", "dora-pw", "forged").then().statusCode(429);
        // but the real browser signs in again, even from the attacker's address, through its device cookie
        formLogin("127.0.0.21", "dora", "dora-pw", device).then().statusCode(302).header("Location", endsWith("/"));
    }

    @Test
    void manyAddressesAgainstOneAccountHitTheLooserAccountCapButNotTheKnownClients() {
        Response browser = formLogin("127.0.0.30", "erin", "erin-pw", null);
        browser.then().statusCode(302).header("Location", endsWith("/"));
        String device = browser.getCookie(FileIdentityProvider.DEVICE_COOKIE);

        double hashesBefore = metrics.hashChecks();
        for (int i = 0; i < 100; i++) {
            from("127.0.1." + (i + 1)).auth().preemptive().basic("erin", "spray-" + i).get("/api/me/languages")
                    .then().statusCode(401);
        }
        Response capped = from("127.0.2.1").auth().preemptive().basic("erin", "spray-x").get("/api/me/languages");
        capped.then().statusCode(429).header("Retry-After", not(equalTo(null)));
        assertEquals(100.0, metrics.hashChecks() - hashesBefore, "the capped try was not hashed");
        // a new client without a device cookie waits, even with the right password
        from("127.0.2.2").auth().preemptive().basic("erin", "erin-pw").get("/api/me/languages").then().statusCode(429);
        // the address erin signed in from is known to her account, and her browser's device cookie works anywhere
        from("127.0.0.30").auth().preemptive().basic("erin", "erin-pw").get("/api/me/languages").then().statusCode(200);
        formLogin("127.0.2.3", "erin", "erin-pw", device).then().statusCode(302).header("Location", endsWith("/"));
    }

    @Test
    void oneAddressSprayingManyAccountsIsThrottledPerAddress() {
        for (int i = 0; i < 30; i++) {
            from("127.0.0.40").auth().preemptive().basic("nobody-" + i, "pw").get("/api/me/languages").then().statusCode(401);
        }
        Response r = from("127.0.0.40").auth().preemptive().basic("ana", "ana-pw").get("/api/me/languages");
        r.then().statusCode(429).contentType("application/problem+json").header("Retry-After", not(equalTo(null)));
        // ana herself, from her usual address, is not affected
        from("127.0.0.41").auth().preemptive().basic("ana", "ana-pw").get("/api/me/languages").then().statusCode(200);
        String text = from("127.0.0.1").get("/q/metrics").asString();
        assertTrue(text.contains("earshot_reply_login_failures_total{reason=\"unknown_user\"}"), "failures by reason");
        assertTrue(text.contains("earshot_reply_login_throttled_total{scope=\"address\"}"), "throttled by scope");
    }

    @Test
    void theFormShowsAReadableMessageWithRetryAfterAndTheFailuresAreAudited() {
        for (int i = 0; i < 5; i++) {
            formLogin("127.0.0.50", "ben", "secret-guess-" + i, null).then().statusCode(302)
                    .header("Location", containsString("/login?error"));
        }
        Response page = formLogin("127.0.0.50", "ben", "secret-guess-5", null);
        page.then().statusCode(429).contentType(containsString("text/html"))
                .header("Retry-After", not(equalTo(null)))
                .body(containsString("Too many failed sign-ins: try again in"))
                .body(containsString("action=\"/j_security_check\""));

        String audit = from("127.0.0.1").auth().preemptive().basic("admin", "admin-pw")
                .get("/api/admin/logins?limit=1000").then().statusCode(200).extract().asString();
        assertTrue(audit.contains("\"account\":\"ben\",\"address\":\"127.0.0.50\",\"event\":\"failed\""), audit);
        assertTrue(audit.contains("\"account\":\"ben\",\"address\":\"127.0.0.50\",\"event\":\"backoff\""), audit);
        assertTrue(!audit.contains("secret-guess"), "the audit never holds a password");
        from("127.0.0.1").auth().preemptive().basic("ana", "ana-pw").get("/api/admin/logins").then().statusCode(403);
        from("127.0.0.1").auth().preemptive().basic("admin", "admin-pw").get("/api/admin/logins?limit=0").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
    }

    @Test
    void xForwardedForIsTheClientOnlyFromATrustedProxy() {
        // 127.0.0.1 is the trusted proxy (EARSHOT_TRUSTED_PROXIES' default): its header names the client, first entry
        from("127.0.0.1").header("X-Forwarded-For", "10.7.0.1, 10.7.0.99").auth().preemptive()
                .basic("nobody-xff", "pw").get("/api/me/languages").then().statusCode(401);
        // anyone else's header is ignored, so it cannot pick an address to dodge the per-address limits
        from("127.0.0.70").header("X-Forwarded-For", "10.7.0.2").auth().preemptive()
                .basic("nobody-xff", "pw").get("/api/me/languages").then().statusCode(401);
        String audit = from("127.0.0.1").auth().preemptive().basic("admin", "admin-pw")
                .get("/api/admin/logins?limit=1000").then().statusCode(200).extract().asString();
        assertTrue(audit.contains("\"account\":\"nobody-xff\",\"address\":\"10.7.0.1\",\"event\":\"failed\""), audit);
        assertTrue(audit.contains("\"account\":\"nobody-xff\",\"address\":\"127.0.0.70\",\"event\":\"failed\""), audit);
        assertTrue(!audit.contains("10.7.0.2"), audit);
    }

    @Test
    void theBackOffDoublesPerFailureAndStopsAtItsMaximum() {
        AuthConfig.Limits base = config.limits();
        LoginLimiter limiter = new LoginLimiter(redis, new AuthConfig() {
            @Override
            public java.util.Optional<String> usersFile() {
                return config.usersFile();
            }

            @Override
            public int hashIterations() {
                return config.hashIterations();
            }

            @Override
            public int concurrentHashes() {
                return config.concurrentHashes();
            }

            @Override
            public Duration hashWait() {
                return config.hashWait();
            }

            @Override
            public Limits limits() {
                return (Limits) java.lang.reflect.Proxy.newProxyInstance(Limits.class.getClassLoader(),
                        new Class<?>[] {Limits.class}, (proxy, method, args) -> switch (method.getName()) {
                            case "backoffBase" -> Duration.ofSeconds(1);
                            case "backoffMax" -> Duration.ofSeconds(8);
                            default -> method.invoke(base, args);
                        });
            }
        });
        var attempt = new LoginLimiter.Attempt("backoff-probe", "127.0.0.80", null);
        var stranger = new LoginLimiter.Standing(false, false);
        java.util.List<Long> seconds = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            seconds.add(limiter.failed(attempt, stranger).lockedFor().toSeconds());
        }
        // five free failures (the per-account-and-address threshold), then 1, 2, 4, 8 s and never more
        assertEquals(java.util.List.of(0L, 0L, 0L, 0L, 1L, 2L, 4L, 8L, 8L, 8L, 8L, 8L), seconds);
        // a success from this client clears its account-and-address back-off
        limiter.succeeded(attempt, stranger, false);
        limiter.check(attempt);
    }
}
