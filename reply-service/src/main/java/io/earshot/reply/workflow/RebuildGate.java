package io.earshot.reply.workflow;

import io.earshot.commons.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/** Closed while the queue is rebuilt from Kafka: staff actions then wait (503) instead of racing the rebuild. */
@ApplicationScoped
public class RebuildGate {

    private final AtomicBoolean rebuilding = new AtomicBoolean();

    public boolean tryClose() {
        return rebuilding.compareAndSet(false, true);
    }

    public void open() {
        rebuilding.set(false);
        synchronized (this) {
            notifyAll();
        }
    }

    /** Waits (a blocking consumer thread) while a rebuild runs; false when it still runs after {@code max}. */
    public boolean awaitOpen(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (this) {
            while (rebuilding.get()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    public boolean closed() {
        return rebuilding.get();
    }

    public void requireOpen() {
        if (rebuilding.get()) {
            throw ProblemException.unavailable("the queue is being rebuilt from Kafka; retry shortly", Duration.ofSeconds(5));
        }
    }
}
