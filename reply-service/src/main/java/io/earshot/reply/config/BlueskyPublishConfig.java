package io.earshot.reply.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The Bluesky account replies are posted as: its PDS and an app password (revocable alone, never logged). */
@ConfigMapping(prefix = "earshot.reply.bluesky")
public interface BlueskyPublishConfig {

    /** The PDS or entryway sessions are made on and records written to; tests point it at WireMock. */
    @WithDefault("https://bsky.social")
    String serviceUrl();

    /** The handle or DID replies are posted as; unset: Bluesky replies fail as not configured. */
    Optional<String> identifier();

    /** An app password of that account (env {@code EARSHOT_REPLY_BLUESKY_APP_PASSWORD}); never logged. */
    Optional<String> appPassword();
}
