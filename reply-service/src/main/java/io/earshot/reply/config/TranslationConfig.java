package io.earshot.reply.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/**
 * Machine translation for staff who do not read a comment's language, through the LLM endpoint of
 * {@link LlmConfig}: available whenever that endpoint's base URL is set, unless switched off here.
 */
@ConfigMapping(prefix = "earshot.reply.translation")
public interface TranslationConfig {

    /** Offer translation when an LLM base URL is configured; false hides it even then. */
    @WithDefault("true")
    boolean enabled();

    /** The languages a user reads until they say otherwise (BCP-47 primary tags, first = the one to translate into). */
    @WithDefault("en")
    List<String> defaultLanguages();

    /** How long a comment's translation is kept in Redis. */
    @WithDefault("P30D")
    Duration cacheTtl();
}
