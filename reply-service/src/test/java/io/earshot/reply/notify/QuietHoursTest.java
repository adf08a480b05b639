package io.earshot.reply.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Quiet hours in the recipient's zone: overnight windows end the next morning, daytime ones the same day. */
class QuietHoursTest {

    private static final ZoneId BUCHAREST = ZoneId.of("Europe/Bucharest"); // UTC+2 in winter

    private static Optional<Instant> held(String from, String until, String now) {
        return new QuietHours(BUCHAREST, LocalTime.parse(from), LocalTime.parse(until)).heldUntil(Instant.parse(now));
    }

    @Test
    void anOvernightWindowHoldsUntilTheMorningAfter() {
        assertEquals(Optional.of(Instant.parse("2026-11-03T05:00:00Z")), held("22:00", "07:00", "2026-11-02T21:30:00Z"),
                "23:30 local: until 07:00 tomorrow");
        assertEquals(Optional.of(Instant.parse("2026-11-03T05:00:00Z")), held("22:00", "07:00", "2026-11-03T01:00:00Z"),
                "03:00 local: until 07:00 today");
        assertEquals(Optional.empty(), held("22:00", "07:00", "2026-11-03T05:00:00Z"), "07:00 local: sent");
        assertEquals(Optional.empty(), held("22:00", "07:00", "2026-11-02T12:00:00Z"), "14:00 local: sent");
    }

    @Test
    void aDaytimeWindowAndAnEmptyOne() {
        assertEquals(Optional.of(Instant.parse("2026-11-02T12:00:00Z")), held("12:00", "14:00", "2026-11-02T10:30:00Z"));
        assertEquals(Optional.empty(), held("12:00", "14:00", "2026-11-02T12:00:00Z"));
        assertEquals(Optional.empty(), held("09:00", "09:00", "2026-11-02T07:00:00Z"), "equal ends: no quiet hours");
    }

    @Test
    void theEndFollowsTheLocalClockAcrossADstChange() {
        // the night of 2026-10-25 Bucharest goes from UTC+3 to UTC+2: 07:00 local is 05:00Z
        assertEquals(Optional.of(Instant.parse("2026-10-25T05:00:00Z")), held("22:00", "07:00", "2026-10-24T20:00:00Z"));
    }
}
