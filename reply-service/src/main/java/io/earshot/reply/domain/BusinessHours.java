package io.earshot.reply.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * When an account answers: working days, one opening and closing time a day in a time zone, and holidays. An SLA
 * counts only this working time, so a comment that arrives after closing is due some hours after the next opening,
 * not in the night. {@link #ALWAYS} (no zone) is round the clock, the behaviour without business hours.
 *
 * <p>Working time is elapsed time: the day of a DST change is an hour shorter or longer if the change falls inside
 * the hours; opening and closing stay at their local wall-clock times. Hours past midnight (a night shift) are not
 * supported: {@code open} is before {@code close} on the same day.
 */
public record BusinessHours(ZoneId zone, Set<DayOfWeek> days, LocalTime open, LocalTime close, Set<LocalDate> holidays) {

    /** Round the clock: working time is elapsed time. */
    public static final BusinessHours ALWAYS = new BusinessHours(null, EnumSet.allOf(DayOfWeek.class), LocalTime.MIN,
            LocalTime.MAX, Set.of());

    /** No working day in this many days (every day a holiday): the configuration is unusable. */
    private static final int HORIZON_DAYS = 3660;

    public BusinessHours {
        days = days == null || days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
        holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
        if (zone != null) {
            if (days.isEmpty()) {
                throw new IllegalArgumentException("days: at least one working day is needed");
            }
            if (open == null || close == null || !open.isBefore(close)) {
                throw new IllegalArgumentException("open must be before close on the same day, was " + open + "-" + close);
            }
        }
    }

    public boolean always() {
        return zone == null;
    }

    /** The instant {@code work} of working time after {@code start}: closed hours, closed days and holidays skipped. */
    public Instant addWorking(Instant start, Duration work) {
        if (always() || work.isZero() || work.isNegative()) {
            return start.plus(work);
        }
        Duration remaining = work;
        ZonedDateTime t = start.atZone(zone);
        for (int i = 0; i < HORIZON_DAYS; i++) {
            LocalDate date = t.toLocalDate();
            ZonedDateTime next = date.plusDays(1).atStartOfDay(zone);
            if (workingDay(date)) {
                ZonedDateTime opening = date.atTime(open).atZone(zone);
                ZonedDateTime closing = date.atTime(close).atZone(zone);
                ZonedDateTime from = t.isBefore(opening) ? opening : t;
                if (from.isBefore(closing)) {
                    Duration left = Duration.between(from, closing);
                    if (remaining.compareTo(left) <= 0) {
                        return from.plus(remaining).toInstant();
                    }
                    remaining = remaining.minus(left);
                }
            }
            t = next;
        }
        throw new IllegalStateException("no working day within " + HORIZON_DAYS + " days of " + start);
    }

    /** Working time between two instants (zero when {@code to} is not after {@code from}). */
    public Duration workingBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (always()) {
            return Duration.between(from, to);
        }
        Duration total = Duration.ZERO;
        ZonedDateTime end = to.atZone(zone);
        for (LocalDate date = from.atZone(zone).toLocalDate(); !date.isAfter(end.toLocalDate()); date = date.plusDays(1)) {
            if (!workingDay(date)) {
                continue;
            }
            Instant opening = date.atTime(open).atZone(zone).toInstant();
            Instant closing = date.atTime(close).atZone(zone).toInstant();
            Instant a = from.isAfter(opening) ? from : opening;
            Instant b = to.isBefore(closing) ? to : closing;
            if (b.isAfter(a)) {
                total = total.plus(Duration.between(a, b));
            }
        }
        return total;
    }

    /** Whether the account works at all on a (local) date. */
    public boolean workingDay(LocalDate date) {
        return always() || days.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }

    /**
     * Working days from text: days ({@code MON}, {@code monday}) and ranges ({@code MON-FRI}, {@code SUN-THU} wraps
     * round the week) separated by commas.
     */
    public static Set<DayOfWeek> parseDays(String spec) {
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : spec.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            String[] range = p.split("-", 2);
            DayOfWeek first = day(range[0]);
            DayOfWeek last = range.length == 2 ? day(range[1]) : first;
            for (DayOfWeek d = first; ; d = d.plus(1)) {
                days.add(d);
                if (d == last) {
                    break;
                }
            }
        }
        if (days.isEmpty()) {
            throw new IllegalArgumentException("no working day in '" + spec + "'");
        }
        return days;
    }

    private static DayOfWeek day(String s) {
        String key = s.strip().toUpperCase(Locale.ROOT);
        if (key.length() >= 3) {
            for (DayOfWeek d : DayOfWeek.values()) {
                if (d.name().startsWith(key)) {
                    return d;
                }
            }
        }
        throw new IllegalArgumentException("not a day of the week: '" + s.strip() + "' (MON..SUN)");
    }
}
