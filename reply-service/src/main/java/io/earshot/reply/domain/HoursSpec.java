package io.earshot.reply.domain;

import java.time.LocalTime;
import java.util.List;

/**
 * Working hours as people write them (in config, or sent by an admin): a zone, days like {@code MON-FRI}, opening and
 * closing times and closed dates. {@code SlaPolicy} turns it into {@link BusinessHours}, naming the bad part.
 *
 * @param zone     IANA time zone; null or blank: round the clock (or, for an account, the default's zone)
 * @param days     working days, e.g. {@code MON-FRI}, {@code SUN-THU}, {@code MON,WED,FRI}
 * @param open     opening time, local to the zone
 * @param close    closing time, after {@code open}
 * @param holidays closed dates, ISO {@code YYYY-MM-DD}, local to the zone
 * @param always   round the clock whatever the rest says
 */
public record HoursSpec(String zone, String days, LocalTime open, LocalTime close, List<String> holidays, boolean always) {

    public HoursSpec {
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
    }
}
