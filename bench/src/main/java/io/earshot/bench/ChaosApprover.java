package io.earshot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The staff side of a chaos run: as a supervisor, claims and approves (lint override on, so every draft can go) one
 * comment in --every of those ingest acknowledged, retrying through restarts, until all are approved or the time is
 * up. Writes the comment ids whose approval reply-service acknowledged (2xx) to --out: the only replies the platform
 * stub may ever receive.
 */
public final class ChaosApprover {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] argv) throws Exception {
        Args a = new Args(argv);
        String reply = a.require("reply");
        Path acceptedFile = Path.of(a.require("accepted"));
        Path out = Path.of(a.require("out"));
        Path stop = Path.of(a.require("stop-when"));
        int every = a.integer("every", 2);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(a.integer("deadline", 900));
        String auth = "Basic " + Base64.getEncoder().encodeToString(("supervisor:" + System.getenv().getOrDefault(
                "EARSHOT_SUPERVISOR_PASSWORD", "")).getBytes(StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Set<String> approved = new LinkedHashSet<>();
        long attempts = 0;
        long failures = 0;
        while (System.nanoTime() < deadline) {
            // ChaosLoad writes the acknowledged comments as it goes; approve a share of them in order.
            List<String> targets = new ArrayList<>();
            if (Files.exists(acceptedFile)) {
                List<String> lines = Files.readAllLines(acceptedFile);
                for (int i = 0; i < lines.size(); i++) {
                    if (i % every == 0) {
                        targets.add(lines.get(i).split(" ")[0]);
                    }
                }
            }
            boolean allDone = Files.exists(stop) && approved.containsAll(targets);
            if (allDone) {
                break;
            }
            for (String id : targets) {
                if (approved.contains(id)) {
                    continue;
                }
                attempts++;
                int claim = post(http, auth, reply + "/api/queue/" + id + "/claim?takeover=true", "");
                if (claim / 100 != 2 && claim != 409) {
                    failures++;
                    continue; // not queued yet, or reply-service is away
                }
                writeReplyIfEmpty(http, auth, reply + "/api/queue/" + id);
                int approve = post(http, auth, reply + "/api/queue/" + id + "/approve", "{\"override\":true}");
                if (approve / 100 != 2 && approve != 0 && isApproved(http, auth, reply + "/api/queue/" + id)) {
                    approve = 200; // an earlier approval went through but its answer was lost in a restart
                }
                if (approve / 100 == 2) {
                    approved.add(id);
                    Files.writeString(out, id + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                            java.nio.file.StandardOpenOption.APPEND);
                } else {
                    failures++;
                }
            }
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
        }
        System.out.printf("chaos approver: %,d approvals acknowledged, %,d attempts, %,d refused or failed (retried)%n",
                approved.size(), attempts, failures);
        System.exit(0);
    }

    /**
     * As a responder would: a comment that got no draft (spam or abuse gets a hide suggestion, not a reply) is
     * answered by writing one, since an empty reply cannot be approved.
     */
    private static void writeReplyIfEmpty(HttpClient http, String auth, String itemUrl) {
        try {
            String body = http.send(HttpRequest.newBuilder(URI.create(itemUrl)).header("Authorization", auth)
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            JsonNode item = JSON.readTree(body);
            if (!item.path("draft").path("text").asText("").isBlank() || !item.has("version")) {
                return;
            }
            String draft = JSON.writeValueAsString(java.util.Map.of(
                    "text", "Thank you for your comment; we are looking into it.", "version", item.get("version").asLong()));
            http.send(HttpRequest.newBuilder(URI.create(itemUrl + "/draft")).header("Authorization", auth)
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                    .PUT(HttpRequest.BodyPublishers.ofString(draft)).build(), HttpResponse.BodyHandlers.discarding());
        } catch (Exception e) {
            // reply-service away or the item changed: the approval below fails and the next round tries again
        }
    }

    private static boolean isApproved(HttpClient http, String auth, String url) {
        try {
            String body = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            return body.matches("(?s).*\"state\"\\s*:\\s*\"(approved|publishing|published|failed)\".*");
        } catch (Exception e) {
            return false;
        }
    }

    private static int post(HttpClient http, String auth, String url, String json) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return 0;
        }
    }
}
