package io.earshot.reply.domain;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Why the workflow refused something, as a {@link Reason} callers decide on (a lost race is retried, nothing else), with
 * a detail for people and the input fields at fault. It knows nothing of HTTP: {@code api/WorkflowProblems} is the one
 * place that turns it into a problem+json answer.
 */
public class WorkflowException extends RuntimeException {

    /** What went wrong; each has one HTTP rendering in {@code api/WorkflowProblems}. */
    public enum Reason {
        /** No such queue item. */
        NOT_FOUND,
        /** The caller sent a version the item is no longer at. */
        STALE_VERSION,
        /** Another change committed between our read and our write: the only reason worth retrying. */
        CHANGED_MEANWHILE,
        /** The state machine does not allow the action from the item's state. */
        WRONG_STATE,
        /** Someone else holds the claim, or the caller's claim ran out. */
        CLAIMED,
        /** The caller's role does not allow it. */
        FORBIDDEN,
        /** The draft is empty: nothing to approve or publish. */
        EMPTY_DRAFT,
        /** The draft fails the reply lint (one field error per finding). */
        LINT_FAILED,
        /** A machine-translated draft approved without the hash of the texts that were shown. */
        TRANSLATION_NOT_SHOWN,
        /** The translated draft changed after it was shown. */
        SHOWN_TEXT_CHANGED,
        /** Machine translation is switched off or its provider is down. */
        TRANSLATION_UNAVAILABLE,
        /** An input field is malformed. */
        INVALID_INPUT,
        /** Well-formed input the workflow cannot act on. */
        UNPROCESSABLE,
        /** Another long-running job (a rebuild) is already running. */
        BUSY,
        /** The queue is being rebuilt; retry after {@link #retryAfter()}. */
        REBUILDING,
        /** The platform refused the action for good. */
        PLATFORM_REFUSED,
        /** The platform did not answer; retry after {@link #retryAfter()}. */
        PLATFORM_UNAVAILABLE
    }

    /** One bad input field, named by its JSON path (for example {@code draft.text}). */
    public record FieldError(String field, String message) {
    }

    private final Reason reason;
    private final transient List<FieldError> errors;
    private final Duration retryAfter;
    private final transient Map<String, String> args;

    public WorkflowException(Reason reason, String detail) {
        this(reason, detail, null, null);
    }

    public WorkflowException(Reason reason, String detail, List<FieldError> errors, Duration retryAfter) {
        this(reason, detail, errors, retryAfter, Map.of());
    }

    private WorkflowException(Reason reason, String detail, List<FieldError> errors, Duration retryAfter,
                              Map<String, String> args) {
        super(detail);
        this.reason = reason;
        this.errors = errors;
        this.retryAfter = retryAfter;
        this.args = args;
    }

    /** A malformed input field: the detail names the field, as every 400 of the API does. */
    public static WorkflowException badField(String field, String message) {
        return new WorkflowException(Reason.INVALID_INPUT, field + ": " + message, List.of(new FieldError(field, message)), null);
    }

    public static WorkflowException notFound(String id) {
        return new WorkflowException(Reason.NOT_FOUND, "no queue item " + id);
    }

    public static WorkflowException staleVersion(long sent, long current) {
        return new WorkflowException(Reason.STALE_VERSION, "the item changed since you loaded it: you sent version " + sent
                + ", it is at version " + current + "; reload it", null, null,
                Map.of("sent", Long.toString(sent), "current", Long.toString(current)));
    }

    public static WorkflowException wrongState(String detail) {
        return new WorkflowException(Reason.WRONG_STATE, detail);
    }

    public static WorkflowException claimedBy(String holder) {
        return new WorkflowException(Reason.CLAIMED, "the item is claimed by " + holder, null, null, Map.of("holder", holder));
    }

    public Reason reason() {
        return reason;
    }

    public String detail() {
        return getMessage();
    }

    /** The fields at fault; null when the refusal is not about input fields. */
    public List<FieldError> errors() {
        return errors;
    }

    /** The values a translated message of this refusal needs (a claim's holder, versions); empty when none. */
    public Map<String, String> args() {
        return args;
    }

    /** The reason as the API's problem {@code code}: stable, lower case. */
    public String code() {
        return reason.name().toLowerCase(Locale.ROOT);
    }

    /** When a retry may succeed, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
