package io.earshot.reply.domain;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One comment waiting for a human, in parts that change for different reasons: what was said
 * ({@link QueueItemComment}), triage's verdict ({@link QueueItemVerdict}), the drafted reply, where it stands and who
 * handles it ({@link QueueItemHandling}), the approval, the publication and the moderation. A change copies one part
 * ({@code with*}); nothing builds an item field by field.
 *
 * <p>Redis and the API hold the item as one flat JSON object, as before it had parts; {@link QueueItemJson} maps it.
 * The read-through accessors below ({@link #text()}, {@link #state()}, ...) keep reading sites short.
 *
 * @param approval who approved which text, and the idempotency key the reply is published with
 * @param publication attempts to publish and their outcome
 * @param moderation whether the comment is visible, hidden or deleted on the platform
 */
@JsonSerialize(converter = QueueItemJson.Write.class)
@JsonDeserialize(converter = QueueItemJson.Read.class)
public record QueueItem(
        String id,
        QueueItemComment comment,
        QueueItemVerdict verdict,
        Draft draft,
        QueueItemHandling handling,
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

    public QueueItem withComment(UnaryOperator<QueueItemComment> change) {
        return new QueueItem(id, change.apply(comment), verdict, draft, handling, approval, publication, moderation);
    }

    public QueueItem withVerdict(UnaryOperator<QueueItemVerdict> change) {
        return new QueueItem(id, comment, change.apply(verdict), draft, handling, approval, publication, moderation);
    }

    public QueueItem withHandling(UnaryOperator<QueueItemHandling> change) {
        return new QueueItem(id, comment, verdict, draft, change.apply(handling), approval, publication, moderation);
    }

    public QueueItem withId(String id) {
        return new QueueItem(id, comment, verdict, draft, handling, approval, publication, moderation);
    }

    public QueueItem withDraft(Draft draft) {
        return new QueueItem(id, comment, verdict, draft, handling, approval, publication, moderation);
    }

    public QueueItem withApproval(Approval approval) {
        return new QueueItem(id, comment, verdict, draft, handling, approval, publication, moderation);
    }

    public QueueItem withPublication(Publication publication) {
        return new QueueItem(id, comment, verdict, draft, handling, approval, publication, moderation);
    }

    public QueueItem withModeration(Moderation moderation) {
        return new QueueItem(id, comment, verdict, draft, handling, approval, publication, moderation);
    }

    /** Shortcut for the most common change: the state (and nothing else). */
    public QueueItem withState(State state) {
        return withHandling(h -> h.withState(state));
    }

    /** Shortcut: why the item is in its state. */
    public QueueItem withStateReason(String stateReason) {
        return withHandling(h -> h.withStateReason(stateReason));
    }

    /** The item's draft text, or null. */
    public String draftText() {
        return draft == null ? null : draft.text();
    }

    // read-through accessors of comment
    public String commentId() { return comment.commentId(); }
    public String platform() { return comment.platform(); }
    public String threadKey() { return comment.threadKey(); }
    public String threadId() { return comment.threadId(); }
    public String externalId() { return comment.externalId(); }
    public String parentId() { return comment.parentId(); }
    public Author author() { return comment.author(); }
    public String text() { return comment.text(); }
    public String permalink() { return comment.permalink(); }
    public Instant commentCreatedAt() { return comment.createdAt(); }
    public int commentVersion() { return comment.version(); }
    public List<Pii> pii() { return comment.pii(); }

    // read-through accessors of verdict
    public String lang() { return verdict.lang(); }
    public String label() { return verdict.label(); }
    public double confidence() { return verdict.confidence(); }
    public Map<String, Double> scores() { return verdict.scores(); }
    public List<String> flags() { return verdict.flags(); }
    public int priority() { return verdict.priority(); }
    public List<String> explanation() { return verdict.explanation(); }
    public String topic() { return verdict.topic(); }

    // read-through accessors of handling
    public State state() { return handling.state(); }
    public long version() { return handling.version(); }
    public Instant queuedAt() { return handling.queuedAt(); }
    public Instant updatedAt() { return handling.updatedAt(); }
    public Instant slaDeadline() { return handling.slaDeadline(); }
    public String claimedBy() { return handling.claimedBy(); }
    public String assignee() { return handling.assignee(); }
    public String team() { return handling.team(); }
    public Instant snoozedUntil() { return handling.snoozedUntil(); }
    public String suggestion() { return handling.suggestion(); }
    public String stateReason() { return handling.stateReason(); }
}
