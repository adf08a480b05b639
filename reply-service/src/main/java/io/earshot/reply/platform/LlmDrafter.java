package io.earshot.reply.platform;

import io.earshot.reply.config.LlmConfig;
import io.earshot.reply.domain.PersonalData;
import io.earshot.reply.domain.QueueItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Asks the LLM for a draft in the commenter's language, in the voice of the template. Any failure (timeout, rate
 * limit after retries, open breaker, malformed answer, refusal) gives empty, and the template is used instead.
 */
@ApplicationScoped
public class LlmDrafter {

    private static final Logger LOG = Logger.getLogger(LlmDrafter.class);

    @Inject
    LlmConfig config;

    @Inject
    LlmClient client;

    public boolean enabled() {
        return config.enabled() && config.baseUrl().isPresent();
    }

    public String model() {
        return config.model();
    }

    public Optional<String> draft(QueueItem item, String templateDraft, String lang) {
        String system = """
                You are the community manager of a business answering a public social-media comment. Reply in the \
                language with ISO code %s, briefly and kindly. Thank for praise. For a complaint acknowledge and \
                apologise without admitting liability, offer a concrete next step and ask the person to continue in a \
                private message; never ask for or repeat personal data in public. Answer questions or say who will. \
                Never answer abuse in kind. No links. Output only the reply text."""
                .formatted(lang);
        String user = "Comment (" + item.label() + "): " + PersonalData.mask(item, item.text())
                + "\n\nA template reply you may improve on: " + templateDraft;
        try {
            return client.complete(system, user);
        } catch (RuntimeException e) {
            LOG.infof("LLM draft for %s unavailable, using the template: %s %s", item.id(), e.getClass().getSimpleName(),
                    e.getMessage() == null ? "" : e.getMessage());
            return Optional.empty();
        }
    }
}
