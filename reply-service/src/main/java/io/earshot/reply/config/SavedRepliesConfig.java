package io.earshot.reply.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the saved replies staff keep for themselves and their teams. */
@ConfigMapping(prefix = "earshot.reply.saved-replies")
public interface SavedRepliesConfig {

    /** The most saved replies one owner (a user or a team) may keep; one more is refused with a 409. */
    @WithDefault("200")
    int maxPerOwner();
}
