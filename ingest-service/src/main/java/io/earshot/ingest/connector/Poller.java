package io.earshot.ingest.connector;

import java.time.Duration;
import java.util.List;

/**
 * A source of comments that {@link PollScheduler} runs on its own interval. The scheduler finds every CDI bean of this
 * type, so a new platform's poller is one class: nothing else has to name it.
 */
public interface Poller {

    /** The name runs are logged under ({@code youtube}, {@code reddit-search}, ...). */
    String name();

    /** The pause between the end of one run and the start of the next. */
    Duration interval();

    /** Whether anything is configured for this poller to read; a poller with nothing to read is not scheduled. */
    boolean enabled();

    /** One run over every configured account. */
    List<PollResult> pollAll();
}
