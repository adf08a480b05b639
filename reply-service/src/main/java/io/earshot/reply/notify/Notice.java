package io.earshot.reply.notify;

import io.earshot.reply.domain.QueueItem;
import java.time.Instant;

/**
 * What a notification tells: the kind of happening and the routing facts of the item, copied from it field by field
 * so that nothing else (the comment, the draft, the author, a reason staff typed) can reach a mail.
 *
 * @param account the platform account the comment was posted to; null when unknown
 * @param deadline the item's reply deadline; null when it has none
 */
public record Notice(Kind kind, String itemId, String platform, String account, String label, int priority,
                     Instant deadline, String assignee, String team) {

    /** What happened to the item. */
    public enum Kind {
        /** It passed its reply deadline unanswered. */
        SLA_BREACHED,
        /** Staff escalated it to supervisors. */
        ESCALATED,
        /** It was assigned to a person or a team. */
        ASSIGNED;

        /** The metric tag and mail-JSON name. */
        public String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static Notice of(Kind kind, QueueItem item) {
        return new Notice(kind, item.id(), item.platform(), item.comment().account(), item.label(), item.priority(),
                item.slaDeadline(), item.assignee(), item.team());
    }
}
