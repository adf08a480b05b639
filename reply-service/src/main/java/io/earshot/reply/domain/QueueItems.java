package io.earshot.reply.domain;

import io.earshot.reply.messaging.ReplyEvent;
import io.earshot.reply.messaging.TriagedComment;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** Turns a triaged comment into a queue item with its first draft, and items into reply events. */
public final class QueueItems {

    private QueueItems() {
    }

    /**
     * The SLA of an item: its label's, or the urgent one when the item is urgent and that is shorter, counted in the
     * working time of the comment's account ({@link AccountHours}; round the clock when none are configured).
     */
    public record Sla(Map<String, Duration> byLabel, Duration urgent, int urgentPriority, AccountHours hours) {

        public Sla {
            hours = hours == null ? AccountHours.ALWAYS : hours;
        }

        /** An SLA round the clock. */
        public Sla(Map<String, Duration> byLabel, Duration urgent, int urgentPriority) {
            this(byLabel, urgent, urgentPriority, AccountHours.ALWAYS);
        }

        public Duration of(String kind, int priority) {
            Duration base = byLabel.getOrDefault(kind == null ? "neutral" : kind, byLabel.getOrDefault("neutral", Duration.ofHours(24)));
            return priority >= urgentPriority && urgent.compareTo(base) < 0 ? urgent : base;
        }

        /** When a reply to a comment that arrived at {@code arrived} is due: its SLA of working time later. */
        public Instant due(Instant arrived, String kind, int priority, String platform, String account) {
            return hours.of(platform, account).addWorking(arrived, of(kind, priority));
        }

        /** The working time of an item's account between two instants (elapsed time round the clock). */
        public Duration working(QueueItem item, Instant from, Instant to) {
            return hours.of(item.platform(), account(item)).workingBetween(from, to);
        }

        private static String account(QueueItem item) {
            return item.comment() == null ? null : item.comment().account();
        }
    }

    /** The kind of reply a comment needs: a question gets an answer unless it is a complaint. */
    public static String kind(QueueItem item) {
        boolean question = item.flags() != null && item.flags().contains("question");
        return question && !"complaint".equals(item.label()) ? "question" : item.label();
    }

    /** Abuse and spam get a hide suggestion, never a reply in kind. */
    public static boolean noReply(QueueItem item) {
        return item.flags().contains("abusive") || item.flags().contains("spam");
    }

    /**
     * How a draft addresses the commenter: the display name, else the handle, sanitised ({@link AuthorNames#forReply}:
     * no bidi controls, mentions, links, domains or phone numbers, length-capped), else nobody.
     */
    public static String authorName(QueueItem item) {
        QueueItem.Author a = item.author();
        if (a == null) {
            return null;
        }
        String name = AuthorNames.forReply(a.displayName());
        return name != null ? name : AuthorNames.forReply(a.handle());
    }

    public static QueueItem fromTriaged(TriagedComment triaged, Function<QueueItem, QueueItem.Draft> drafter, Sla sla,
                                        Instant now) {
        QueueItemComment comment = comment(triaged);
        Instant created = comment.createdAt() == null ? now : comment.createdAt();
        QueueItem item = new QueueItem(triaged.comment().commentId(), comment.withCreatedAt(created), verdict(triaged),
                null, new QueueItemHandling(QueueItem.State.pending, 1, now, now, null, null, null, null, null, null, null),
                null, QueueItem.Publication.NONE, null);
        Instant due = sla.due(created, kind(item), item.priority(), item.platform(), triaged.comment().account());
        String suggestion = noReply(item) ? "hide" : null;
        item = item.withHandling(h -> h.withSlaDeadline(due).withSuggestion(suggestion));
        return item.withDraft(drafter.apply(item));
    }

    /** Copies what the comment and triage say into an item whose comment was edited. */
    public static QueueItem withComment(QueueItem item, TriagedComment triaged) {
        return new QueueItem(triaged.comment().commentId(), comment(triaged), verdict(triaged), item.draft(),
                item.handling(), item.approval(), item.publication(), item.moderation());
    }

    /** What the comment says, as an item part. */
    static QueueItemComment comment(TriagedComment triaged) {
        TriagedComment.Comment c = triaged.comment();
        // author fields are hostile input like the text: normalised as comment text is
        var author = c.author() == null ? null : new QueueItem.Author(AuthorNames.normalize(c.author().id()),
                AuthorNames.normalize(c.author().handle()), AuthorNames.normalize(c.author().displayName()));
        List<QueueItem.Pii> pii = triaged.triage().pii() == null ? List.of()
                : triaged.triage().pii().stream().map(p -> new QueueItem.Pii(p.type(), p.start(), p.end())).toList();
        return new QueueItemComment(c.commentId(), c.platform(), c.platform() + ":" + c.threadId(), c.threadId(),
                c.externalId(), c.parentId(), author, c.text(), c.permalink(), c.createdAt(), Math.max(1, c.version()),
                pii, c.account());
    }

    /** What triage says, as an item part. */
    static QueueItemVerdict verdict(TriagedComment triaged) {
        TriagedComment.Triage t = triaged.triage();
        List<String> flags = t.flags() == null ? List.of() : List.copyOf(t.flags());
        return new QueueItemVerdict(t.lang(), t.label(), t.confidence(), t.scores(), flags,
                Math.max(0, Math.min(100, t.priority())), t.explanation() == null ? List.of() : t.explanation(),
                t.topic());
    }

    /** A short reference a customer can quote in a private message. */
    public static String caseReference(String itemId) {
        String compact = itemId.replace("-", "");
        return (compact.length() >= 8 ? compact.substring(0, 8) : compact).toUpperCase(Locale.ROOT);
    }

    /**
     * The event announcing a new item, always at version 1 (so its id is the same however often it is made, a rebuilt
     * or redelivered item included).
     */
    public static ReplyEvent drafted(QueueItem item, Instant at) {
        QueueItem first = item.version() == 1 ? item : item.withHandling(h -> h.withVersion(1));
        return event(first, "drafted", "system", null, at);
    }

    /** The event announcing an item's state; its id is derived from the item, type and version, so it is stable. */
    public static ReplyEvent event(QueueItem item, String type, String actor, String reason, Instant at) {
        return event(item, type, actor, reason, null, at);
    }

    public static ReplyEvent event(QueueItem item, String type, String actor, String reason, String previousText, Instant at) {
        String eventId = UUID.nameUUIDFromBytes((type + "|" + item.id() + "|" + item.version())
                .getBytes(StandardCharsets.UTF_8)).toString();
        QueueItem.Approval approval = item.approval();
        QueueItem.Publication pub = item.publication();
        boolean signed = "approved".equals(type) && approval != null;
        String text = switch (type) {
            case "approved", "publishing", "published", "failed", "retried" -> approval == null ? item.draftText() : approval.text();
            default -> item.draftText();
        };
        return new ReplyEvent(eventId, type, item.id(), item.commentId(), item.platform(), item.threadKey(),
                item.state().name(), item.draft() == null ? item.lang() : item.draft().lang(),
                text, actor, reason, pub == null ? null : pub.platformReplyId(), at,
                item.version(), previousText, item.assignee(), item.team(), item.snoozedUntil(),
                approval == null ? null : approval.idempotencyKey(),
                approval == null || approval.lintOverride() == null || approval.lintOverride().isEmpty() ? null : approval.lintOverride(),
                item.draft() == null ? null : item.draft().source(),
                item.commentVersion() > 0 ? item.commentVersion() : null,
                item.moderation() == null ? null : item.moderation().status(),
                "edited".equals(type) && item.draft() != null ? item.draft().translation() : null,
                signed ? approval.at() : null, signed ? approval.keyId() : null, signed ? approval.signature() : null,
                null, null, null, "reprioritised".equals(type) ? item.priority() : null);
    }

    /**
     * The {@code sla_breached} notice of an item whose reply deadline passed: routing facts only (platform, account,
     * label, priority, assignee, team, deadline), never the comment, the draft or the author. Its id is derived from
     * the item and the deadline, so a replay of the same breach is a repeat; its version is the item's, not newer.
     */
    public static ReplyEvent slaBreached(QueueItem item, Instant at) {
        String eventId = UUID.nameUUIDFromBytes(("sla_breached|" + item.id() + "|" + item.slaDeadline().toEpochMilli())
                .getBytes(StandardCharsets.UTF_8)).toString();
        return new ReplyEvent(eventId, "sla_breached", item.id(), item.commentId(), item.platform(), item.threadKey(),
                item.state().name(), item.lang(), null, "system", null, null, at, item.version(), null,
                item.assignee(), item.team(), null, null, null, null, null, null, null, null, null, null,
                item.comment().account(), item.slaDeadline(), item.label(), item.priority());
    }

    /**
     * The hash of what the page shows of a machine-translated draft: the text to be published and, in the responder's
     * language, what they wrote and the back-translation. Approving such a draft needs it, so the approval is of the
     * texts a person actually saw.
     */
    public static String shownTextHash(QueueItem.Draft draft) {
        QueueItem.Translation t = draft.translation();
        String shown = String.join("\u0000", nz(draft.text()), nz(draft.lang()), t == null ? "" : nz(t.sourceText()),
                t == null ? "" : nz(t.sourceLang()), t == null ? "" : nz(t.backTranslation()));
        return sha256(shown).substring(0, 32);
    }

    /** Hex SHA-256 of a string's UTF-8 bytes. */
    public static String sha256(String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** A stable idempotency key for one approval of one item. */
    public static String idempotencyKey(String itemId, long approvalVersion) {
        return UUID.nameUUIDFromBytes(("publish|" + itemId + "|" + approvalVersion).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
