package io.earshot.reply.domain;

import com.fasterxml.jackson.databind.util.StdConverter;
import io.earshot.reply.domain.QueueItem.Approval;
import io.earshot.reply.domain.QueueItem.Author;
import io.earshot.reply.domain.QueueItem.Draft;
import io.earshot.reply.domain.QueueItem.Moderation;
import io.earshot.reply.domain.QueueItem.Pii;
import io.earshot.reply.domain.QueueItem.Publication;
import io.earshot.reply.domain.QueueItem.State;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A {@link QueueItem} as Redis stores it and the API shows it: one flat object, field for field what the item was
 * before it had parts, so stored queues, API clients and the OpenAPI document see no change (GoldenJsonTest). The one
 * place the flat names meet the parts: a new field is a component of its part and one here.
 */
@Schema(name = "QueueItem")
public record QueueItemJson(
        String id,
        String commentId,
        String platform,
        String threadKey,
        String threadId,
        String externalId,
        String parentId,
        Author author,
        String text,
        String permalink,
        Instant commentCreatedAt,
        String lang,
        String label,
        double confidence,
        Map<String, Double> scores,
        List<String> flags,
        int priority,
        List<String> explanation,
        Draft draft,
        State state,
        long version,
        Instant queuedAt,
        Instant updatedAt,
        int commentVersion,
        List<Pii> pii,
        String topic,
        Instant slaDeadline,
        String claimedBy,
        String assignee,
        String team,
        Instant snoozedUntil,
        String suggestion,
        String stateReason,
        Approval approval,
        Publication publication,
        Moderation moderation,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        String account,
        @Schema(description = "true when a supervisor marked the author VIP (absent otherwise); set by the API, never stored")
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        Boolean vip) {

    /** The flat form of an item. */
    public static QueueItemJson of(QueueItem i) {
        QueueItemComment c = i.comment();
        QueueItemVerdict v = i.verdict();
        QueueItemHandling h = i.handling();
        return new QueueItemJson(i.id(), c.commentId(), c.platform(), c.threadKey(), c.threadId(), c.externalId(),
                c.parentId(), c.author(), c.text(), c.permalink(), c.createdAt(), v.lang(), v.label(), v.confidence(),
                v.scores(), v.flags(), v.priority(), v.explanation(), i.draft(), h.state(), h.version(), h.queuedAt(),
                h.updatedAt(), c.version(), c.pii(), v.topic(), h.slaDeadline(), h.claimedBy(), h.assignee(), h.team(),
                h.snoozedUntil(), h.suggestion(), h.stateReason(), i.approval(), i.publication(), i.moderation(),
                c.account(), null);
    }

    /** The same with the VIP mark as the API shows it: {@code true}, or absent. */
    public QueueItemJson withVip(boolean isVip) {
        return new QueueItemJson(id, commentId, platform, threadKey, threadId, externalId, parentId, author, text,
                permalink, commentCreatedAt, lang, label, confidence, scores, flags, priority, explanation, draft, state,
                version, queuedAt, updatedAt, commentVersion, pii, topic, slaDeadline, claimedBy, assignee, team,
                snoozedUntil, suggestion, stateReason, approval, publication, moderation, account, isVip ? Boolean.TRUE : null);
    }

    /** The item in parts. */
    public QueueItem toItem() {
        return new QueueItem(id,
                new QueueItemComment(commentId, platform, threadKey, threadId, externalId, parentId, author, text,
                        permalink, commentCreatedAt, commentVersion, pii, account),
                new QueueItemVerdict(lang, label, confidence, scores, flags, priority, explanation, topic),
                draft,
                new QueueItemHandling(state, version, queuedAt, updatedAt, slaDeadline, claimedBy, assignee, team,
                        snoozedUntil, suggestion, stateReason),
                approval, publication, moderation);
    }

    /** Jackson writes an item as its flat form. */
    public static final class Write extends StdConverter<QueueItem, QueueItemJson> {
        @Override
        public QueueItemJson convert(QueueItem item) {
            return of(item);
        }
    }

    /** Jackson reads an item from its flat form. */
    public static final class Read extends StdConverter<QueueItemJson, QueueItem> {
        @Override
        public QueueItem convert(QueueItemJson json) {
            return json.toItem();
        }
    }
}
