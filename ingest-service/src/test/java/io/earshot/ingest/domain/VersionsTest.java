package io.earshot.ingest.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VersionsTest {

    private static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");

    @Test
    void aLaterRevisionAlwaysHasALargerNumber() {
        int first = Versions.fromTime(NOW, NOW);
        assertTrue(first > 1);
        assertTrue(Versions.fromTime(NOW.plusSeconds(1), NOW.plusSeconds(1)) > first);
        Instant eightDaysLater = NOW.plus(Duration.ofDays(8));
        assertTrue(Versions.fromTime(eightDaysLater, eightDaysLater) > first);
        assertEquals(Duration.between(Versions.EPOCH, NOW).getSeconds(), first);
    }

    @Test
    void thePlatformsTimeIsUsedUnlessItIsInTheFuture() {
        Instant edited = NOW.minus(Duration.ofHours(3));
        assertEquals(Versions.fromTime(edited, edited), Versions.fromTime(edited, NOW), "a redelivery later: same number");
        assertEquals(Versions.fromTime(null, NOW), Versions.fromTime(NOW.plus(Duration.ofDays(30)), NOW),
                "a clock far ahead does not take every later number");
        assertEquals(2, Versions.fromTime(Instant.EPOCH, NOW), "never 1 (the created comment) or less");
    }

    @Test
    void numbersFitAnIntFarAhead() {
        Instant y2080 = Instant.parse("2080-01-01T00:00:00Z");
        assertTrue(Versions.fromTime(y2080, y2080) > Versions.fromTime(NOW, NOW));
        assertEquals(Integer.MAX_VALUE, Versions.fromTime(Instant.parse("2200-01-01T00:00:00Z"), Instant.parse("2200-01-01T00:00:00Z")));
    }
}
