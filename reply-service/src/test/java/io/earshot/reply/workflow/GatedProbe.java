package io.earshot.reply.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;

/** A bean with one method per {@link WaitsForRebuild} mode, counting the calls that ran. */
@ApplicationScoped
public class GatedProbe {

    private final AtomicInteger ran = new AtomicInteger();

    /** Calls that ran (a method: a field read on the client proxy would not see the bean's). */
    int ran() {
        return ran.get();
    }

    @WaitsForRebuild
    void skipped() {
        ran.incrementAndGet();
    }

    @WaitsForRebuild(WaitsForRebuild.Mode.REFUSE)
    void refused() {
        ran.incrementAndGet();
    }

    /** Calls a gated method on itself: the gate must hold for self-calls too. */
    void selfCall() {
        skipped();
    }
}
