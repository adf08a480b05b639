package io.earshot.reply.platform;

import io.earshot.reply.domain.QueueItem;
import java.time.Instant;
import java.util.Optional;

/** One platform's API, as the publisher and the moderation actions need it. */
public interface PlatformConnector {

    /** The platform name comments carry ({@code facebook}, {@code x}, ...). */
    String platform();

    /** Whether the platform deduplicates retries itself (an idempotency key); else {@link #findExisting} is asked. */
    boolean idempotent();

    /** Publishes a human-approved reply. */
    Outcome send(ApprovedReply reply);

    /** Our reply to this comment if one already exists (a previous attempt may have reached the platform). */
    Optional<String> findExisting(ApprovedReply reply);

    /** Hides, unhides or deletes the comment on the platform. */
    Outcome moderate(QueueItem item, String action);

    /** What a platform call came to. */
    sealed interface Outcome {
    }

    /** Done; the platform's id of what was created (may be null for moderation). */
    record Done(String platformId) implements Outcome {
    }

    /** Worth another attempt, no earlier than {@code notBefore} when the platform said so. */
    record Transient(String reason, Instant notBefore) implements Outcome {
    }

    /** Will not work by retrying: staff must look (bad request, permissions, expired token). */
    record Permanent(String reason, boolean tokenExpired) implements Outcome {
    }
}
