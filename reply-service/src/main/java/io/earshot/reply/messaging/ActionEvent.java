package io.earshot.reply.messaging;

import java.time.Instant;

/**
 * A staff or system action that changes no queue item's workflow state but must be accountable: a template edit, a
 * saved reply's change, a VIP mark, a rebuild, a language setting, a reveal of personal data, a machine translation.
 * Published on {@link Topics#AUDIT} (docs/events/audit.schema.json) and kept in reply-service's action log; workflow steps stay on {@code replies}.
 *
 * @param eventId    unique id (the {@code ce_id} header); consumers deduplicate on it
 * @param action     what was done, one of {@link Action}'s names in lower case
 * @param actor      who did it (a user name, or {@code system})
 * @param subject    what it was done to: a queue item id, a template key, a saved reply id,
 *                   a VIP ({@code <platform>:<author id>}), a user name or {@code queue}
 * @param detail     a short, non-sensitive description (never a comment's text or personal data)
 * @param occurredAt when
 */
public record ActionEvent(String eventId, String action, String actor, String subject, String detail,
                          Instant occurredAt) {

    /** The actions the audit topic carries. */
    public enum Action {
        TEMPLATE_SAVED, TEMPLATE_DELETED, REBUILD_RUN, UI_LANGUAGE_SET, READER_LANGUAGES_SET, PERSONAL_DATA_REVEALED,
        COMMENT_TRANSLATED, REPLY_TRANSLATION_REFUSED, BUSINESS_HOURS_SET, BUSINESS_HOURS_RESET, DATA_EXPORTED,
        SAVED_REPLY_CREATED, SAVED_REPLY_UPDATED, SAVED_REPLY_DELETED, VIP_MARKED, VIP_UNMARKED;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
