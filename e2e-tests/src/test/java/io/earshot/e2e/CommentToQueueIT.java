package io.earshot.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged services, one broker and one Redis, started by {@code ./suite up}: a comment posted to ingest
 * appears in reply's queue with a drafted reply, and posting it again changes nothing.
 */
class CommentToQueueIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String NAME = "e2e-comment-to-queue";
    private static SuiteRuntime suite;
    private static String ingestKey;
    private static String replyAuthorization;

    @BeforeAll
    static void up() {
        suite = new SuiteRuntime(NAME);
        try {
            suite.up();
            ingestKey = ingestApiKey();
            replyAuthorization = replyAuthorization();
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
    }

    @AfterAll
    static void down() {
        if (suite != null) {
            suite.close();
        }
    }

    private static String comment(String externalId, String thread, String text, String displayName) {
        return """
                {"platform":"generic","externalId":"%s","threadId":"%s","author":{"id":"u-%s","handle":"h",
                 "displayName":"%s"},"text":"%s","createdAt":"2026-11-01T10:00:00Z"}"""
                .formatted(externalId, thread, externalId, displayName, text);
    }

    /**
     * ingest's {@code /api} needs the API key that {@code ./suite up} generated into the runtime's state folder
     * ({@code secrets.env}), or the one it was given in the environment.
     */
    private static String ingestApiKey() {
        return localSecret("EARSHOT_INGEST_API_KEY");
    }

    /**
     * reply-service's {@code /api} takes HTTP Basic: the {@code responder} password that {@code ./suite up} generated
     * into {@code secrets.env} with the users file (deploy/local/users/generate), or the one it was given.
     */
    private static String replyAuthorization() {
        String password = localSecret("EARSHOT_RESPONDER_PASSWORD");
        return "Basic " + java.util.Base64.getEncoder().encodeToString(("responder:" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String localSecret(String name) {
        Path root = Path.of(System.getProperty("earshot.repo.root", "..")).toAbsolutePath().normalize();
        Path secrets = root.resolve("e2e-tests/target/" + NAME).resolve("secrets.env");
        try {
            for (String line : Files.readAllLines(secrets)) {
                if (line.startsWith(name + "=")) {
                    return line.substring(name.length() + 1).trim();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + secrets, e);
        }
        String fromEnv = System.getenv(name);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        throw new IllegalStateException("no " + name + " in " + secrets);
    }

    private static HttpResponse<String> post(String url, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + ingestKey).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                        .header("Authorization", replyAuthorization).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Every item of the queue for one platform, through every page. */
    private static List<JsonNode> queue() throws IOException, InterruptedException {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = get(suite.url("reply") + "/api/queue?platform=generic&limit=100" + (cursor == null ? "" : "&cursor=" + cursor));
            page.get("items").forEach(items::add);
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        return items;
    }

    private static long itemsFor(String commentId) throws IOException, InterruptedException {
        return queue().stream().filter(i -> i.get("commentId").asText().equals(commentId)).count();
    }

    @Test
    void aCommentBecomesOneQueueItemWithADraftAndARepostChangesNothing() throws Exception {
        String thread = "thread-" + UUID.randomUUID();
        // a plain complaint: the pipeline is under test here, not the spam model (whose false positives on short
        // English "please help" requests are a known weakness: docs/model-card.md)
        String body = comment("e2e-" + UUID.randomUUID(), thread,
                "My order arrived broken and nobody answers my emails, what can you do?", "Jane");

        HttpResponse<String> first = post(suite.url("ingest") + "/api/comments", body);
        assertEquals(202, first.statusCode(), first.body());
        String id = JSON.readTree(first.body()).get("id").asText();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> itemsFor(id) == 1);
        JsonNode item = get(suite.url("reply") + "/api/queue/" + id);
        assertEquals("pending", item.get("state").asText());
        assertEquals("en", item.get("lang").asText());
        assertTrue(item.get("draft").get("text").asText().contains("Jane"), item.toString());

        HttpResponse<String> again = post(suite.url("ingest") + "/api/comments", body);
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(id, JSON.readTree(again.body()).get("id").asText());

        // a later comment on the same thread travels the same partitions in order: once it is queued,
        // anything the repost could have caused would be visible too
        String later = JSON.readTree(post(suite.url("ingest") + "/api/comments",
                comment("e2e-" + UUID.randomUUID(), thread, "Gracias por todo", "Lucía")).body()).get("id").asText();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> itemsFor(later) == 1);
        assertEquals(1, itemsFor(id), "the repost created no second item");
        assertEquals("es", get(suite.url("reply") + "/api/queue/" + later).get("draft").get("lang").asText());
    }
}
