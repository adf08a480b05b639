package io.earshot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Accounts for every comment of a chaos run. Input: the comments ingest-service acknowledged (ChaosLoad's output).
 * Waits (up to --wait seconds) until each has a queue item ({@code GET /api/queue/{commentId}}: reply-service's
 * item id is the comment id) and a {@code drafted} event on {@code replies}, then counts:
 * <ul>
 * <li>lost: acknowledged, but no queue item at the end;</li>
 * <li>duplicated: more than one distinct {@code drafted} event (by eventId) for one comment on {@code replies}, or
 * the same item twice in the queue listing;</li>
 * <li>published_twice: more than one {@code published} event with different platform reply ids, or the platform stub
 * (WireMock, --stub URL, its request journal) accepting replies to one comment under more than one idempotency key;</li>
 * <li>published_unapproved: a {@code published} event, or a reply the stub accepted, for a comment with no
 * {@code approved} event on {@code replies} and no approval acknowledged to staff (--approved FILE).</li>
 * <li>approvals_lost (printed on its own line): approvals acknowledged to staff whose reply ended neither published
 * nor failed.</li>
 * </ul>
 * Prints the counts and the offending ids; exits 1 when any count is above zero.
 */
public final class ChaosVerify {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] argv) throws Exception {
        Args a = new Args(argv);
        String reply = a.require("reply");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(a.integer("wait", 180));
        Map<String, String> accepted = new HashMap<>();
        for (String line : Files.readAllLines(Path.of(a.require("accepted")))) {
            String[] p = line.split(" ");
            accepted.put(p[0], p[1]);
        }
        Map<String, Set<String>> drafted = new ConcurrentHashMap<>();
        Map<String, Set<String>> published = new ConcurrentHashMap<>();
        Map<String, Set<String>> approved = new ConcurrentHashMap<>();
        Map<String, Integer> types = new ConcurrentHashMap<>();
        Set<String> failed = ConcurrentHashMap.newKeySet();
        Set<String> approvedByStaff = new HashSet<>();
        String approvedFile = a.get("approved", null);
        if (approvedFile != null && Files.exists(Path.of(approvedFile))) {
            approvedByStaff.addAll(Files.readAllLines(Path.of(approvedFile)));
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + System.getenv().getOrDefault("EARSHOT_ADMIN_PASSWORD", ""))
                .getBytes(StandardCharsets.UTF_8));

        Set<String> missing;
        try (Replies replies = new Replies(a.require("bootstrap"), true, e -> {
            if (e.commentId() == null || !accepted.containsKey(e.commentId())) {
                return;
            }
            types.merge(e.type(), 1, Integer::sum);
            String id = e.eventId() == null ? "?" : e.eventId();
            switch (String.valueOf(e.type())) {
                case "drafted" -> drafted.computeIfAbsent(e.commentId(), k -> ConcurrentHashMap.newKeySet()).add(id);
                case "approved" -> approved.computeIfAbsent(e.commentId(), k -> ConcurrentHashMap.newKeySet()).add(id);
                case "failed" -> failed.add(e.commentId());
                case "published" -> published.computeIfAbsent(e.commentId(), k -> ConcurrentHashMap.newKeySet())
                        .add(e.body().path("platformReplyId").asText(id));
                default -> { }
            }
        })) {
            replies.awaitReady();
            missing = new LinkedHashSet<>(accepted.keySet());
            while (true) {
                List<String> still = new ArrayList<>();
                for (String id : missing) {
                    if (!drafted.containsKey(id) || status(http, auth, reply + "/api/queue/" + id) != 200) {
                        still.add(id);
                    }
                }
                missing = new LinkedHashSet<>(still);
                long unsettled = approvedByStaff.stream().filter(id -> !published.containsKey(id) && !failed.contains(id)).count();
                if ((missing.isEmpty() && unsettled == 0) || System.nanoTime() > deadline) {
                    break;
                }
                System.out.printf("chaos verify: %,d of %,d comments not queued yet, %,d approved replies neither published nor failed%n",
                        missing.size(), accepted.size(), unsettled);
                LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(3));
            }
            // Let the watcher read to the end of replies before counting duplicates.
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(2));
        }
        Set<String> lost = new LinkedHashSet<>();
        for (String id : missing) {
            if (status(http, auth, reply + "/api/queue/" + id) != 200) {
                lost.add(id);
            }
        }
        Set<String> duplicated = new LinkedHashSet<>();
        drafted.forEach((id, events) -> {
            if (events.size() > 1) {
                duplicated.add(id);
            }
        });
        duplicated.addAll(listedTwice(http, auth, reply, accepted.keySet()));
        Set<String> publishedTwice = new LinkedHashSet<>();
        Set<String> publishedUnapproved = new LinkedHashSet<>();
        published.forEach((id, replyIds) -> {
            if (replyIds.size() > 1) {
                publishedTwice.add(id);
            }
        });
        String stub = a.get("stub", null);
        int stubRequests = 0;
        int stubAccepted = 0;
        if (stub != null) {
            // What the platform stub accepted (2xx, including answers sent after the caller had timed out): one
            // approval must reach it under one idempotency key, and only for an approved item.
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(stub + "/__admin/requests?limit=1000000"))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            Map<String, Set<String>> keysByComment = new HashMap<>();
            for (JsonNode entry : JSON.readTree(r.body()).path("requests")) {
                JsonNode req = entry.path("request");
                if (!req.path("url").asText().startsWith("/callback")) {
                    continue;
                }
                stubRequests++;
                int status = entry.path("response").path("status").asInt(entry.path("responseDefinition").path("status").asInt());
                JsonNode body = JSON.readTree(req.path("body").asText("{}"));
                if (status / 100 != 2 || !"reply".equals(body.path("action").asText())) {
                    continue;
                }
                stubAccepted++;
                String id = body.path("commentId").asText();
                JsonNode key = req.path("headers").path("Idempotency-Key");
                keysByComment.computeIfAbsent(id, k -> new HashSet<>()).add(key.isArray() ? key.get(0).asText() : key.asText());
                if (!approved.containsKey(id) && !approvedByStaff.contains(id)) {
                    publishedUnapproved.add(id);
                }
            }
            keysByComment.forEach((id, keys) -> {
                if (keys.size() > 1) {
                    publishedTwice.add(id);
                }
            });
            System.out.printf("chaos verify: the platform stub got %,d reply requests, accepted %,d, for %,d comments; %,d approvals by staff%n",
                    stubRequests, stubAccepted, keysByComment.size(), approvedByStaff.size());
        }
        published.keySet().stream().filter(id -> !approved.containsKey(id) && !approvedByStaff.contains(id))
                .forEach(publishedUnapproved::add);
        int drafts = drafted.values().stream().mapToInt(Set::size).sum();
        // An approval acknowledged to staff must end published, or failed (visible, retryable): never stuck.
        Set<String> approvalsLost = new LinkedHashSet<>();
        approvedByStaff.stream().filter(id -> !published.containsKey(id) && !failed.contains(id)).forEach(approvalsLost::add);
        if (!approvedByStaff.isEmpty()) {
            System.out.printf("chaos verify: %,d approved by staff: %,d published, %,d failed (visible and retryable), %,d neither%n",
                    approvedByStaff.size(), approvedByStaff.stream().filter(published::containsKey).count(),
                    approvedByStaff.stream().filter(id -> !published.containsKey(id) && failed.contains(id)).count(),
                    approvedByStaff.stream().filter(id -> !published.containsKey(id) && !failed.contains(id)).count());
        }
        System.out.printf("chaos verify: %,d comments acknowledged by ingest; %,d drafted events (distinct), replies event types %s%n",
                accepted.size(), drafts, types);
        System.out.printf("lost=%d duplicated=%d published_twice=%d published_unapproved=%d%n", lost.size(), duplicated.size(),
                publishedTwice.size(), publishedUnapproved.size());
        print("lost", lost, accepted);
        print("duplicated", duplicated, accepted);
        print("published_twice", publishedTwice, accepted);
        print("published_unapproved", publishedUnapproved, accepted);
        System.out.printf("approvals_lost=%d%n", approvalsLost.size());
        print("approvals_lost", approvalsLost, accepted);
        System.exit(lost.size() + duplicated.size() + publishedTwice.size() + publishedUnapproved.size()
                + approvalsLost.size() > 0 ? 1 : 0);
    }

    private static void print(String what, Set<String> ids, Map<String, String> accepted) {
        ids.stream().limit(50).forEach(id -> System.out.printf("  %s: %s (external id %s)%n", what, id, accepted.get(id)));
        if (ids.size() > 50) {
            System.out.printf("  %s: ... and %d more%n", what, ids.size() - 50);
        }
    }

    private static int status(HttpClient http, String auth, String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return 0;
        }
    }

    /** Pages through the whole queue listing; ids of this run that appear more than once. */
    private static Set<String> listedTwice(HttpClient http, String auth, String reply, Set<String> ours) throws Exception {
        Set<String> seen = new HashSet<>();
        Set<String> twice = new LinkedHashSet<>();
        String cursor = null;
        for (int page = 0; page < 100_000; page++) {
            String url = reply + "/api/queue?limit=100" + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                System.out.println("chaos verify: GET /api/queue answered " + r.statusCode() + "; listing not checked");
                return twice;
            }
            JsonNode body = JSON.readTree(r.body());
            for (JsonNode item : body.path("items")) {
                String id = item.path("id").asText();
                if (ours.contains(id) && !seen.add(id)) {
                    twice.add(id);
                }
            }
            cursor = body.path("nextCursor").asText(null);
            if (cursor == null || cursor.isEmpty() || body.path("items").isEmpty()) {
                break;
            }
        }
        return twice;
    }
}
