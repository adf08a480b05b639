package io.earshot.triage.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A review's star rating through the whole engine with the shipped models: the text decides when it is clear. */
class StarRatingTriageTest {

    static TriageEngine engine;

    @BeforeAll
    static void load() {
        engine = TriageEngine.withDefaults();
    }

    static TriageResult review(String text, String lang, Integer stars) {
        return engine.triage(new TriageRequest(text, lang, "google", null, null, null, 0, stars));
    }

    @Test
    void aFiveStarReviewWhoseTextIsAClearComplaintStaysAComplaint() {
        TriageResult r = review("Terrible service, the parcel arrived broken and support never replied.", "en", 5);
        assertEquals("complaint", r.label(), r::toString);
        assertTrue(r.explanation().get(0).startsWith("5-star rating (-"), r::toString);
    }

    @Test
    void aOneStarReviewWhoseTextIsClearPraiseStaysPraise() {
        TriageResult r = review("Livrare rapida, produs conform descrierii. Recomand!", "ro", 1);
        assertEquals("praise", r.label(), r::toString);
    }

    @ParameterizedTest(name = "one star, text \"{0}\"")
    @ValueSource(strings = {"", "ok", "Went there on Saturday.", "It was fine I guess, the shop is on the corner."})
    void aOneStarReviewWithoutClearTextIsAComplaint(String text) {
        TriageResult r = review(text, null, 1);
        assertEquals("complaint", r.label(), r::toString);
        assertTrue(r.explanation().get(0).startsWith("1-star rating (+"), r::toString);
    }

    @Test
    void aFiveStarReviewWithoutTextIsPraise() {
        assertEquals("praise", review("", null, 5).label());
        assertEquals("praise", review("Went there on Saturday.", "en", 5).label());
    }

    @Test
    void theStarsMoveTheScoresAndThePriorityFollows() {
        String text = "It was fine I guess, the shop is on the corner.";
        TriageResult none = review(text, "en", null);
        TriageResult one = review(text, "en", 1);
        assertTrue(one.scores().get("complaint") > none.scores().get("complaint"));
        assertTrue(one.priority() > none.priority(), () -> none.priority() + " -> " + one.priority());
    }

    @Test
    void withoutARatingTheVerdictIsUnchanged() {
        for (String text : new String[] {"ok", "Terrible service, never again", "Thanks, lovely staff!", ""}) {
            TriageResult before = engine.triage(new TriageRequest(text, "en", "google", null, null, null, 0));
            TriageResult after = review(text, "en", null);
            assertEquals(before, after);
            assertTrue(after.explanation().stream().noneMatch(e -> e.contains("star")), after::toString);
        }
    }
}
