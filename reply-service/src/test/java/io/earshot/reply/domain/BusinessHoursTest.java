package io.earshot.reply.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Working-time arithmetic: closed hours, weekends, holidays and DST changes skipped or counted as they are. */
class BusinessHoursTest {

    private static final ZoneId BUCHAREST = ZoneId.of("Europe/Bucharest");
    private static final BusinessHours NINE_TO_FIVE = new BusinessHours(BUCHAREST, BusinessHours.parseDays("MON-FRI"),
            LocalTime.of(9, 0), LocalTime.of(17, 0), Set.of(LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 1)));

    private static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(BUCHAREST).toInstant();
    }

    @Test
    void fridayAtSixInTheEveningWithATwoHourSlaIsDueMondayAtEleven() {
        // 2026-11-06 is a Friday
        assertEquals(local("2026-11-09T11:00"), NINE_TO_FIVE.addWorking(local("2026-11-06T18:00"), Duration.ofHours(2)));
    }

    @Test
    void whatIsLeftOnFridayCarriesAcrossTheWeekend() {
        assertEquals(local("2026-11-09T10:30"), NINE_TO_FIVE.addWorking(local("2026-11-06T15:30"), Duration.ofHours(3)));
    }

    @Test
    void aSlaLongerThanADaySpansWorkingDaysOnly() {
        // 24 working hours from Wednesday 09:00: Wed, Thu, Fri (8 h each) end Friday at 17:00
        assertEquals(local("2026-11-06T17:00"), NINE_TO_FIVE.addWorking(local("2026-11-04T09:00"), Duration.ofHours(24)));
        assertEquals(local("2026-11-09T10:00"), NINE_TO_FIVE.addWorking(local("2026-11-04T09:00"), Duration.ofHours(25)));
    }

    @Test
    void holidaysAreSkipped() {
        // Thursday 24 December 16:00 + 2 h: one hour that day, Friday 25th is a holiday, then the weekend
        assertEquals(local("2026-12-28T10:00"), NINE_TO_FIVE.addWorking(local("2026-12-24T16:00"), Duration.ofHours(2)));
        // a comment on the holiday itself waits for the next working day
        assertEquals(local("2027-01-04T09:30"), NINE_TO_FIVE.addWorking(local("2027-01-01T10:00"), Duration.ofMinutes(30)));
    }

    @Test
    void insideHoursTheClockSimplyRuns() {
        assertEquals(local("2026-11-04T12:00"), NINE_TO_FIVE.addWorking(local("2026-11-04T10:00"), Duration.ofHours(2)));
        assertEquals(local("2026-11-04T17:00"), NINE_TO_FIVE.addWorking(local("2026-11-04T16:00"), Duration.ofHours(1)));
        assertEquals(local("2026-11-05T09:01"), NINE_TO_FIVE.addWorking(local("2026-11-04T16:00"), Duration.ofMinutes(61)));
    }

    @Test
    void beforeOpeningTheClockStartsAtOpening() {
        assertEquals(local("2026-11-04T09:45"), NINE_TO_FIVE.addWorking(local("2026-11-04T06:10"), Duration.ofMinutes(45)));
    }

    @Test
    void openingStaysAtLocalNineAcrossTheSpringDstChange() {
        // Bucharest goes from UTC+2 to UTC+3 on Sunday 29 March 2026: Monday 10:00 local is 07:00 UTC, not 08:00
        Instant due = NINE_TO_FIVE.addWorking(Instant.parse("2026-03-27T14:00:00Z"), Duration.ofHours(2));
        assertEquals(Instant.parse("2026-03-30T07:00:00Z"), due);
        assertEquals(local("2026-03-30T10:00"), due);
    }

    @Test
    void openingStaysAtLocalNineAcrossTheAutumnDstChange() {
        // back to UTC+2 on Sunday 25 October 2026: Monday 10:00 local is 08:00 UTC
        Instant due = NINE_TO_FIVE.addWorking(Instant.parse("2026-10-23T13:00:00Z"), Duration.ofHours(2));
        assertEquals(Instant.parse("2026-10-26T08:00:00Z"), due);
    }

    @Test
    void aDstChangeInsideTheHoursCountsElapsedTime() {
        BusinessHours allWeek = new BusinessHours(BUCHAREST, EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT,
                LocalTime.of(17, 0), Set.of());
        // 29 March 02:00 EET (00:00 UTC) + 2 h elapsed = 02:00 UTC = 05:00 EEST (03:00-04:00 local never happens)
        assertEquals(local("2026-03-29T05:00"), allWeek.addWorking(local("2026-03-29T02:00"), Duration.ofHours(2)));
        // that day has 16 working hours, not 17
        assertEquals(Duration.ofHours(16), allWeek.workingBetween(local("2026-03-29T00:00"), local("2026-03-29T17:00")));
        // 25 October has 18
        assertEquals(Duration.ofHours(18), allWeek.workingBetween(local("2026-10-25T00:00"), local("2026-10-25T17:00")));
    }

    @Test
    void workingTimeBetweenTwoInstantsSkipsWhatIsClosed() {
        assertEquals(Duration.ofHours(2), NINE_TO_FIVE.workingBetween(local("2026-11-06T18:00"), local("2026-11-09T11:00")));
        assertEquals(Duration.ofHours(3), NINE_TO_FIVE.workingBetween(local("2026-11-06T15:30"), local("2026-11-09T10:30")));
        assertEquals(Duration.ofMinutes(90), NINE_TO_FIVE.workingBetween(local("2026-11-04T07:00"), local("2026-11-04T10:30")));
        assertEquals(Duration.ofHours(1), NINE_TO_FIVE.workingBetween(local("2026-12-24T16:00"), local("2026-12-27T23:00")));
        assertEquals(Duration.ZERO, NINE_TO_FIVE.workingBetween(local("2026-11-09T11:00"), local("2026-11-06T18:00")));
    }

    @Test
    void roundTheClockIsElapsedTime() {
        Instant t = Instant.parse("2026-11-06T16:00:00Z");
        assertEquals(t.plus(Duration.ofHours(2)), BusinessHours.ALWAYS.addWorking(t, Duration.ofHours(2)));
        assertEquals(Duration.ofHours(50), BusinessHours.ALWAYS.workingBetween(t, t.plus(Duration.ofHours(50))));
    }

    @Test
    void daysParseAsListsAndRangesThatMayWrap() {
        assertEquals(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), BusinessHours.parseDays("MON-FRI"));
        assertEquals(EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY), BusinessHours.parseDays("sun-thu"));
        assertEquals(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.SATURDAY), BusinessHours.parseDays("Monday, SAT"));
        assertThrows(IllegalArgumentException.class, () -> BusinessHours.parseDays("MON-FRY"));
        assertThrows(IllegalArgumentException.class, () -> BusinessHours.parseDays(" , "));
    }

    @Test
    void hoursThatCannotWorkAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BusinessHours(BUCHAREST,
                BusinessHours.parseDays("MON-FRI"), LocalTime.of(17, 0), LocalTime.of(9, 0), Set.of()));
        assertThrows(IllegalArgumentException.class, () -> new BusinessHours(BUCHAREST, Set.of(), LocalTime.of(9, 0),
                LocalTime.of(17, 0), Set.of()));
    }

    @Test
    void anAccountsOwnHoursWinOverTheDefault() {
        BusinessHours madrid = new BusinessHours(ZoneId.of("Europe/Madrid"), BusinessHours.parseDays("MON-SAT"),
                LocalTime.of(10, 0), LocalTime.of(14, 0), Set.of());
        AccountHours hours = new AccountHours(NINE_TO_FIVE, Map.of("x:acme-es", madrid));
        assertEquals(madrid, hours.of("x", "acme-es"));
        assertEquals(NINE_TO_FIVE, hours.of("x", "acme-ro"));
        assertEquals(NINE_TO_FIVE, hours.of("facebook", null));
        assertEquals(BusinessHours.ALWAYS, AccountHours.ALWAYS.of("x", "acme-es"));
    }

    @Test
    void theSlaOfAnItemIsCountedInItsAccountsHours() {
        QueueItems.Sla sla = new QueueItems.Sla(Map.of("complaint", Duration.ofHours(2)), Duration.ofMinutes(30), 80,
                new AccountHours(BusinessHours.ALWAYS, Map.of("facebook:shop", NINE_TO_FIVE)));
        Instant friday = local("2026-11-06T18:00");
        assertEquals(local("2026-11-09T11:00"), sla.due(friday, "complaint", 50, "facebook", "shop"));
        assertEquals(local("2026-11-09T09:30"), sla.due(friday, "complaint", 90, "facebook", "shop"));
        assertEquals(friday.plus(Duration.ofHours(2)), sla.due(friday, "complaint", 50, "facebook", "other"));
    }
}
