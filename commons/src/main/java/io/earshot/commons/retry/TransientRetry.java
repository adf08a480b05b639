package io.earshot.commons.retry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs a consumer's store call until it succeeds while the store is unreachable: a transient fault
 * ({@link TransientFaults}) is retried with exponential back-off ({@link RetryConfig}), so a Redis or Kafka outage
 * delays records instead of dead-lettering them; any other failure is thrown at once, for the dead-letter topic.
 *
 * <p>While a call waits, the service reports not ready ({@code TransientRetryReadinessCheck}) and counts each retry in
 * {@code earshot_<service>_transient_retries_total{store}}. The blocking form runs on the consumer's worker thread, so
 * later records of the same partition wait behind the retrying one; it refuses to run on the event loop.
 */
@ApplicationScoped
public class TransientRetry {

    private static final Logger LOG = Logger.getLogger(TransientRetry.class);

    private final RetryConfig config;
    private final MeterRegistry registry;
    private final String metric;
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    private final AtomicInteger asyncWaiting = new AtomicInteger();

    @Inject
    public TransientRetry(RetryConfig config, MeterRegistry registry,
                          @ConfigProperty(name = "quarkus.application.name") String application) {
        this.config = config;
        this.registry = registry;
        this.metric = "earshot." + application.replaceFirst("-service$", "") + ".transient.retries";
    }

    /** Calls {@code call} on this (worker) thread until it returns or fails for good (Redis and Kafka faults alike). */
    public <T> T call(Supplier<T> call) {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("a blocking retry must not run on the event loop");
        }
        Attempts attempts = new Attempts(null);
        try {
            while (true) {
                try {
                    return call.get();
                } catch (RuntimeException e) {
                    if (!TransientFaults.isTransient(e)) {
                        throw e;
                    }
                    Duration wait = attempts.failed(e);
                    try {
                        Thread.sleep(wait.toMillis());
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt(); // the service is stopping: give up with the fault
                        throw e;
                    }
                }
            }
        } finally {
            attempts.done();
        }
    }

    /** {@link #call} for a call without a result. */
    public void run(Runnable call) {
        call(() -> {
            call.run();
            return null;
        });
    }

    /**
     * Subscribes to {@code call} again, with the same back-off and without holding a thread, until it succeeds or
     * fails for good. Each subscription must redo the work (a lazy send or command).
     */
    public <T> Uni<T> async(Supplier<Uni<T>> call) {
        return Uni.createFrom().deferred(() -> {
            Attempts attempts = new Attempts(asyncWaiting);
            return Uni.createFrom().<T>deferred(() -> call.get())
                    .onFailure(TransientFaults::isTransient).invoke(attempts::failed)
                    .onFailure(TransientFaults::isTransient).retry()
                    .withBackOff(config.initialBackoff(), config.maxBackoff()).withJitter(0.2).indefinitely()
                    .onTermination().invoke(attempts::done);
        });
    }

    /**
     * Blocks (a worker thread) while an {@link #async} call waits out a fault, so that a consumer does not start later
     * records of a partition ahead of one whose send is being retried; false if still waiting after {@code max}.
     */
    public boolean awaitAsync(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (asyncWaiting) {
            while (asyncWaiting.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    asyncWaiting.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    /** The stores a call is waiting for, each with when its oldest waiting call first failed. */
    public Map<String, Instant> waiting() {
        Map<String, Instant> out = new TreeMap<>();
        waiting.forEach((store, w) -> {
            Instant since = w.since();
            if (since != null) {
                out.put(store, since);
            }
        });
        return out;
    }

    Duration backoff(int failures) {
        long initial = Math.max(1, config.initialBackoff().toMillis());
        long max = Math.max(initial, config.maxBackoff().toMillis());
        long wait = failures >= 30 ? max : Math.min(max, initial << Math.max(0, failures - 1));
        long jitter = (long) (wait * 0.2 * ThreadLocalRandom.current().nextDouble());
        return Duration.ofMillis(wait - jitter);
    }

    /** How many calls wait for one store, and since when. */
    private static final class Waiting {
        private int calls;
        private Instant since;

        /** True for the first waiting call. */
        synchronized boolean enter() {
            if (calls++ == 0) {
                since = Instant.now();
                return true;
            }
            return false;
        }

        /** The time waited when this was the last waiting call, else null. */
        synchronized Duration leave() {
            if (--calls == 0) {
                Duration waited = Duration.between(since, Instant.now());
                since = null;
                return waited;
            }
            return null;
        }

        synchronized Instant since() {
            return since;
        }
    }

    /** The failures of one call: counted, logged once, and reported as waiting until the call ends. */
    private final class Attempts {
        private final AtomicInteger async;
        private final AtomicBoolean entered = new AtomicBoolean();
        private volatile String store;
        private int failures;

        Attempts(AtomicInteger async) {
            this.async = async;
        }

        Duration failed(Throwable e) {
            failures++;
            String store = TransientFaults.storeOf(e);
            if (this.store == null) {
                this.store = store;
            }
            Counter.builder(metric)
                    .description("Store calls of the consumers retried after a transient fault (Redis or Kafka down)")
                    .tag("store", store)
                    .register(registry).increment();
            if (entered.compareAndSet(false, true)) {
                if (waiting.computeIfAbsent(store, s -> new Waiting()).enter()) {
                    LOG.warnf("%s unavailable (%s); consumers retry with back-off until it is back", store, e.toString());
                }
                if (async != null) {
                    async.incrementAndGet();
                }
            }
            return backoff(failures);
        }

        void done() {
            if (!entered.compareAndSet(true, false)) {
                return;
            }
            Duration waited = waiting.get(store).leave(); // the store of the first failure, where it entered
            if (waited != null) {
                LOG.infof("%s is back; consumers waited %d ms for it", store, waited.toMillis());
            }
            if (async != null) {
                synchronized (async) {
                    async.decrementAndGet();
                    async.notifyAll();
                }
            }
        }
    }
}
