import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Load for ./suite bench ingest (deploy/local/cmd/bench-ingest): signed Meta webhook deliveries of 1,000 feed
 * comments each (10 entries x 100 changes, fresh comment ids every batch, so every comment is published, not a
 * duplicate) against a running ingest-service. A single-file program, run with `java IngestBench.java`.
 *
 * Usage: java IngestBench.java URL APP_SECRET BATCHES CONCURRENCY LATENCY_SAMPLES [name:pid,...]
 *
 * With the pids of the processes behind the service (ingest, kafka, redis), it also prints the CPU time each used
 * during the throughput run (from /proc), and so how many comments one core can take: on a shared machine that is
 * a steadier figure than the wall-clock rate.
 */
public class IngestBench {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        byte[] secret = args[1].getBytes(StandardCharsets.UTF_8);
        int batches = Integer.parseInt(args[2]);
        int concurrency = Integer.parseInt(args[3]);
        int samples = Integer.parseInt(args[4]);
        String run = UUID.randomUUID().toString().substring(0, 8);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        // warm-up: the JIT, Kafka metadata and Redis connections
        // (the first sends may meet a 503 while a fresh broker creates the topic: retried like Meta would)
        for (int i = 0; i < 10; i++) {
            send(client, url, secret, delivery(run + "w" + i));
        }
        RETRIES.set(0);

        // latency: one 1,000-change batch at a time, nothing else in flight
        long[] latencies = new long[samples];
        for (int i = 0; i < samples; i++) {
            byte[] body = delivery(run + "l" + i);
            long start = System.nanoTime();
            send(client, url, secret, body);
            latencies[i] = System.nanoTime() - start;
        }
        Arrays.sort(latencies);

        // throughput: BATCHES batches, CONCURRENCY in flight
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        AtomicLong next = new AtomicLong();
        AtomicLong comments = new AtomicLong();
        List<byte[]> bodies = new ArrayList<>(batches);
        for (int i = 0; i < batches; i++) {
            bodies.add(delivery(run + "t" + i));
        }
        Map<String, Long> pids = new LinkedHashMap<>();
        if (args.length > 5 && !args[5].isBlank()) {
            for (String p : args[5].split(",")) {
                pids.put(p.substring(0, p.indexOf(':')), Long.parseLong(p.substring(p.indexOf(':') + 1)));
            }
        }
        Map<String, Double> cpuBefore = cpu(pids);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                for (long i; (i = next.getAndIncrement()) < batches; ) {
                    comments.addAndGet(send(client, url, secret, bodies.get((int) i)));
                }
                return null;
            }));
        }
        for (Future<?> f : workers) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Double> cpuAfter = cpu(pids);
        pool.shutdown();

        System.out.printf("throughput: %d comments in %.2f s = %.0f comments/s accepted into Kafka (%d batches of 1,000, %d in flight)%n",
                comments.get(), seconds, comments.get() / seconds, batches, concurrency);
        if (RETRIES.get() > 0) {
            System.out.printf("503 answers (Kafka did not acknowledge in time; the delivery was retried, as Meta would): %d%n", RETRIES.get());
        }
        System.out.printf("latency of a 1,000-change batch (%d samples, one at a time): p50 %.0f ms, p90 %.0f ms, max %.0f ms%n",
                samples, ms(latencies[samples / 2]), ms(latencies[(int) Math.min(samples - 1, Math.ceil(samples * 0.9) - 1)]),
                ms(latencies[samples - 1]));
        if (!pids.isEmpty()) {
            double total = 0;
            StringBuilder line = new StringBuilder("CPU during the throughput run:");
            for (String name : pids.keySet()) {
                double used = cpuAfter.get(name) - cpuBefore.get(name);
                total += used;
                line.append(String.format(" %s %.1f s,", name, used));
            }
            System.out.println(line.append(String.format(" together %.1f CPU-s for %d comments", total, comments.get())));
            double ingest = cpuAfter.getOrDefault("ingest", 0.0) - cpuBefore.getOrDefault("ingest", 0.0);
            System.out.printf("per CPU-second: ingest-service alone %.0f comments; ingest + broker + Redis %.0f comments "
                    + "(so %d dedicated cores would take about %.0f comments/s)%n", comments.get() / ingest, comments.get() / total,
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().availableProcessors() * comments.get() / total);
        }
    }

    /** User + system CPU seconds of each process so far, from /proc/PID/stat (clock ticks of 1/100 s). */
    static Map<String, Double> cpu(Map<String, Long> pids) throws Exception {
        Map<String, Double> result = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : pids.entrySet()) {
            String stat = Files.readString(Path.of("/proc/" + e.getValue() + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            result.put(e.getKey(), (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0);
        }
        return result;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** Deliveries Meta would have to retry (503: Kafka did not acknowledge in time), counted, never hidden. */
    static final AtomicLong RETRIES = new AtomicLong();

    /**
     * Sends one signed delivery, retrying it after a 503 as Meta does; returns the comments accepted now (a retry
     * finds the ones stored by the failed attempt as duplicates).
     */
    static long send(HttpClient client, String url, byte[] secret, byte[] body) throws Exception {
        long accepted = 0;
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").header("X-Hub-Signature-256", "sha256=" + hmac(secret, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                Matcher m = ACCEPTED.matcher(response.body());
                return accepted + (m.find() ? Long.parseLong(m.group(1)) : 0);
            }
            if (response.statusCode() != 503 || attempt >= 10) {
                throw new IllegalStateException("ingest answered " + response.statusCode() + ": " + response.body());
            }
            RETRIES.incrementAndGet();
        }
    }

    private static final Pattern ACCEPTED = Pattern.compile("\"accepted\":(\\d+)");

    static String hmac(byte[] secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    /** A realistic Page feed delivery: 10 entries (posts) x 100 new comments. */
    static byte[] delivery(String batch) {
        StringBuilder json = new StringBuilder(360_000).append("{\"object\":\"page\",\"entry\":[");
        long now = System.currentTimeMillis() / 1000;
        for (int e = 0; e < 10; e++) {
            String post = "PAGEBENCH_" + batch + e;
            json.append(e == 0 ? "" : ",").append("{\"id\":\"PAGEBENCH\",\"time\":").append(now).append(",\"changes\":[");
            for (int c = 0; c < 100; c++) {
                json.append(c == 0 ? "" : ",")
                        .append("{\"field\":\"feed\",\"value\":{\"from\":{\"id\":\"").append(1000 + c)
                        .append("\",\"name\":\"Customer ").append(c).append("\"},\"post\":{\"status_type\":\"added_photos\",")
                        .append("\"is_published\":true,\"updated_time\":\"2026-11-01T10:00:00+0000\",\"permalink_url\":")
                        .append("\"https://www.facebook.com/PAGEBENCH/posts/").append(post).append("\",\"id\":\"").append(post)
                        .append("\"},\"message\":\"My order #").append(c).append(" arrived late and the box was damaged, what now?\",")
                        .append("\"post_id\":\"").append(post).append("\",\"comment_id\":\"").append(post).append('_').append(c)
                        .append("\",\"created_time\":").append(now).append(",\"item\":\"comment\",\"parent_id\":\"").append(post)
                        .append("\",\"verb\":\"add\"}}");
            }
            json.append("]}");
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
