package io.earshot.ingest.domain;

import io.earshot.ingest.config.IngestConfig;
import io.earshot.ingest.messaging.CommentIngested;
import io.earshot.ingest.redis.VersionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Turns a connector's {@link CommentDraft} into the {@code comments.ingested} event: the first sight of a comment
 * is version 1; each edit (by its text) and the removal get a version from the time of that revision
 * ({@link Versions}), larger than every earlier one and the same on every redelivery.
 */
@ApplicationScoped
public class Normalization {

    @Inject
    VersionStore versions;

    @Inject
    IngestConfig config;

    public CommentIngested toEvent(CommentDraft draft, Instant receivedAt) {
        int version = draft.action == CommentIngested.Action.created ? 1
                : versions.versionOf(draft.platform, draft.externalId, draft.revision(),
                        Versions.fromTime(draft.revisedAt, receivedAt));
        return draft.toEvent(version, receivedAt, config.maxRawChars());
    }
}
