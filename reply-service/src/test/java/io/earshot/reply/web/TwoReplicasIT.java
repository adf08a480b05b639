package io.earshot.reply.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.reply.support.Triaged;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the packaged reply-service (its prod profile, as in Kubernetes) against one Redis and one broker,
 * with the same session and CSRF keys, reached as through the TLS-terminating Ingress ({@code X-Forwarded-Proto:
 * https}): a user who signs in on one works on the other, and the session cookie is {@code Secure}.
 */
class TwoReplicasIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final Path HOME = Path.of("target", "two-replicas");
    static final List<Process> REPLICAS = new ArrayList<>();
    static String a;
    static String b;

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(HOME);
        String sessionKey = randomKey();
        String csrfKey = randomKey();
        a = launch("a", sessionKey, csrfKey);
        b = launch("b", sessionKey, csrfKey);
        for (String replica : List.of(a, b)) {
            Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> send(HttpRequest.newBuilder(URI.create(replica + "/q/health/ready")).GET(), false).statusCode() == 200);
        }
    }

    @AfterAll
    static void stop() {
        REPLICAS.forEach(Process::destroy);
        for (Process p : REPLICAS) {
            try {
                if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One replica: the packaged jar with the environment a Kubernetes pod gets, Kafka plain as in the local runtime. */
    static String launch(String name, String sessionKey, String csrfKey) throws IOException {
        int port = freePort();
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        assertTrue(Files.exists(jar), "reply-service is not packaged: " + jar.toAbsolutePath());
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx160m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(HOME.resolve(name + ".log").toFile());
        Map<String, String> env = pb.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("KAFKA_BOOTSTRAP_SERVERS", KafkaBrokerResource.bootstrapServers());
        env.put("KAFKA_SECURITY_PROTOCOL", "PLAINTEXT");
        env.put("EARSHOT_REDIS_URI", RedisServerResource.uri());
        env.put("EARSHOT_USERS_FILE", Path.of("src/test/resources/test-users").toAbsolutePath().toString());
        env.put("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY", sessionKey);
        env.put("EARSHOT_DASHBOARD_CSRF_KEY", csrfKey);
        // Approval signing keys, which reply-service requires once approvals are signed (shared by both replicas too).
        env.put("EARSHOT_REPLY_APPROVAL_KEY_ID", "it");
        env.put("EARSHOT_REPLY_APPROVAL_KEYS", "it:two-replicas-it-approval-key-not-a-secret");
        env.put("EARSHOT_REPLY_WORKFLOW_REBUILD_WHEN_EMPTY", "false");
        env.put("EARSHOT_REPLY_CONSUMERS", "1");
        REPLICAS.add(pb.start());
        return "http://127.0.0.1:" + port;
    }

    @Test
    void aUserSignedInOnOneReplicaClaimsEditsAndApprovesThroughTheOther() throws Exception {
        String id = UUID.randomUUID().toString();
        try (Triaged triaged = new Triaged()) {
            triaged.send("generic", id, Triaged.record(id, 1, "created", "generic", "ext-" + id,
                    "My order arrived broken, what now?", "en", "complaint", ""));
        }

        HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(a + "/j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("j_username=" + TestUsers.ANA + "&j_password="
                        + URLEncoder.encode(TestUsers.password(TestUsers.ANA), StandardCharsets.UTF_8))), true);
        assertEquals(302, login.statusCode());
        // Behind the Ingress: the redirect keeps https and the public host, the cookie is Secure.
        assertEquals("https://earshot.example.com/", login.headers().firstValue("Location").orElse(""));
        String setCookie = sessionSetCookie(login);
        assertTrue(setCookie.contains("; Secure") || setCookie.toLowerCase().contains(";secure"), setCookie);
        assertTrue(setCookie.toLowerCase().contains("httponly"), setCookie);
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        // The page (and its CSRF token) from B, on A's session.
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(b + "/")).header("Cookie", cookie).GET(), true);
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("data-user=\"ana\""), "B knows A's session");
        String csrfFromB = csrfOf(page.body());
        String csrfFromA = csrfOf(send(HttpRequest.newBuilder(URI.create(a + "/")).header("Cookie", cookie).GET(), true).body());

        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> api(b, "GET", "/api/queue/" + id, cookie, null, null).statusCode() == 200);

        // A's CSRF token works on B: claim on B.
        HttpResponse<String> claim = api(b, "POST", "/api/queue/" + id + "/claim", cookie, csrfFromA, "{}");
        assertEquals(200, claim.statusCode(), claim.body());
        long version = JSON.readTree(claim.body()).path("version").asLong();

        // Edit on B with B's token, approve on A with B's token: one session, one CSRF key, two replicas.
        String text = "Sorry about that! Please send us your order number and we will replace it.";
        HttpResponse<String> edit = api(b, "PUT", "/api/queue/" + id + "/draft", cookie, csrfFromB,
                JSON.writeValueAsString(Map.of("text", text, "version", version)));
        assertEquals(200, edit.statusCode(), edit.body());
        JsonNode edited = JSON.readTree(edit.body());
        assertEquals(text, edited.path("draft").path("text").asText(), edit.body());
        HttpResponse<String> approve = api(a, "POST", "/api/queue/" + id + "/approve", cookie, csrfFromB,
                JSON.writeValueAsString(Map.of("version", edited.path("version").asLong())));
        assertEquals(200, approve.statusCode(), approve.body());
        JsonNode approved = JSON.readTree(approve.body());
        assertTrue(List.of("approved", "publishing", "failed", "published").contains(approved.path("state").asText()), approve.body());
        assertEquals("ana", approved.path("approval").path("by").asText(), approve.body());

        // The other replica sees the approval: one queue in one Redis.
        JsonNode seenByB = JSON.readTree(api(b, "GET", "/api/queue/" + id, cookie, null, null).body());
        assertEquals("ana", seenByB.path("approval").path("by").asText());
        assertEquals(text, seenByB.path("approval").path("text").asText());
    }

    @Test
    void withoutTheProxysHttpsTheCookieIsNotSecureAndForeignTokensAreRefused() throws Exception {
        HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(b + "/j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("j_username=" + TestUsers.BEN + "&j_password="
                        + TestUsers.password(TestUsers.BEN))), false);
        assertEquals(302, login.statusCode());
        String setCookie = sessionSetCookie(login);
        assertFalse(setCookie.toLowerCase().contains("secure"), setCookie);
        assertTrue(login.headers().firstValue("Location").orElse("").startsWith("http://"), login.headers().toString());
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        // A session cookie that no replica's key made is no session.
        HttpResponse<String> forged = api(a, "GET", "/api/queue", "quarkus-credential=" + randomKey(), null, null);
        assertEquals(401, forged.statusCode());
        // A CSRF token signed with another key is refused on both replicas.
        String foreign = (System.currentTimeMillis() / 1000 + 3600) + ".bm9uY2U." + randomKey().replace("=", "");
        HttpResponse<String> claim = api(a, "POST", "/api/queue/any/claim", cookie, foreign, "{}");
        assertEquals(403, claim.statusCode(), claim.body());
    }

    static String sessionSetCookie(HttpResponse<String> r) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("quarkus-credential="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + r.headers()));
    }

    static HttpResponse<String> api(String base, String method, String path, String cookie, String csrf, String body) {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie)
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            req.header("Content-Type", "application/json");
        }
        if (csrf != null) {
            req.header(CsrfFilter.HEADER, csrf);
        }
        return send(req, true);
    }

    /** Sends as the Ingress forwards: X-Forwarded-Proto https and the public host, when {@code proxied}. */
    static HttpResponse<String> send(HttpRequest.Builder req, boolean proxied) {
        if (proxied) {
            req.header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "earshot.example.com")
                    .header("Origin", "https://earshot.example.com");
        }
        try {
            return HTTP.send(req.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String csrfOf(String html) {
        Matcher m = Pattern.compile("data-csrf=\"([^\"]+)\"").matcher(html);
        assertTrue(m.find(), "page carries a CSRF token");
        return m.group(1);
    }

    static String randomKey() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return Base64.getEncoder().encodeToString(k);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
