package io.earshot.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends comments to ingest-service through the signed generic webhook ({@code X-Earshot-Timestamp},
 * {@code X-Earshot-Signature: sha256=HMAC(secret, timestamp + "." + body)}), or one by one to
 * {@code POST /api/comments} when the webhook is not there.
 */
final class Ingest {

    enum Mode { generic, comments }

    final Mode mode;
    private final String base;
    private final String secret;
    private final String apiKey;
    final HttpClient http;

    Ingest(String base, String mode, String secret, String apiKey, int threads) throws IOException, InterruptedException {
        this.base = base;
        this.secret = secret;
        this.apiKey = apiKey;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).executor(Executors.newFixedThreadPool(threads, r -> {
                    Thread t = new Thread(r, "ingest-client");
                    t.setDaemon(true);
                    return t;
                })).build();
        this.mode = "auto".equals(mode) ? detect() : Mode.valueOf(mode);
    }

    /**
     * The generic webhook answers 401 to an unsigned probe when it exists, 404 when it does not. Retried for two
     * minutes while ingest-service is away (a chaos run may have just killed it).
     */
    private Mode detect() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(2);
        while (true) {
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(base + "/webhooks/generic"))
                        .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 404 || r.statusCode() == 405) {
                    return Mode.comments;
                }
                if (r.statusCode() < 500) {
                    return Mode.generic;
                }
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("ingest-service did not answer the webhook probe");
            }
            Thread.sleep(500);
        }
    }

    int maxBatch(int wanted) {
        return mode == Mode.generic ? wanted : 1;
    }

    /** Sends comments [from, to): one request in generic mode, one per comment otherwise; completes with the worst status. */
    CompletableFuture<Integer> send(Comments comments, long from, long to, Duration timeout) {
        if (mode == Mode.generic) {
            return post("/webhooks/generic", comments.batch(from, to), true, timeout);
        }
        CompletableFuture<Integer> all = CompletableFuture.completedFuture(200);
        for (long s = from; s < to; s++) {
            CompletableFuture<Integer> one = post("/api/comments", comments.single(s), false, timeout);
            all = all.thenCombine(one, Math::max);
        }
        return all;
    }

    private CompletableFuture<Integer> post(String path, byte[] body, boolean sign, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (apiKey != null && !apiKey.isBlank()) {
            b.header("Authorization", "Bearer " + apiKey);
        }
        if (sign) {
            String ts = Long.toString(System.currentTimeMillis() / 1000);
            b.header("X-Earshot-Timestamp", ts).header("X-Earshot-Signature", "sha256=" + hmac(ts, body));
        }
        return http.sendAsync(b.build(), HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode)
                .exceptionally(e -> 0);
    }

    private String hmac(String ts, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((ts + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
