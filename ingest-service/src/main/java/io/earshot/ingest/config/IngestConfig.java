package io.earshot.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How ingest-service accepts comments. */
@ConfigMapping(prefix = "earshot.ingest")
public interface IngestConfig {

    /** How long a comment version is remembered, so a redelivery within this window is not published again. */
    @WithDefault("P7D")
    Duration dedupTtl();

    /** How long a caller waits for Kafka to acknowledge a comment before it is told to retry (503). */
    @WithDefault("10s")
    Duration publishTimeout();

    /** The largest body {@code POST /api/comments} accepts; larger gets 413. */
    @WithDefault("65536")
    int maxCommentBytes();

    /** What a caller told to retry (503) is advised to wait, in the {@code Retry-After} header. */
    @WithDefault("5s")
    Duration retryAfter();
}
