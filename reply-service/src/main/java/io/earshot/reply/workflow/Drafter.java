package io.earshot.reply.workflow;

import io.earshot.reply.domain.DraftTemplates;
import io.earshot.reply.domain.PersonalData;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.domain.QueueItems;
import io.earshot.reply.platform.LlmDrafter;
import io.earshot.reply.redis.TemplateStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Writes the first draft of a reply: nothing for abuse or spam (those get a hide suggestion), else the LLM's draft
 * when it is enabled and its draft passes the lint, else the template (an admin's, else the built-in one). Personal
 * data the comment contained is masked in every draft.
 */
@ApplicationScoped
public class Drafter {

    @Inject
    DraftTemplates templates;

    @Inject
    TemplateStore store;

    @Inject
    LlmDrafter llm;

    @Inject
    Lints lints;

    /** The template draft alone (a rebuild uses it; the drafted event then says what the draft really was). */
    public QueueItem.Draft templateDraft(QueueItem item) {
        return draft(item, false);
    }

    public QueueItem.Draft draft(QueueItem item) {
        return draft(item, true);
    }

    private QueueItem.Draft draft(QueueItem item, boolean allowLlm) {
        String lang = templates.draftLanguage(item.lang());
        if (QueueItems.noReply(item)) {
            String why = item.flags().contains("abusive") ? "abusive" : "spam";
            return new QueueItem.Draft("", lang, "policy:" + why, null, item.commentVersion());
        }
        QueueItem.Draft template = templates.draft(QueueItems.kind(item), item.lang(), item.topic(),
                QueueItems.authorName(item), QueueItems.caseReference(item.id()), store::get, lints.limit(item.platform()));
        QueueItem.Draft masked = new QueueItem.Draft(PersonalData.mask(item, template.text()), template.lang(),
                template.source(), null, item.commentVersion());
        if (allowLlm && llm.enabled()) {
            Optional<String> text = llm.draft(item, masked.text(), lang);
            if (text.isPresent()) {
                String candidate = PersonalData.mask(item, text.get());
                if (lints.lint(item, candidate).ok()) {
                    return new QueueItem.Draft(candidate, lang, "llm:" + llm.model(), null, item.commentVersion());
                }
            }
        }
        return masked;
    }
}
