package io.earshot.ingest.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.earshot.ingest.domain.CommentIntake.Outcome;
import io.earshot.ingest.domain.CommentIntake.Status;
import java.util.List;
import java.util.Map;

/**
 * What a webhook delivery held and what became of it (platforms ignore the body; integrators and operators read it).
 *
 * @param comments comment changes read from the delivery
 * @param accepted published now
 * @param duplicates published before (a redelivery)
 * @param ownSkipped written by the business's own page or account, not published
 * @param ignored other items (likes, posts, ...) acknowledged and counted, by kind
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookSummary(int comments, int accepted, int duplicates, Integer ownSkipped, Map<String, Integer> ignored,
        List<IntakeResult> results) {

    static WebhookSummary of(List<Outcome> outcomes, Integer ownSkipped, Map<String, Integer> ignored, boolean withResults) {
        int accepted = (int) outcomes.stream().filter(o -> o.status() == Status.ACCEPTED).count();
        int duplicates = (int) outcomes.stream().filter(o -> o.status() == Status.DUPLICATE).count();
        List<IntakeResult> results = withResults ? outcomes.stream().map(o -> new IntakeResult(o.comment().commentId(),
                o.comment().eventId(), o.status().name().toLowerCase())).toList() : null;
        return new WebhookSummary(outcomes.size(), accepted, duplicates, ownSkipped, ignored, results);
    }
}
