package io.earshot.ingest.connector;

import io.earshot.ingest.domain.CommentDraft;
import io.earshot.ingest.domain.CommentIntake;
import io.earshot.ingest.domain.CommentIntake.Outcome;
import io.earshot.ingest.domain.CommentIntake.Status;
import io.earshot.ingest.domain.Normalization;
import io.earshot.ingest.messaging.CommentIngested;
import io.earshot.ingest.redis.CursorStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What every poller shares: publishing what it read, its cursor, and pauses imposed by rate limits. */
@ApplicationScoped
public class PollSupport {

    @Inject
    CommentIntake intake;

    @Inject
    Normalization normalization;

    @Inject
    CursorStore cursors;

    @Inject
    ConnectorStatus status;

    @Inject
    PlatformHttp http;

    private final Map<String, Instant> pausedUntil = new ConcurrentHashMap<>();

    /** Publishes drafts; returns the outcomes. */
    public List<Outcome> publish(List<CommentDraft> drafts) {
        if (drafts.isEmpty()) {
            return List.of();
        }
        Instant now = Instant.now();
        List<CommentIngested> events = new ArrayList<>(drafts.size());
        for (CommentDraft d : drafts) {
            events.add(normalization.toEvent(d, now));
        }
        return intake.accept(events);
    }

    /**
     * Publishes what a poll read and moves the cursor only if everything is in Kafka and paging reached the old
     * cursor (or the end).
     */
    public PollResult finish(String platform, String account, List<CommentDraft> drafts, String newCursor,
            boolean complete, String stop) {
        List<Outcome> outcomes = publish(drafts);
        boolean stored = CommentIntake.allStored(outcomes);
        boolean advanced = false;
        if (stored && complete && newCursor != null) {
            cursors.advance(platform, account, newCursor);
            advanced = true;
        }
        int accepted = (int) outcomes.stream().filter(o -> o.status() == Status.ACCEPTED).count();
        int duplicates = (int) outcomes.stream().filter(o -> o.status() == Status.DUPLICATE).count();
        return new PollResult(platform + ":" + account, drafts.size(), accepted, duplicates, advanced,
                stored ? stop : (stop == null ? "kafka" : stop));
    }

    public void pause(String connector, Instant until) {
        pausedUntil.put(connector, until);
    }

    /** Whether a rate limit still holds this connector back. */
    public boolean paused(String connector) {
        Instant until = pausedUntil.get(connector);
        return until != null && Instant.now().isBefore(until);
    }

    /** Ids of status-like platforms (snowflakes) compare by length, then text. */
    public static int compareIds(String a, String b) {
        if (a.length() != b.length()) {
            return Integer.compare(a.length(), b.length());
        }
        return a.compareTo(b);
    }
}
