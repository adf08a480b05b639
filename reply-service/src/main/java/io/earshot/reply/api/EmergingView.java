package io.earshot.reply.api;

import io.earshot.reply.messaging.EmergingIssue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One emerging issue as the queue page's panel shows it: triage's latest version of it, when it was first seen and
 * whether it is still open. Terms and ids only, as the event carries; no comment text.
 */
@Schema(description = "An emerging issue (docs/insights.md): rising complaints or questions sharing terms")
public record EmergingView(
        @Schema(description = "stable id of the issue across its versions") String issueId,
        @Schema(description = "the latest version received (1 when found, one more per announced growth)") int version,
        @Schema(description = "new (version 1), growing (a later version) or closed (no new version for "
                + "earshot.reply.emerging.open-for)", enumeration = {"new", "growing", "closed"}) String status,
        @Schema(description = "the most frequent term: search the queue for it (GET /api/queue?q=...)") String topTerm,
        @Schema(description = "the issue's terms, most frequent first (folded: lower case, no Latin accents)")
        List<EmergingIssue.Term> terms,
        @Schema(description = "distinct comments of the issue in the detector's window") int count,
        @Schema(description = "languages of its comments (ISO 639-1)") List<String> languages,
        @Schema(description = "comments per platform") Map<String, Integer> platforms,
        @Schema(description = "a few of its queue item ids, oldest first") List<String> exampleItemIds,
        @Schema(description = "when reply-service first saw it detected") Instant since,
        @Schema(description = "when its latest version was detected") Instant updatedAt,
        @Schema(description = "start of the latest version's window") Instant windowStart,
        @Schema(description = "end of the latest version's window") Instant windowEnd) {

    static EmergingView of(EmergingIssue issue, Instant since, boolean closed) {
        return new EmergingView(issue.issueId(), issue.version(), closed ? "closed" : issue.status(), issue.topTerm(),
                issue.terms(), issue.count(), issue.languages(), issue.platforms(), issue.exampleItemIds(),
                since == null ? issue.detectedAt() : since, issue.detectedAt(), issue.window().start(),
                issue.window().end());
    }
}
