package io.earshot.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The comment side of a chaos run: sends N comments at a steady rate in signed webhook batches and, like a platform
 * does, retries each batch until ingest-service acknowledges it (2xx), whatever fails meanwhile. Writes one line per
 * comment (comment id, external id) to the output file once all were sent (and, as they are acknowledged, to
 * OUT.partial for the approver): the set the run must account for.
 */
public final class ChaosLoad {

    public static void main(String[] argv) throws Exception {
        Args a = new Args(argv);
        int n = a.integer("comments", 10_000);
        double rate = a.decimal("rate", 50);
        int batch = Math.max(1, a.integer("batch", 10));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(a.integer("deadline", 900));
        Path out = Path.of(a.require("out"));
        Path progress = Path.of(a.require("out") + ".partial");
        Ingest ingest = new Ingest(a.require("ingest"), a.get("mode", "auto"), System.getenv("EARSHOT_GENERIC_WEBHOOK_SECRET"),
                System.getenv("EARSHOT_INGEST_API_KEY"), 4);
        batch = ingest.maxBatch(batch);
        Comments comments = new Comments(a.get("run", "chaos"));
        AtomicLong acknowledged = new AtomicLong();
        AtomicLong retries = new AtomicLong();
        List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService senders = Executors.newFixedThreadPool(32);
        double interval = batch * 1e9 / rate;
        long start = System.nanoTime();
        long batches = (n + batch - 1) / batch;
        System.out.printf("chaos load: %,d comments at %.0f/s in batches of %d through %s%n", n, rate, batch, ingest.mode);
        Thread reporter = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(10));
                System.out.printf("chaos load: %,d of %,d acknowledged, %,d retried deliveries%n", acknowledged.get(), n, retries.get());
            }
        });
        reporter.setDaemon(true);
        reporter.start();
        final int b0 = batch;
        for (long b = 0; b < batches; b++) {
            long at = start + (long) (b * interval);
            long wait;
            while ((wait = at - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            long from = b * b0;
            long to = Math.min(n, from + b0);
            senders.submit(() -> {
                long backoff = 100;
                while (System.nanoTime() < deadline) {
                    int status = ingest.send(comments, from, to, Duration.ofSeconds(15)).join();
                    if (status >= 200 && status < 300) {
                        StringBuilder acked = new StringBuilder();
                        for (long s = from; s < to; s++) {
                            lines.add(comments.commentId(s) + " " + comments.externalId(s));
                            acked.append(comments.commentId(s)).append(' ').append(comments.externalId(s)).append('\n');
                        }
                        synchronized (lines) {
                            try {
                                Files.writeString(progress, acked, java.nio.file.StandardOpenOption.CREATE,
                                        java.nio.file.StandardOpenOption.APPEND);
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        }
                        acknowledged.addAndGet(to - from);
                        return;
                    }
                    retries.incrementAndGet();
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(backoff + (long) (Math.random() * backoff)));
                    backoff = Math.min(2000, backoff * 2);
                }
            });
        }
        senders.shutdown();
        senders.awaitTermination(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        Files.write(out, lines);
        System.out.printf("chaos load: done, %,d of %,d comments acknowledged by ingest-service, %,d deliveries retried%n",
                acknowledged.get(), n, retries.get());
        System.exit(acknowledged.get() == n ? 0 : 3);
    }
}
