package io.earshot.reply.workflow;

import io.earshot.reply.domain.Actor;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.domain.QueueItems;
import io.earshot.reply.domain.ReplyLint;
import io.earshot.reply.domain.WorkflowException;
import io.earshot.reply.domain.WorkflowException.FieldError;
import io.earshot.reply.domain.WorkflowException.Reason;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * What a draft must pass before it is approved: not empty (never overridable, or the approval would be lost
 * silently), the lint (a supervisor may override it), and for a machine translation the hash of the texts the
 * responder was shown. Kept apart from the commit so each rule reads on its own.
 */
@ApplicationScoped
public class ApprovalChecks {

    /** A draft that passed: the lint codes a supervisor overrode, and the note for the audit trail (null: none). */
    public record Passed(List<String> overridden, String note) {
    }

    private final Lints lints;

    public ApprovalChecks(Lints lints) {
        this.lints = lints;
    }

    /** Checks the item's current draft, or throws the refusal that names the field at fault. */
    public Passed check(QueueItem item, Actor actor, boolean override, String shownTextHash) {
        String translated = translated(item, shownTextHash);
        if (item.draftText() == null || item.draftText().isBlank()) {
            throw new WorkflowException(Reason.EMPTY_DRAFT, "the reply is empty: write it (PUT .../draft) before approving",
                    List.of(new FieldError("draft.text", "is empty; an empty reply cannot be approved or published")), null);
        }
        ReplyLint.Result lint = lints.lint(item, item.draftText());
        if (!lint.ok() && !(override && actor.supervisor())) {
            throw new WorkflowException(Reason.LINT_FAILED,
                    "the reply fails the lint (" + String.join(", ", lint.codes()) + ")"
                            + (override ? "; only a supervisor can override it" : "; fix it, or ask a supervisor to override"),
                    lint.findings().stream().map(f -> new FieldError("draft." + f.code(), f.message())).toList(), null);
        }
        List<String> overridden = lint.ok() ? List.of() : lint.codes();
        String overrideNote = overridden.isEmpty() ? null
                : "lint overridden by " + actor.name() + ": " + String.join(", ", overridden);
        String note = translated == null ? overrideNote : overrideNote == null ? translated : translated + "; " + overrideNote;
        return new Passed(overridden, note);
    }

    /**
     * Null for a draft a person wrote; for a machine-translated one, the audit note, or a refusal when the translation
     * was never shown (no hash) or changed after it was shown (another hash; see {@link QueueItems#shownTextHash}).
     */
    private static String translated(QueueItem item, String shownTextHash) {
        QueueItem.Translation t = item.draft() == null ? null : item.draft().translation();
        if (t == null) {
            return null;
        }
        if (shownTextHash == null || shownTextHash.isBlank()) {
            throw new WorkflowException(Reason.TRANSLATION_NOT_SHOWN,
                    "the reply is a machine translation: approve it from a view that shows it in both languages, "
                            + "sending translation.reply.shownTextHash as shownTextHash",
                    List.of(new FieldError("shownTextHash",
                            "is required for a machine-translated reply (the hash of the texts you were shown)")), null);
        }
        String current = QueueItems.shownTextHash(item.draft());
        if (!current.equals(shownTextHash.strip())) {
            throw new WorkflowException(Reason.SHOWN_TEXT_CHANGED, "the translated reply changed after it was shown to you"
                    + " (shownTextHash " + shownTextHash.strip() + ", now " + current + "); reload it and read both texts again");
        }
        return "machine-translated reply approved after both texts were shown: " + t.sourceLang() + " -> "
                + item.draft().lang() + " by " + t.model() + " (" + t.provider() + "), shown " + current;
    }
}
