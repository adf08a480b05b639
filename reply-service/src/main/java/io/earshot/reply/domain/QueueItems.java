package io.earshot.reply.domain;

import io.earshot.reply.messaging.ReplyEvent;
import io.earshot.reply.messaging.TriagedComment;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Turns a triaged comment into a queue item with its first draft, and items into reply events. */
public final class QueueItems {

    private QueueItems() {
    }

    public static QueueItem fromTriaged(TriagedComment triaged, DraftTemplates templates, Instant now) {
        TriagedComment.Comment c = triaged.comment();
        TriagedComment.Triage t = triaged.triage();
        List<String> flags = t.flags() == null ? List.of() : List.copyOf(t.flags());
        String kind = flags.contains("question") && !"complaint".equals(t.label()) ? "question" : t.label();
        String authorName = c.author() == null ? null
                : c.author().displayName() != null && !c.author().displayName().isBlank() ? c.author().displayName()
                : c.author().handle();
        String id = c.commentId();
        QueueItem.Draft draft = templates.draft(kind, t.lang(), authorName, caseReference(id));
        var author = c.author() == null ? null : new QueueItem.Author(c.author().id(), c.author().handle(), c.author().displayName());
        return new QueueItem(id, c.commentId(), c.platform(), c.platform() + ":" + c.threadId(), c.threadId(),
                c.externalId(), c.parentId(), author, c.text(), c.permalink(),
                c.createdAt() == null ? now : c.createdAt(), t.lang(), t.label(), t.confidence(), t.scores(), flags,
                Math.max(0, Math.min(100, t.priority())), t.explanation() == null ? List.of() : t.explanation(),
                draft, QueueItem.State.pending, 1, now, now);
    }

    /** A short reference a customer can quote in a private message. */
    public static String caseReference(String itemId) {
        return itemId.replace("-", "").substring(0, 8).toUpperCase(Locale.ROOT);
    }

    /** The event announcing an item's state; its id is derived from the item, type and version, so it is stable. */
    public static ReplyEvent event(QueueItem item, String type, String actor, String reason, Instant at) {
        String eventId = UUID.nameUUIDFromBytes((type + "|" + item.id() + "|" + item.version())
                .getBytes(StandardCharsets.UTF_8)).toString();
        return new ReplyEvent(eventId, type, item.id(), item.commentId(), item.platform(), item.threadKey(),
                item.state().name(), item.draft() == null ? item.lang() : item.draft().lang(),
                item.draft() == null ? null : item.draft().text(), actor, reason, null, at);
    }
}
