package io.earshot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Reads of a full queue. Seeds N queue items by writing N {@code comments.triaged} events (the schema's shape) straight
 * to Kafka, so only reply-service works while seeding; waits until {@code replies} announced them all; then sends
 * {@code GET /api/queue} pages (first pages, next pages by cursor, filtered pages, search pages) and item reads
 * ({@code GET /api/queue/{id}}) at a fixed rate (open model: latency from the scheduled time) and prints p50/p99 per kind.
 */
public final class QueueBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] LABELS = {"complaint", "praise", "neutral"};
    private static final String[] PLATFORMS = {"facebook", "instagram", "youtube", "mastodon", "x", "generic"};
    private static final String[] LANGS = {"en", "es", "fr", "de", "it", "pt", "ru"};

    public static void main(String[] argv) throws Exception {
        Args a = new Args(argv);
        int n = a.integer("items", 100_000);
        String bootstrap = a.require("bootstrap");
        String reply = a.require("reply");
        int rate = a.integer("rate", 200);
        int seconds = a.integer("duration", 60);
        String run = "q-" + UUID.randomUUID().toString().substring(0, 8);

        long before = sum(Replies.ends(bootstrap));
        long t0 = System.nanoTime();
        seed(bootstrap, run, n);
        long produced = System.nanoTime();
        System.out.printf("queue bench: wrote %,d comments.triaged events in %.1f s; waiting for reply-service to queue them%n",
                n, (produced - t0) / 1e9);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(a.integer("seed-minutes", 20));
        long queued = 0;
        while (System.nanoTime() < deadline && (queued = sum(Replies.ends(bootstrap)) - before) < n) {
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(2));
        }
        double seedSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("queue bench: %,d items queued and announced after %.1f s (%.0f items/s including the writes)%n",
                queued, seedSeconds, queued / seedSeconds);
        if (queued < n) {
            System.out.println("queue bench: reply-service did not queue every item in time; measuring anyway");
        }

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2))
                .executor(Executors.newFixedThreadPool(4, r -> {
                    Thread t = new Thread(r, "queue-client");
                    t.setDaemon(true);
                    return t;
                })).build();
        String auth = "Basic " + Base64.getEncoder().encodeToString(("responder:" + System.getenv().getOrDefault(
                "EARSHOT_RESPONDER_PASSWORD", "")).getBytes(StandardCharsets.UTF_8));
        Map<String, Histogram> kinds = new LinkedHashMap<>();
        for (String k : List.of("first page", "next page (cursor)", "filtered page", "search page", "item read", "all")) {
            kinds.put(k, new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(1), 3));
        }
        ConcurrentLinkedQueue<String> cursors = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        int warmup = a.integer("warmup", 10);
        for (int phase = 0; phase < 2; phase++) {
            boolean measure = phase == 1;
            int secs = measure ? seconds : warmup;
            kinds.values().forEach(Histogram::reset);
            errors.set(0);
            long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
            double interval = 1e9 / rate;
            long total = (long) rate * secs;
            List<java.util.concurrent.CompletableFuture<?>> pending = new ArrayList<>();
            for (long i = 0; i < total; i++) {
                long at = start + (long) (i * interval);
                long wait;
                while ((wait = at - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                int pick = (int) (i % 10);
                String kind;
                String url;
                String cursor = pick < 3 ? cursors.poll() : null;
                if (pick < 3 && cursor != null) {
                    kind = "next page (cursor)";
                    url = reply + "/api/queue?limit=20&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
                } else if (pick < 4) {
                    kind = "first page";
                    url = reply + "/api/queue?limit=20";
                } else if (pick < 5) {
                    kind = "filtered page";
                    url = reply + "/api/queue?limit=20&label=" + LABELS[(int) (i % 3)] + "&platform=" + PLATFORMS[(int) (i % 6)];
                } else if (pick < 6) {
                    // a word every seeded comment has: the search's worst case, its index as long as the queue
                    kind = "search page";
                    url = reply + "/api/queue?limit=20&q=" + URLEncoder.encode(i % 2 == 0 ? "broken " : "order broken ",
                            StandardCharsets.UTF_8);
                } else {
                    kind = "item read";
                    long seq = ThreadLocalRandom.current().nextLong(n);
                    url = reply + "/api/queue/" + Comments.commentId(PLATFORMS[(int) (seq % PLATFORMS.length)], run + "-" + seq);
                }
                final String k = kind;
                // Only pages that are walked need their body (the cursor); the rest is read and dropped.
                boolean walk = k.contains("page") && !k.startsWith("filtered");
                pending.add(http.sendAsync(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
                        .timeout(Duration.ofSeconds(10)).GET().build(), walk ? HttpResponse.BodyHandlers.ofString()
                                : HttpResponse.BodyHandlers.replacing(""))
                        .whenComplete((r, e) -> {
                            long micros = (System.nanoTime() - at) / 1000;
                            if (e != null || r.statusCode() != 200) {
                                if (errors.incrementAndGet() <= 3) {
                                    System.err.println(k + ": " + (e != null ? e.getMessage() : r.statusCode() + " " + r.body()));
                                }
                                if (e != null) {
                                    // a timeout counts with the time it took, so the percentiles are not flattered
                                    kinds.get(k).recordValue(micros);
                                    kinds.get("all").recordValue(micros);
                                }
                                return;
                            }
                            kinds.get(k).recordValue(micros);
                            kinds.get("all").recordValue(micros);
                            if (k.contains("page") && !k.startsWith("filtered") && cursors.size() < 50) {
                                try {
                                    JsonNode next = JSON.readTree(r.body()).path("nextCursor");
                                    if (next.isTextual() && !next.asText().isEmpty()) {
                                        cursors.add(next.asText());
                                    }
                                } catch (Exception ignored) {
                                    // a page without a cursor ends a walk
                                }
                            }
                        }).exceptionally(e -> null));
            }
            pending.forEach(java.util.concurrent.CompletableFuture::join);
            if (measure) {
                System.out.printf("queue bench: %d req/s for %d s over %,d items (open model), %d errors (timeouts at 10 s count in the percentiles)%n", rate, seconds, queued, errors.get());
                System.out.println("| request | count | p50 (ms) | p99 (ms) | p99.9 (ms) | max (ms) |");
                System.out.println("|---|---:|---:|---:|---:|---:|");
                kinds.forEach((k, h) -> System.out.printf(Locale.ROOT, "| %s | %,d | %.2f | %.2f | %.2f | %.2f |%n", k,
                        h.getTotalCount(), h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
                        h.getValueAtPercentile(99.9) / 1000.0, h.getMaxValue() / 1000.0));
            }
        }
        System.exit(0);
    }

    private static long sum(Map<?, Long> ends) {
        return ends.values().stream().mapToLong(Long::longValue).sum();
    }

    /** N comments.triaged events: unique comments, five per thread, spread over labels, platforms and languages. */
    private static void seed(String bootstrap, String run, int n) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "131072");
        Instant now = Instant.now();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (int i = 0; i < n; i++) {
                String platform = PLATFORMS[i % PLATFORMS.length];
                String ext = run + "-" + i;
                String thread = run + "-t" + (i / 5);
                String label = LABELS[(i / 7) % 3];
                String lang = LANGS[i % LANGS.length];
                ObjectNode c = JSON.createObjectNode();
                c.put("eventId", UUID.nameUUIDFromBytes(("ingested|" + platform + "|" + ext + "|1").getBytes(StandardCharsets.UTF_8)).toString());
                c.put("commentId", Comments.commentId(platform, ext));
                c.put("version", 1);
                c.put("action", "created");
                c.put("platform", platform);
                c.put("account", "brand");
                c.put("externalId", ext);
                c.put("threadId", thread);
                c.putNull("parentId");
                c.putObject("author").put("id", "u" + (i % 5000)).put("handle", "user" + (i % 5000))
                        .put("displayName", "User " + (i % 5000)).put("followers", i % 1000);
                c.put("text", "Comment " + i + ": my order arrived broken, what can you do about it?");
                c.put("lang", lang);
                // written within the last n milliseconds: comments a day old would pass their reply deadlines while
                // the bench runs, and the sla_breached events would count on replies as if more items were queued
                c.put("createdAt", now.minusMillis(n - i).toString());
                c.put("receivedAt", now.toString());
                c.put("permalink", "https://example.com/" + thread + "/" + ext);
                ObjectNode e = JSON.createObjectNode();
                e.put("eventId", UUID.nameUUIDFromBytes(("triaged|" + ext).getBytes(StandardCharsets.UTF_8)).toString());
                e.set("comment", c);
                ObjectNode t = e.putObject("triage");
                t.put("lang", lang);
                t.put("label", label);
                t.put("confidence", 0.8);
                t.putObject("scores").put("praise", label.equals("praise") ? 0.8 : 0.1)
                        .put("complaint", label.equals("complaint") ? 0.8 : 0.1).put("neutral", label.equals("neutral") ? 0.8 : 0.1);
                t.putArray("flags");
                t.put("priority", (i * 37) % 101);
                t.putArray("reasons");
                t.putArray("explanation");
                t.put("model", "bench-seed");
                t.put("triagedAt", now.toString());
                producer.send(new ProducerRecord<>("comments.triaged", platform + ":" + thread, JSON.writeValueAsString(e)));
            }
            producer.flush();
        }
    }
}
