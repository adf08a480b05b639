package io.earshot.reply.support;

import io.earshot.reply.workflow.Rebuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicInteger;

/** Makes the next rebuild fail after it staged some items, as a Redis or Kafka failure part-way would. */
@ApplicationScoped
public class RebuildSabotage {

    private final AtomicInteger failAfter = new AtomicInteger(-1);

    /** The next rebuild throws once it has staged {@code items} items. */
    public void arm(int items) {
        failAfter.set(items);
    }

    void onProgress(@Observes Rebuilder.Progress progress) {
        int limit = failAfter.get();
        if (limit >= 0 && progress.staged() >= limit && failAfter.compareAndSet(limit, -1)) {
            throw new IllegalStateException("sabotaged after " + progress.staged() + " items");
        }
    }
}
