package io.earshot.ingest.connector;

import io.earshot.ingest.config.IngestConfig;
import io.quarkus.arc.All;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs every {@link Poller} (found through CDI, so a new one is one class) on its own interval, one at a time on one
 * thread (they are I/O-bound and small). A poller with nothing configured is not scheduled. A failing run is logged
 * and the next one happens as planned.
 */
@ApplicationScoped
public class PollScheduler {

    private static final Logger LOG = Logger.getLogger(PollScheduler.class);

    private final IngestConfig config;
    private final List<Poller> pollers;
    private ScheduledExecutorService executor;

    public PollScheduler(IngestConfig config, @All List<Poller> pollers) {
        this.config = config;
        this.pollers = pollers;
    }

    void start(@Observes StartupEvent event) {
        if (!config.pollers().enabled()) {
            return;
        }
        List<Poller> enabled = pollers.stream().filter(Poller::enabled).toList();
        if (enabled.isEmpty()) {
            LOG.info("no poller accounts configured; only webhooks, the API and import take comments");
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "earshot-pollers");
            t.setDaemon(true);
            return t;
        });
        enabled.forEach(this::schedule);
    }

    private void schedule(Poller poller) {
        executor.scheduleWithFixedDelay(() -> {
            try {
                for (PollResult result : poller.pollAll()) {
                    if (result.read() > 0 || result.stop() != null) {
                        LOG.infof("%s %s: read %d, new %d, duplicates %d%s", poller.name(), result.connector(),
                                result.read(), result.accepted(), result.duplicates(),
                                result.stop() == null ? "" : ", stopped: " + result.stop());
                    }
                }
            } catch (RuntimeException e) {
                LOG.warnf("%s run failed: %s", poller.name(), e.toString());
            }
        }, 5, poller.interval().toSeconds(), TimeUnit.SECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
