package io.earshot.triage.domain.priority;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Issue 19: a complaint that names a service failure ranks above one of the same confidence that does not. */
class PriorityScorerTest {

    private final PriorityScorer scorer = new PriorityScorer();

    private PriorityScorer.Priority score(String label, double complaint, List<UrgencyCues.Cue> service) {
        return scorer.score(new PriorityScorer.Input(label, complaint, 0.1, false, false, false, false, List.of(),
                service, null, null, null));
    }

    @Test
    void aNamedServiceFailureRaisesAComplaintOnceWithItsReason() {
        PriorityScorer.Priority plain = score("complaint", 0.47, List.of());
        PriorityScorer.Priority refund = score("complaint", 0.47, List.of(new UrgencyCues.Cue("refund", "refund")));
        PriorityScorer.Priority two = score("complaint", 0.47,
                List.of(new UrgencyCues.Cue("refund", "refund"), new UrgencyCues.Cue("no-answer", "nobody answers")));
        assertEquals(49, plain.score());
        assertEquals(59, refund.score());
        assertEquals(refund.score(), two.score(), "once, however many failures are named");
        assertTrue(two.reasons().contains("+10 service failure: refund (\"refund\"), no-answer (\"nobody answers\")"),
                two.reasons()::toString);
    }

    @Test
    void serviceWordsOutsideAComplaintDoNotRaiseIt() {
        List<UrgencyCues.Cue> cue = List.of(new UrgencyCues.Cue("delivery", "delayed"));
        assertEquals(score("neutral", 0.2, List.of()).score(), score("neutral", 0.2, cue).score());
        assertEquals(score("praise", 0.05, List.of()).score(), score("praise", 0.05, cue).score());
    }
}
