package io.earshot.reply.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The staff dashboard served by reply-service at {@code /}. */
@ConfigMapping(prefix = "earshot.dashboard")
public interface DashboardConfig {

    /**
     * Base64 key that signs CSRF tokens; every instance behind one load balancer needs the same key. Required in the
     * prod profile (EARSHOT_DASHBOARD_CSRF_KEY); in dev and tests, when absent, a random key is made at start.
     */
    Optional<String> csrfKey();

    /** How long a CSRF token issued with a page stays valid; an open page older than this asks to reload. */
    @WithDefault("PT12H")
    Duration csrfTokenLifetime();

    /** How often the live stream sends a comment line so that proxies keep an idle connection open. */
    @WithDefault("PT15S")
    Duration liveHeartbeat();
}
