package io.earshot.reply.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One comment waiting for a human: what was said, triage's verdict, the drafted reply and where it stands.
 *
 * @param version incremented on every change, so a stale edit can be refused
 * @param commentVersion the version of the comment this item reflects (edits raise it)
 * @param pii personal data triage found in the comment text, as character spans
 * @param topic what the comment is about, when triage says (selects a topic template)
 * @param slaDeadline when a reply is due, from the label's and priority's SLA
 * @param claimedBy who held the claim when it was last taken; the live claim is a Redis lock with a TTL
 * @param assignee the person the item is assigned to
 * @param team the team the item is assigned to
 * @param snoozedUntil when a snoozed item returns to the queue
 * @param suggestion what the team is advised to do besides replying, e.g. {@code hide} for abuse
 * @param stateReason why the item is in its state (rejection reason, failure, retraction)
 * @param approval who approved which text, and the idempotency key the reply is published with
 * @param publication attempts to publish and their outcome
 * @param moderation whether the comment is visible, hidden or deleted on the platform
 */
public record QueueItem(
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
        Moderation moderation) {

    /** Where an item stands. */
    public enum State {
        pending, claimed, approved, publishing, published, failed, rejected, escalated, snoozed, retracted;

        /** Nothing more happens to an item in a terminal state. */
        public boolean terminal() {
            return this == published || this == rejected || this == retracted;
        }
    }

    public record Author(String id, String handle, String displayName) {
    }

    /**
     * A proposed reply and what produced it.
     *
     * @param source template:lang:kind, llm:model, staff:user, mt:model (translated from the responder's text), or
     *        policy:... when no reply should be sent
     * @param commentVersion the comment version the draft was written for
     * @param translation set when the text is a machine translation of what a responder wrote
     */
    public record Draft(String text, String lang, String source, String editedBy, Integer commentVersion,
                        Translation translation) {

        public Draft(String text, String lang, String source, String editedBy, Integer commentVersion) {
            this(text, lang, source, editedBy, commentVersion, null);
        }

        public Draft(String text, String lang, String source) {
            this(text, lang, source, null, null, null);
        }
    }

    /**
     * A draft whose text a machine translated from what a responder wrote in their own language: kept so the page
     * can show the reply in both languages, and so approval can demand that both were shown.
     *
     * @param sourceText what the responder wrote
     * @param sourceLang the language they wrote it in
     * @param backTranslation the draft translated back into {@code sourceLang}, or null when that failed
     * @param provider the translation endpoint's host
     * @param model the model that translated
     */
    public record Translation(String sourceText, String sourceLang, String backTranslation, String provider,
                              String model, Instant at) {
    }

    /** Personal data in the comment text, {@code [start, end)} in UTF-16 code units. */
    public record Pii(String type, int start, int end) {
    }

    /**
     * A human's approval: the only thing that lets a reply be published.
     *
     * @param text exactly the text that will be published
     * @param idempotencyKey sent with every attempt, so retries of one approval publish one reply
     * @param lintOverride lint findings a supervisor overrode, empty when the lint passed
     * @param commentVersion the comment version that was answered
     * @param keyId the key that signed the approval
     * @param signature the HMAC ({@link ApprovalSignature}) without which nothing is published
     */
    public record Approval(String by, Instant at, String text, String idempotencyKey, List<String> lintOverride,
                           Integer commentVersion, String keyId, String signature) {

        /** An unsigned approval (tests, legacy data): the publisher refuses it. */
        public Approval(String by, Instant at, String text, String idempotencyKey, List<String> lintOverride) {
            this(by, at, text, idempotencyKey, lintOverride, null, null, null);
        }
    }

    /**
     * Publishing attempts.
     *
     * @param attempts attempts started; more than zero means a reply may already exist on the platform
     */
    public record Publication(int attempts, Instant lastAttemptAt, Instant nextAttemptAt, String lastError,
                              String platformReplyId, Instant publishedAt, boolean tokenExpired) {

        public static final Publication NONE = new Publication(0, null, null, null, null, null, false);
    }

    /** The comment's visibility on the platform, and who changed it. */
    public record Moderation(String status, String by, Instant at) {
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The item's draft text, or null. */
    public String draftText() {
        return draft == null ? null : draft.text();
    }

    /** Copies an item with some fields changed. */
    public static final class Builder {
        private String id;
        private String commentId;
        private String platform;
        private String threadKey;
        private String threadId;
        private String externalId;
        private String parentId;
        private Author author;
        private String text;
        private String permalink;
        private Instant commentCreatedAt;
        private String lang;
        private String label;
        private double confidence;
        private Map<String, Double> scores;
        private List<String> flags;
        private int priority;
        private List<String> explanation;
        private Draft draft;
        private State state;
        private long version;
        private Instant queuedAt;
        private Instant updatedAt;
        private int commentVersion;
        private List<Pii> pii;
        private String topic;
        private Instant slaDeadline;
        private String claimedBy;
        private String assignee;
        private String team;
        private Instant snoozedUntil;
        private String suggestion;
        private String stateReason;
        private Approval approval;
        private Publication publication;
        private Moderation moderation;

        public Builder() {
        }

        Builder(QueueItem i) {
            this.id = i.id;
            this.commentId = i.commentId;
            this.platform = i.platform;
            this.threadKey = i.threadKey;
            this.threadId = i.threadId;
            this.externalId = i.externalId;
            this.parentId = i.parentId;
            this.author = i.author;
            this.text = i.text;
            this.permalink = i.permalink;
            this.commentCreatedAt = i.commentCreatedAt;
            this.lang = i.lang;
            this.label = i.label;
            this.confidence = i.confidence;
            this.scores = i.scores;
            this.flags = i.flags;
            this.priority = i.priority;
            this.explanation = i.explanation;
            this.draft = i.draft;
            this.state = i.state;
            this.version = i.version;
            this.queuedAt = i.queuedAt;
            this.updatedAt = i.updatedAt;
            this.commentVersion = i.commentVersion;
            this.pii = i.pii;
            this.topic = i.topic;
            this.slaDeadline = i.slaDeadline;
            this.claimedBy = i.claimedBy;
            this.assignee = i.assignee;
            this.team = i.team;
            this.snoozedUntil = i.snoozedUntil;
            this.suggestion = i.suggestion;
            this.stateReason = i.stateReason;
            this.approval = i.approval;
            this.publication = i.publication;
            this.moderation = i.moderation;
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder commentId(String commentId) {
            this.commentId = commentId;
            return this;
        }

        public Builder platform(String platform) {
            this.platform = platform;
            return this;
        }

        public Builder threadKey(String threadKey) {
            this.threadKey = threadKey;
            return this;
        }

        public Builder threadId(String threadId) {
            this.threadId = threadId;
            return this;
        }

        public Builder externalId(String externalId) {
            this.externalId = externalId;
            return this;
        }

        public Builder parentId(String parentId) {
            this.parentId = parentId;
            return this;
        }

        public Builder author(Author author) {
            this.author = author;
            return this;
        }

        public Builder text(String text) {
            this.text = text;
            return this;
        }

        public Builder permalink(String permalink) {
            this.permalink = permalink;
            return this;
        }

        public Builder commentCreatedAt(Instant commentCreatedAt) {
            this.commentCreatedAt = commentCreatedAt;
            return this;
        }

        public Builder lang(String lang) {
            this.lang = lang;
            return this;
        }

        public Builder label(String label) {
            this.label = label;
            return this;
        }

        public Builder confidence(double confidence) {
            this.confidence = confidence;
            return this;
        }

        public Builder scores(Map<String, Double> scores) {
            this.scores = scores;
            return this;
        }

        public Builder flags(List<String> flags) {
            this.flags = flags;
            return this;
        }

        public Builder priority(int priority) {
            this.priority = priority;
            return this;
        }

        public Builder explanation(List<String> explanation) {
            this.explanation = explanation;
            return this;
        }

        public Builder draft(Draft draft) {
            this.draft = draft;
            return this;
        }

        public Builder state(State state) {
            this.state = state;
            return this;
        }

        public Builder version(long version) {
            this.version = version;
            return this;
        }

        public Builder queuedAt(Instant queuedAt) {
            this.queuedAt = queuedAt;
            return this;
        }

        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        public Builder commentVersion(int commentVersion) {
            this.commentVersion = commentVersion;
            return this;
        }

        public Builder pii(List<Pii> pii) {
            this.pii = pii;
            return this;
        }

        public Builder topic(String topic) {
            this.topic = topic;
            return this;
        }

        public Builder slaDeadline(Instant slaDeadline) {
            this.slaDeadline = slaDeadline;
            return this;
        }

        public Builder claimedBy(String claimedBy) {
            this.claimedBy = claimedBy;
            return this;
        }

        public Builder assignee(String assignee) {
            this.assignee = assignee;
            return this;
        }

        public Builder team(String team) {
            this.team = team;
            return this;
        }

        public Builder snoozedUntil(Instant snoozedUntil) {
            this.snoozedUntil = snoozedUntil;
            return this;
        }

        public Builder suggestion(String suggestion) {
            this.suggestion = suggestion;
            return this;
        }

        public Builder stateReason(String stateReason) {
            this.stateReason = stateReason;
            return this;
        }

        public Builder approval(Approval approval) {
            this.approval = approval;
            return this;
        }

        public Builder publication(Publication publication) {
            this.publication = publication;
            return this;
        }

        public Builder moderation(Moderation moderation) {
            this.moderation = moderation;
            return this;
        }

        public QueueItem build() {
            return new QueueItem(id, commentId, platform, threadKey, threadId, externalId, parentId, author, text, permalink, commentCreatedAt, lang, label, confidence, scores, flags, priority, explanation, draft, state, version, queuedAt, updatedAt, commentVersion, pii, topic, slaDeadline, claimedBy, assignee, team, snoozedUntil, suggestion, stateReason, approval, publication, moderation);
        }
    }
}
