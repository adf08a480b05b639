package io.earshot.reply.workflow;

import io.earshot.reply.config.WorkflowConfig;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.domain.QueueItems;
import io.earshot.reply.metrics.ReplyMetrics;
import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.redis.TimerStore;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Notices when an unanswered comment passes its reply deadline, so the breach is counted when it happens (and an alert
 * can fire) rather than when somebody opens the item. Deadlines wait in a Redis sorted set; a replica takes a due one
 * with ZREM, so across replicas each breach is counted once.
 */
@ApplicationScoped
public class SlaWatch {

    private static final Logger LOG = Logger.getLogger(SlaWatch.class);

    @Inject
    QueueStore store;

    @Inject
    TimerStore timers;

    @Inject
    QueueService service;

    @Inject
    ReplyMetrics metrics;

    @Inject
    WorkflowConfig config;

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

    /** Counts the items whose deadline is at or before {@code now} and that are still unanswered; returns how many. */
    public int check(Instant now) {
        int breaches = 0;
        List<String> due;
        do {
            due = timers.slaDue(now, 200);
            for (String id : due) {
                if (!timers.slaTake(id)) {
                    continue; // another replica counted it
                }
                Optional<QueueItem> item = store.find(id);
                if (item.isPresent() && unanswered(item.get())) {
                    QueueItem i = item.get();
                    metrics.slaBreached(i.priority() >= config.urgentPriority() ? "urgent" : "normal", i.platform());
                    breaches++;
                }
            }
        } while (due.size() == 200);
        return breaches;
    }

    static boolean unanswered(QueueItem item) {
        // spam and abuse get no reply, so they cannot be late with one
        return !item.state().terminal() && !QueueItems.noReply(item)
                && (item.publication() == null || item.publication().publishedAt() == null);
    }
}
