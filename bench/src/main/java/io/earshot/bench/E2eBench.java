package io.earshot.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * End-to-end latency at fixed arrival rates (an open model): comments are sent to ingest-service in signed webhook
 * batches on a fixed schedule, whatever the answers, and each comment's latency runs from its batch's SCHEDULED send
 * time to the moment its {@code drafted} event (its queue item exists) is read from {@code replies}. A stall of the
 * system or of this generator therefore shows in the latency instead of slowing the arrivals.
 *
 * <p>A rate is sustainable when every comment was accepted (2xx) and reached the queue within the drain time, the
 * generator kept to its schedule (lag under 1 s), the queue kept pace (items/s at least 95% of the rate) and p99
 * stayed under 1 s.
 */
public final class E2eBench {

    /** scheduled send time (nanoTime) by comment id, of comments sent and not yet seen on {@code replies} */
    private final ConcurrentHashMap<String, long[]> inFlight = new ConcurrentHashMap<>();
    /** the step whose comments the histogram records: {scheduled nanos, step} in inFlight */
    private volatile long currentStep;
    private volatile Histogram histogram = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
    private final AtomicLong lastSeen = new AtomicLong();

    record Step(int rate, long comments, long accepted, long failed, long seen, long missing, double itemsPerSecond,
            double lagMs, Histogram h, boolean sustainable) {
    }

    public static void main(String[] argv) throws Exception {
        Args a = new Args(argv);
        new E2eBench().run(a);
    }

    private void run(Args a) throws Exception {
        List<Integer> rates = new ArrayList<>();
        for (String r : a.get("rates", a.get("rate", "500,1000,5000")).split(",")) {
            rates.add(Integer.parseInt(r.trim()));
        }
        int duration = a.integer("duration", 20);
        long fixedComments = a.integer("comments", 0);
        int batchWanted = a.integer("batch", 50);
        int drain = a.integer("drain", 30);
        boolean stopOnFail = a.flag("stop-on-fail");
        Ingest ingest = new Ingest(a.require("ingest"), a.get("mode", "auto"), System.getenv("EARSHOT_GENERIC_WEBHOOK_SECRET"),
                System.getenv("EARSHOT_INGEST_API_KEY"), 4);
        int batch = ingest.maxBatch(batchWanted);
        System.out.printf("e2e: sending through %s (%s comments per request)%n",
                ingest.mode == Ingest.Mode.generic ? "the signed generic webhook /webhooks/generic" : "POST /api/comments", batch);

        try (Replies replies = new Replies(a.require("bootstrap"), false, e -> {
            if (!"drafted".equals(e.type()) || e.commentId() == null) {
                return;
            }
            long[] sent = inFlight.remove(e.commentId());
            if (sent != null && sent[1] == currentStep) {
                histogram.recordValue(Math.max(0, (e.receivedNanos() - sent[0]) / 1000));
                lastSeen.set(e.receivedNanos());
            }
        })) {
            replies.awaitReady();
            Comments comments = new Comments("e2e-" + UUID.randomUUID().toString().substring(0, 8));
            long seq = 0;
            // Warm-up: JIT, connections, topic metadata; figures thrown away.
            int warm = a.integer("warmup", 10);
            int warmRate = Math.min(100, rates.get(0));
            int settle = a.integer("settle", 120);
            if (warm > 0) {
                Step w = step(ingest, comments, seq, warmRate, (long) warmRate * warm, batch, drain);
                seq += w.comments();
                System.out.printf("warm-up: %d/s for %d s, %d of %d comments queued%n", warmRate, warm, w.seen(), w.comments());
                if (!settle(settle)) {
                    System.out.println("the warm-up backlog did not clear; figures below include it");
                }
            }
            List<Step> steps = new ArrayList<>();
            for (int rate : rates) {
                long n = fixedComments > 0 ? fixedComments : (long) rate * duration;
                Step s = step(ingest, comments, seq, rate, n, batch, drain);
                seq += n;
                steps.add(s);
                print(System.out, s);
                if (stopOnFail && !s.sustainable()) {
                    break;
                }
                // The next rate starts on an empty pipeline, else it would measure this rate's backlog.
                if (!settle(settle)) {
                    System.out.printf("rate %,d/s left a backlog that did not clear in %d s: higher rates not measured%n", rate, settle);
                    break;
                }
            }
            String md = a.get("markdown", null);
            if (md != null) {
                try (PrintStream out = new PrintStream(Files.newOutputStream(Path.of(md)), true, "UTF-8")) {
                    out.println("| offered rate (comments/s) | comments | accepted | queued | missing | queued/s | generator lag (ms) | p50 (ms) | p90 (ms) | p99 (ms) | p99.9 (ms) | max (ms) | sustainable |");
                    out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
                    for (Step s : steps) {
                        out.printf(Locale.ROOT, "| %,d | %,d | %,d | %,d | %,d | %,.0f | %.0f | %s | %s | %s | %s | %s | %s |%n",
                                s.rate(), s.comments(), s.accepted(), s.seen(), s.missing(), s.itemsPerSecond(), s.lagMs(),
                                ms(s.h(), 50), ms(s.h(), 90), ms(s.h(), 99), ms(s.h(), 99.9), ms(s.h(), 100),
                                s.sustainable() ? "yes" : "no");
                    }
                }
            }
            String csv = a.get("csv", null);
            if (csv != null) {
                try (PrintStream out = new PrintStream(Files.newOutputStream(Path.of(csv)), true, "UTF-8")) {
                    out.println("rate,p50,p90,p99,p999,sustainable,queued_per_s");
                    for (Step s : steps) {
                        out.printf(Locale.ROOT, "%d,%s,%s,%s,%s,%s,%.0f%n", s.rate(), ms(s.h(), 50), ms(s.h(), 90),
                                ms(s.h(), 99), ms(s.h(), 99.9), s.sustainable(), s.itemsPerSecond());
                    }
                }
            }
            System.out.printf("total comments sent: %d%n", seq);
            int best = steps.stream().filter(Step::sustainable).mapToInt(Step::rate).max().orElse(0);
            System.out.printf("highest sustainable rate tried: %,d comments/s%n", best);
        }
        System.exit(0);
    }

    /** Waits until every comment sent so far reached the queue (or the time is up). */
    private boolean settle(int seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!inFlight.isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        return inFlight.isEmpty();
    }

    private Step step(Ingest ingest, Comments comments, long first, int rate, long n, int batch, int drainSeconds)
            throws InterruptedException {
        histogram = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        long stepNo = ++currentStep;
        AtomicLong accepted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Semaphore window = new Semaphore(512);
        double intervalNanos = batch * 1e9 / rate;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        long maxLag = 0;
        long batches = (n + batch - 1) / batch;
        for (long b = 0; b < batches; b++) {
            long scheduled = start + (long) (b * intervalNanos);
            long wait;
            while ((wait = scheduled - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            window.acquire();
            maxLag = Math.max(maxLag, System.nanoTime() - scheduled);
            long from = first + b * batch;
            long to = Math.min(first + n, from + batch);
            for (long s = from; s < to; s++) {
                inFlight.put(comments.commentId(s), new long[] {scheduled, stepNo});
            }
            ingest.send(comments, from, to, Duration.ofSeconds(30)).whenComplete((status, err) -> {
                window.release();
                if (status != null && status >= 200 && status < 300) {
                    accepted.addAndGet(to - from);
                } else {
                    failed.addAndGet(to - from);
                    for (long s = from; s < to; s++) {
                        inFlight.remove(comments.commentId(s));
                    }
                    if (failed.get() <= 5 * (to - from)) {
                        System.err.println("ingest answered " + status + " to a batch at " + rate + "/s");
                    }
                }
            });
        }
        window.acquire(512);
        window.release(512);
        long sentEnd = System.nanoTime();
        long deadline = sentEnd + TimeUnit.SECONDS.toNanos(drainSeconds);
        while (inFlight.values().stream().anyMatch(v -> v[1] == stepNo) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        Histogram h = histogram.copy();
        long seen = h.getTotalCount();
        long missing = inFlight.values().stream().filter(v -> v[1] == stepNo).count();
        double seconds = (Math.max(lastSeen.get(), start + 1) - start) / 1e9;
        double perSecond = seen / seconds;
        double lagMs = maxLag / 1e6;
        boolean ok = failed.get() == 0 && missing == 0 && lagMs < 1000 && perSecond >= 0.95 * rate
                && h.getValueAtPercentile(99) < 1_000_000;
        return new Step(rate, n, accepted.get(), failed.get(), seen, missing, perSecond, lagMs, h, ok);
    }

    private static String ms(Histogram h, double percentile) {
        if (h.getTotalCount() == 0) {
            return "-";
        }
        double v = (percentile >= 100 ? h.getMaxValue() : h.getValueAtPercentile(percentile)) / 1000.0;
        return v < 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.0f", v);
    }

    private static void print(PrintStream out, Step s) {
        out.printf(Locale.ROOT, "rate %,6d/s: %,d sent, %,d accepted, %,d failed, %,d queued, %,d missing; %,.0f queued/s;"
                        + " generator lag max %.0f ms; latency ms p50 %s p90 %s p99 %s p99.9 %s max %s -> %s%n",
                s.rate(), s.comments(), s.accepted(), s.failed(), s.seen(), s.missing(), s.itemsPerSecond(), s.lagMs(),
                ms(s.h(), 50), ms(s.h(), 90), ms(s.h(), 99), ms(s.h(), 99.9), ms(s.h(), 100),
                s.sustainable() ? "sustainable" : "NOT sustainable");
    }
}
