package io.earshot.reply.workflow;

import io.earshot.reply.domain.WorkflowException;
import io.earshot.reply.redis.RebuildLock;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Closed while the queue is rebuilt from Kafka, by this replica or by any other: staff actions then wait (503) and the
 * consumers pause instead of racing the rebuild. Only one replica rebuilds at a time ({@link RebuildLock}); the others
 * see its lock, checked at most every {@link #REMOTE_CHECK} so the consumers' hot path does not pay a Redis read.
 */
@ApplicationScoped
public class RebuildGate {

    private static final Logger LOG = Logger.getLogger(RebuildGate.class);
    /** How long a rebuilding replica holds the lock without renewing it (it renews every third of this). */
    static final Duration LEASE = Duration.ofSeconds(30);
    static final long REMOTE_CHECK = TimeUnit.MILLISECONDS.toNanos(500);

    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rebuild-lock-renewal");
        t.setDaemon(true);
        return t;
    });
    private volatile ScheduledFuture<?> renewal;
    private volatile boolean remote;
    private volatile long remoteCheckedAt = System.nanoTime() - REMOTE_CHECK;

    @Inject
    RebuildLock lock;

    /** Closes the gate for a rebuild by this replica; false when a rebuild runs here or on another replica. */
    public boolean tryClose() {
        if (!rebuilding.compareAndSet(false, true)) {
            return false;
        }
        try {
            if (!lock.tryAcquire(LEASE)) {
                rebuilding.set(false);
                return false;
            }
        } catch (RuntimeException e) {
            rebuilding.set(false);
            throw e;
        }
        long every = LEASE.toMillis() / 3;
        renewal = renewer.scheduleAtFixedRate(() -> {
            try {
                if (!lock.renew(LEASE)) {
                    LOG.warn("the rebuild lock ran out while this replica rebuilds (Redis lost it?)");
                }
            } catch (RuntimeException e) {
                LOG.warnf("could not renew the rebuild lock: %s", e.toString());
            }
        }, every, every, TimeUnit.MILLISECONDS);
        return true;
    }

    public void open() {
        ScheduledFuture<?> r = renewal;
        if (r != null) {
            r.cancel(false);
        }
        try {
            lock.release();
        } catch (RuntimeException e) {
            LOG.warnf("could not release the rebuild lock (it runs out by itself): %s", e.toString());
        }
        rebuilding.set(false);
        synchronized (this) {
            notifyAll();
        }
    }

    /** Waits (a blocking consumer thread) while a rebuild runs; false when it still runs after {@code max}. */
    public boolean awaitOpen(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (this) {
            while (closed()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    // another replica's rebuild ends without a notify here: look again after a remote check period
                    wait(Math.max(1, Math.min(left, REMOTE_CHECK) / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    public boolean closed() {
        return rebuilding.get() || rebuildingElsewhere();
    }

    public void requireOpen() {
        if (closed()) {
            throw new WorkflowException(WorkflowException.Reason.REBUILDING, "the queue is being rebuilt from Kafka; retry shortly",
                    null, Duration.ofSeconds(5));
        }
    }

    private boolean rebuildingElsewhere() {
        long now = System.nanoTime();
        if (now - remoteCheckedAt >= REMOTE_CHECK) {
            try {
                remote = lock.heldElsewhere();
            } catch (RuntimeException e) {
                remote = false; // Redis down: every action fails on its own; do not hold the consumers for it
            }
            remoteCheckedAt = now;
        }
        return remote;
    }

    @PreDestroy
    void stop() {
        renewer.shutdownNow();
    }
}
