package io.earshot.reply.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Business hours the SLA clock runs in, per account with a default. Nothing configured (no zone anywhere) keeps every
 * SLA round the clock.
 */
@ConfigMapping(prefix = "earshot.reply.sla.hours")
public interface BusinessHoursConfig {

    /** The hours of every account without its own ({@code earshot.reply.sla.hours.default.*}). */
    @WithName("default")
    Hours defaults();

    /**
     * Hours of one account, keyed {@code platform:account} as comments name it, e.g.
     * {@code earshot.reply.sla.hours.accounts."facebook\:1234".zone} (the colon escaped in a properties file). Unset
     * properties take the built-in defaults below, except the zone, which falls back to the default hours' zone.
     */
    Map<String, Hours> accounts();

    /** One set of working hours. */
    interface Hours {

        /** Time zone of the hours (IANA, e.g. {@code Europe/Bucharest}); none: round the clock. */
        Optional<String> zone();

        /** Working days: {@code MON-FRI}, {@code SUN-THU}, {@code MON,WED,FRI}. */
        @WithDefault("MON-FRI")
        String days();

        /** Opening time, local to the zone. */
        @WithDefault("09:00")
        LocalTime open();

        /** Closing time, local to the zone; after {@link #open()} on the same day. */
        @WithDefault("17:00")
        LocalTime close();

        /** Closed dates (ISO, local to the zone), e.g. {@code 2026-12-25,2027-01-01}. */
        Optional<List<String>> holidays();

        /** Round the clock whatever the zone and the default say (for an account that always answers). */
        @WithDefault("false")
        boolean always();
    }
}
