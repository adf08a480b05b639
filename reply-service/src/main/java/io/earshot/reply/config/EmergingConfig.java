package io.earshot.reply.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How long the queue page's emerging-issues panel remembers what triage announced on {@code insights.emerging}.
 * The event has no "closed" status (the detector closes an issue silently after a window without new comments), so
 * reply-service calls an issue closed once it has had no new version for {@link #openFor()}.
 */
@ConfigMapping(prefix = "earshot.reply.emerging")
public interface EmergingConfig {

    /** How long an issue is kept after its latest version was detected; older ones are dropped from Redis. */
    @WithDefault("P7D")
    Duration keep();

    /** The most issues kept; beyond it the ones updated longest ago are dropped first. */
    @WithDefault("200")
    int maxIssues();

    /** How long after its latest version an issue counts as open (the detector's window is 1 h; growth re-announces). */
    @WithDefault("PT3H")
    Duration openFor();

    /** How long a closed issue is still listed, marked closed. */
    @WithDefault("PT24H")
    Duration closedShown();

    /** The most issues one request to GET /api/insights/emerging may ask for. */
    @WithDefault("100")
    int maxPageSize();
}
