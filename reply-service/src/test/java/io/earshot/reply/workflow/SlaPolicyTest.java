package io.earshot.reply.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.reply.config.BusinessHoursConfig;
import io.earshot.reply.domain.AccountHours;
import io.earshot.reply.domain.BusinessHours;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How configured hours become the domain's: 24/7 when none, an account's zone from the default, errors named. */
class SlaPolicyTest {

    private record Hours(Optional<String> zone, String days, LocalTime open, LocalTime close,
                         Optional<List<String>> holidays, boolean always) implements BusinessHoursConfig.Hours {
    }

    private record Config(BusinessHoursConfig.Hours defaults, Map<String, BusinessHoursConfig.Hours> accounts)
            implements BusinessHoursConfig {
    }

    private static Hours hours(String zone, String days, String holidays) {
        return new Hours(Optional.ofNullable(zone), days, LocalTime.of(9, 0), LocalTime.of(17, 0),
                Optional.ofNullable(holidays).map(h -> List.of(h.split(","))), false);
    }

    @Test
    void nothingConfiguredIsRoundTheClock() {
        AccountHours hours = SlaPolicy.accountHours(new Config(hours(null, "MON-FRI", null), Map.of()));
        assertTrue(hours.of("x", "any").always());
    }

    @Test
    void anAccountWithoutAZoneTakesTheDefaultsAndCanOptOut() {
        Hours alwaysOpen = new Hours(Optional.empty(), "MON-FRI", LocalTime.of(9, 0), LocalTime.of(17, 0),
                Optional.empty(), true);
        AccountHours hours = SlaPolicy.accountHours(new Config(hours("Europe/Bucharest", "MON-FRI", "2026-12-25"),
                Map.of("x:weekend", hours(null, "SAT-SUN", null), "x:support", alwaysOpen)));
        BusinessHours weekend = hours.of("x", "weekend");
        assertEquals(ZoneId.of("Europe/Bucharest"), weekend.zone());
        assertTrue(weekend.workingDay(LocalDate.of(2026, 11, 7)));
        assertTrue(hours.of("x", "support").always());
        assertTrue(hours.of("x", "other").holidays().contains(LocalDate.of(2026, 12, 25)));
    }

    @Test
    void badHoursNameTheProperty() {
        IllegalArgumentException zone = assertThrows(IllegalArgumentException.class, () ->
                SlaPolicy.accountHours(new Config(hours("Mars/Olympus", "MON-FRI", null), Map.of())));
        assertTrue(zone.getMessage().startsWith("earshot.reply.sla.hours.default.zone"), zone.getMessage());
        IllegalArgumentException days = assertThrows(IllegalArgumentException.class, () -> SlaPolicy.accountHours(
                new Config(hours("UTC", "MON-FRI", null), Map.of("x:acme", hours(null, "MON-FUN", null)))));
        assertTrue(days.getMessage().startsWith("earshot.reply.sla.hours.accounts.\"x:acme\""), days.getMessage());
        IllegalArgumentException holiday = assertThrows(IllegalArgumentException.class, () ->
                SlaPolicy.accountHours(new Config(hours("UTC", "MON-FRI", "25.12.2026"), Map.of())));
        assertTrue(holiday.getMessage().startsWith("earshot.reply.sla.hours.default.holidays"), holiday.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SlaPolicy.accountHours(
                new Config(hours("UTC", "MON-FRI", null), Map.of("acme", hours(null, "MON-FRI", null)))));
    }
}
