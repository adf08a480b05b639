package io.earshot.triage.domain.stance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The combination rule alone, on hand-made probabilities: clear text wins, ambiguous text follows the stars. */
class StarRatingPriorTest {

    static final String[] LABELS = {Stance.PRAISE, Stance.COMPLAINT, Stance.NEUTRAL};
    final StarRatingPrior prior = new StarRatingPrior(1.0);

    static int best(double[] p) {
        int b = 0;
        for (int j = 1; j < p.length; j++) {
            if (p[j] > p[b]) {
                b = j;
            }
        }
        return b;
    }

    @Test
    void aClearComplaintStaysAComplaintUnderFiveStars() {
        double[] p = {0.005, 0.989, 0.006};
        prior.combine(5, LABELS, p);
        assertEquals(1, best(p));
        assertTrue(p[0] > 0.005, "the stars still moved probability towards praise");
    }

    @Test
    void aClearPraiseStaysPraiseUnderOneStar() {
        double[] p = {0.988, 0.003, 0.009};
        prior.combine(1, LABELS, p);
        assertEquals(0, best(p));
    }

    @Test
    void ambiguousTextFollowsTheStars() {
        double[] low = {0.40, 0.24, 0.36};
        prior.combine(1, LABELS, low);
        assertEquals(1, best(low), "one star: complaint");
        double[] high = {0.30, 0.40, 0.30};
        prior.combine(5, LABELS, high);
        assertEquals(0, best(high), "five stars: praise");
        double[] mid = {0.40, 0.30, 0.30};
        prior.combine(3, LABELS, mid);
        assertEquals(2, best(mid), "three stars lean neutral");
    }

    @Test
    void theResultIsADistribution() {
        double[] p = {0.2, 0.5, 0.3};
        prior.combine(4, LABELS, p);
        assertEquals(1.0, p[0] + p[1] + p[2], 1e-12);
    }

    @Test
    void noRatingWeightZeroOrARatingOutOfRangeChangesNothing() {
        double[] p = {0.2, 0.5, 0.3};
        prior.combine(null, LABELS, p);
        assertArrayEquals(new double[] {0.2, 0.5, 0.3}, p);
        new StarRatingPrior(0).combine(1, LABELS, p);
        assertArrayEquals(new double[] {0.2, 0.5, 0.3}, p);
        prior.combine(0, LABELS, p);
        prior.combine(6, LABELS, p);
        assertArrayEquals(new double[] {0.2, 0.5, 0.3}, p);
    }

    @Test
    void aHigherWeightLetsTheStarsOverruleMore() {
        double[] p = {0.04, 0.92, 0.04};
        prior.combine(5, LABELS, p);
        assertEquals(1, best(p), "weight 1: the complaint (23:1) holds");
        double[] q = {0.05, 0.90, 0.05};
        new StarRatingPrior(2.0).combine(5, LABELS, q);
        assertEquals(0, best(q), "weight 2: five stars win");
    }

    @Test
    void explanationNamesTheRatingAndItsPush() {
        assertTrue(prior.explain(1, Stance.COMPLAINT).matches("1-star rating \\(\\+\\d\\.\\d\\d\\)"),
                prior.explain(1, Stance.COMPLAINT));
        assertTrue(prior.explain(1, Stance.PRAISE).startsWith("1-star rating (-"));
    }

    @Test
    void ratingsAreReadAsPlatformsSendThem() {
        assertEquals(5, StarRatingPrior.parse(5));
        assertEquals(4, StarRatingPrior.parse("4"));
        assertEquals(3, StarRatingPrior.parse(2.5));
        assertNull(StarRatingPrior.parse("FIVE"));
        assertNull(StarRatingPrior.parse(0));
        assertNull(StarRatingPrior.parse(7));
        assertNull(StarRatingPrior.parse(null));
        assertNull(StarRatingPrior.parse(true));
        assertThrows(IllegalArgumentException.class, () -> new StarRatingPrior(-1));
    }
}
