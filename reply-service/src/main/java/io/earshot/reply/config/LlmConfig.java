package io.earshot.reply.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The optional LLM drafter: an OpenAI-compatible chat-completions endpoint. Off by default. */
@ConfigMapping(prefix = "earshot.reply.llm")
public interface LlmConfig {

    /** Draft with the LLM (falling back to templates); off by default. */
    @WithDefault("false")
    boolean enabled();

    /** Base URL, e.g. https://api.openai.com/v1 ; {@code /chat/completions} is appended. */
    Optional<String> baseUrl();

    /** Model name. */
    @WithDefault("gpt-4o-mini")
    String model();

    /** API key, sent as a bearer token; never logged. */
    Optional<String> apiKey();

    /** Timeout of one call. */
    @WithDefault("PT8S")
    Duration timeout();
}
