package io.earshot.reply.notify;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A recipient's quiet hours: a daily window in their time zone, possibly overnight (22:00 to 07:00). A mail due inside
 * it is held until it ends rather than dropped, so no breach goes unreported; a window whose ends are equal is none.
 */
public record QuietHours(ZoneId zone, LocalTime from, LocalTime until) {

    /** When a mail due at {@code now} may be sent: empty when now is outside the window, else the window's end. */
    public Optional<Instant> heldUntil(Instant now) {
        if (from.equals(until)) {
            return Optional.empty();
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime t = local.toLocalTime();
        LocalDate day = local.toLocalDate();
        boolean overnight = from.isAfter(until);
        boolean quiet = overnight ? !t.isBefore(from) || t.isBefore(until) : !t.isBefore(from) && t.isBefore(until);
        if (!quiet) {
            return Optional.empty();
        }
        LocalDate endDay = overnight && !t.isBefore(from) ? day.plusDays(1) : day;
        return Optional.of(ZonedDateTime.of(endDay, until, zone).toInstant());
    }
}
