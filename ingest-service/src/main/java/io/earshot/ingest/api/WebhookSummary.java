package io.earshot.ingest.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.earshot.ingest.domain.CommentIntake.Outcome;
import io.earshot.ingest.domain.CommentIntake.Status;
import io.earshot.ingest.domain.MetaDeliveries;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a webhook delivery held and what became of it (platforms ignore the body; integrators and operators read it).
 *
 * @param comments comment changes read from the delivery
 * @param accepted published now
 * @param duplicates published before (a redelivery)
 * @param ownSkipped written by the business's own page or account, not published
 * @param ignored other items (likes, posts, ...) acknowledged and counted, by kind
 * @param skipped changes that did not become comments, by reason (own comments and other items included)
 * @param deadLettered of those, how many looked like comments and were kept on the dead-letter topic
 * @param rejected items of a batch refused for their content (each named in {@code results})
 * @param mentionsQueued Instagram mentions kept on {@code webhooks.meta}, to be read from the Graph API after the answer
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookSummary(int comments, int accepted, int duplicates, Integer ownSkipped, Map<String, Integer> ignored,
        Map<String, Integer> skipped, Integer deadLettered, Integer rejected, List<IntakeResult> results, Integer mentionsQueued) {

    static WebhookSummary of(List<Outcome> outcomes, Integer ownSkipped, Map<String, Integer> ignored, boolean withResults) {
        int accepted = (int) outcomes.stream().filter(o -> o.status() == Status.ACCEPTED).count();
        int duplicates = (int) outcomes.stream().filter(o -> o.status() == Status.DUPLICATE).count();
        List<IntakeResult> results = withResults ? outcomes.stream().map(o -> new IntakeResult(o.comment().commentId(),
                o.comment().eventId(), o.status().name().toLowerCase())).toList() : null;
        return new WebhookSummary(outcomes.size(), accepted, duplicates, ownSkipped, ignored, null, null, null, results, null);
    }

    WebhookSummary withResults(List<IntakeResult> all, int rejectedCount) {
        return new WebhookSummary(comments, accepted, duplicates, ownSkipped, ignored, skipped, deadLettered, rejectedCount, all, mentionsQueued);
    }

    WebhookSummary withMentions(int queued) {
        return queued == 0 ? this : new WebhookSummary(comments, accepted, duplicates, ownSkipped, ignored, skipped,
                deadLettered, rejected, results, queued);
    }

    WebhookSummary withSkipped(List<MetaDeliveries.Skipped> changes, int deadLetters) {
        Map<String, Integer> byReason = new TreeMap<>();
        changes.forEach(s -> byReason.merge(s.reason(), 1, Integer::sum));
        return new WebhookSummary(comments, accepted, duplicates, ownSkipped, ignored, byReason, deadLetters, rejected, results, mentionsQueued);
    }
}
