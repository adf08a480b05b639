package io.earshot.reply.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the queue API. */
public final class Requests {

    private Requests() {
    }

    @Schema(description = "A new draft text, with the item version it was edited from",
            example = "{\"text\":\"Hi Jane, sorry about that! Please DM us your order number (case AB12CD34).\",\"version\":3}")
    public record DraftEdit(@NotNull @Size(max = 20000) String text, @NotNull Long version) {
    }

    @Schema(description = "Text to lint; the current draft when absent", example = "{\"text\":\"Thanks, Jane!\"}")
    public record LintRequest(@Size(max = 20000) String text) {
    }

    @Schema(description = "Approve the current draft. version: the item version you saw (recommended); override: "
            + "a supervisor approves despite lint findings (audited); shownTextHash: required when the draft is a "
            + "machine translation, the translation.reply.shownTextHash of the view that showed it in both languages",
            example = "{\"version\":4,\"override\":false}")
    public record Approve(Long version, boolean override, @Size(max = 128) String shownTextHash) {

        public Approve(Long version, boolean override) {
            this(version, override, null);
        }
    }

    @Schema(description = "A reply written in your own language, to be machine-translated into the commenter's and "
            + "made the draft. from: its language (default: the first language you read); version: the item version "
            + "you saw", example = "{\"text\":\"Sorry about the delay, please send us a private message.\",\"from\":\"en\",\"version\":3}")
    public record TranslateReply(@NotBlank @Size(max = 5000) String text, @Size(max = 16) String from,
                                 @NotNull Long version) {
    }

    @Schema(description = "The languages you read, as BCP-47 primary language subtags; the first is the one comments "
            + "are translated into", example = "{\"languages\":[\"en\",\"de\"]}")
    public record ReaderLanguages(List<String> languages) {
    }

    @Schema(example = "{\"reason\":\"not about us\"}")
    public record Reason(@NotBlank @Size(max = 1000) String reason) {
    }

    @Schema(example = "{\"reason\":\"legal should answer\"}")
    public record OptionalReason(@Size(max = 1000) String reason) {
    }

    @Schema(description = "Until when (or for how many minutes) to snooze", example = "{\"minutes\":60}")
    public record Snooze(Instant until, Integer minutes) {
    }

    @Schema(description = "A person and/or a team", example = "{\"assignee\":\"ana\",\"team\":\"billing\"}")
    public record Assign(@Size(max = 100) @Pattern(regexp = "[\\w.@-]*", message = "must be a user name") String assignee,
                         @Size(max = 100) @Pattern(regexp = "[\\w.@ -]*", message = "must be a team name") String team) {
    }

    @Schema(description = "Several items at once", example = "{\"ids\":[\"0b96...\",\"5d12...\"],\"reason\":\"spam wave\"}")
    public record Bulk(@NotEmpty @Size(max = 500) List<@NotBlank String> ids, @Size(max = 1000) String reason,
                       @Size(max = 100) String assignee, @Size(max = 100) String team) {
    }

    @Schema(description = "A template text with slots {author} {brand} {signature} {case}",
            example = "{\"text\":\"Hi {author}, thanks for your question! {signature}\"}")
    public record TemplateText(@NotBlank @Size(max = 5000) String text) {
    }

    @Schema(description = "A saved reply: a title to find it by, its language (ISO 639) and its text with slots "
            + "{author} {brand} {signature} {case}; owner user:<you> (the default) or team:<name> (supervisors)",
            example = "{\"title\":\"Refund on its way\",\"lang\":\"en\",\"text\":\"Hi {author}, your refund is on its way (case {case}).\",\"owner\":\"team:billing\"}")
    public record SavedReplyNew(@NotBlank @Size(min = 1, max = 80) String title,
                                @NotNull @Pattern(regexp = "[a-z]{2,3}", message = "must be an ISO 639 code") String lang,
                                @NotBlank @Size(min = 1, max = 2000) String text,
                                @Size(max = 110) String owner) {
    }

    @Schema(description = "A saved reply's new title, language and text, with the version it was edited from",
            example = "{\"title\":\"Refund on its way\",\"lang\":\"en\",\"text\":\"Hi {author}, the refund left today.\",\"version\":1}")
    public record SavedReplyEdit(@NotBlank @Size(min = 1, max = 80) String title,
                                 @NotNull @Pattern(regexp = "[a-z]{2,3}", message = "must be an ISO 639 code") String lang,
                                 @NotBlank @Size(min = 1, max = 2000) String text,
                                 @NotNull Long version) {
    }

    @Schema(description = "Optionally, a name linking this account to the same person's accounts on other platforms",
            example = "{\"identity\":\"jane-doe\"}")
    public record VipMark(@Size(max = 100) @Pattern(regexp = "[\\w.@ -]*", message = "must be a short name") String identity) {
    }
}
