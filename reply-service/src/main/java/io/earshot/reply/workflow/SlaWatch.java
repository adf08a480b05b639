package io.earshot.reply.workflow;

import io.earshot.reply.config.WorkflowConfig;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.domain.QueueItems;
import io.earshot.reply.messaging.ReplyEvent;
import io.earshot.reply.notify.Notifier;
import io.earshot.reply.metrics.ReplyMetrics;
import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.redis.TimerStore;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Notices when an unanswered comment passes its reply deadline, so the breach is counted and told when it happens
 * (an alert can fire, a supervisor be mailed) rather than when somebody opens the item. Deadlines wait in a Redis
 * sorted set; a replica takes a due one with ZREM, which in the same script parks its {@code sla_breached} event, so
 * across replicas each breach is counted and announced once, and a crash before Kafka's ack leaves it to the relay.
 */
@ApplicationScoped
public class SlaWatch {

    private static final Logger LOG = Logger.getLogger(SlaWatch.class);
    private static final int BATCH = 200;

    private final QueueStore store;
    private final TimerStore timers;
    private final QueueService service;
    private final ReplyMetrics metrics;
    private final WorkflowConfig config;
    private final Notifier notifier;

    public SlaWatch(QueueStore store, TimerStore timers, QueueService service, ReplyMetrics metrics, WorkflowConfig config,
                    Notifier notifier) {
        this.store = store;
        this.timers = timers;
        this.service = service;
        this.metrics = metrics;
        this.config = config;
        this.notifier = notifier;
    }

    @Scheduled(every = "${earshot.reply.workflow.sla-check-every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "5s")
    @WaitsForRebuild // mid-rebuild an item may not be back yet, and its breach would be taken and lost
    void scheduled() {
        try {
            check(service.now());
        } catch (RuntimeException e) {
            LOG.warnf("SLA check failed: %s", e.toString());
        }
    }

    /** Takes the items whose deadline is at or before {@code now}; counts and announces those still unanswered. */
    public int check(Instant now) {
        int breaches = 0;
        List<String> due;
        do {
            due = timers.slaDue(now, BATCH);
            for (String id : due) {
                Optional<QueueItem> found = store.find(id);
                if (found.isEmpty() || !unanswered(found.get()) || found.get().slaDeadline() == null) {
                    timers.slaTake(id); // answered in time, or gone: nothing to tell
                    continue;
                }
                QueueItem item = found.get();
                ReplyEvent event = QueueItems.slaBreached(item, now);
                if (!timers.slaTakeAndPark(id, event.eventId(), store.json(event))) {
                    continue; // another replica (or sweep) took it
                }
                metrics.slaBreached(item.priority() >= config.urgentPriority() ? "urgent" : "normal", item.platform());
                breaches++;
                service.announce(event); // on Kafka's ack the parked copy goes; else the relay sends it
                notifier.breached(item); // by the replica that took it, so once; on a worker thread
            }
        } while (due.size() == BATCH);
        return breaches;
    }

    static boolean unanswered(QueueItem item) {
        // spam and abuse get no reply, so they cannot be late with one
        return !item.state().terminal() && !QueueItems.noReply(item)
                && (item.publication() == null || item.publication().publishedAt() == null);
    }
}
