package io.earshot.ingest.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Comment versions that are never reused, also after ingest's Redis is lost: version 1 is the comment as created,
 * and a later revision (an edit, the removal) is numbered by the time it happened, in seconds since
 * 2020-01-01T00:00:00Z (the platform's own time of the revision when it gives one, else the time ingest received it).
 * A later revision therefore always has a larger number than an earlier one, however long apart they are and whatever
 * Redis remembers, and reply-service, which applies a version only when it is larger than the one it has, applies it.
 * The numbers fit a JSON/Java {@code int} until 2088.
 */
public final class Versions {

    /** The start of the version clock. */
    public static final Instant EPOCH = Instant.parse("2020-01-01T00:00:00Z");

    /** A platform time this far ahead of our clock is not believed (a wrong clock must not take all later numbers). */
    static final Duration MAX_AHEAD = Duration.ofMinutes(10);

    private Versions() {
    }

    /**
     * The number a revision's time gives, at least 2 (1 is the created comment).
     *
     * @param revisedAt the platform's time of the revision, or null
     * @param receivedAt when ingest received it
     */
    public static int fromTime(Instant revisedAt, Instant receivedAt) {
        Instant at = revisedAt == null || revisedAt.isAfter(receivedAt.plus(MAX_AHEAD)) ? receivedAt : revisedAt;
        long seconds = Duration.between(EPOCH, at).getSeconds();
        return (int) Math.max(2, Math.min(Integer.MAX_VALUE, seconds));
    }
}
