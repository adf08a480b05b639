package io.earshot.reply.workflow;

import io.earshot.reply.config.BusinessHoursConfig;
import io.earshot.reply.config.WorkflowConfig;
import io.earshot.reply.domain.AccountHours;
import io.earshot.reply.domain.BusinessHours;
import io.earshot.reply.domain.QueueItems;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SLA items get: durations per label and priority from {@link WorkflowConfig}, counted in the business hours of
 * {@link BusinessHoursConfig}. Built once at start-up, so hours that cannot work (open after close, no working day)
 * stop the service with the property's name rather than mis-date every item.
 */
@Startup
@ApplicationScoped
public class SlaPolicy {

    private static final String PREFIX = "earshot.reply.sla.hours.";

    private final QueueItems.Sla sla;

    public SlaPolicy(WorkflowConfig workflow, BusinessHoursConfig hours) {
        this.sla = new QueueItems.Sla(workflow.slaByLabel(), workflow.urgentSla(), workflow.urgentPriority(),
                accountHours(hours));
    }

    public QueueItems.Sla sla() {
        return sla;
    }

    /** The configured hours as the domain's: default, then each account's (its zone falling back to the default's). */
    static AccountHours accountHours(BusinessHoursConfig config) {
        ZoneId defaultZone = config.defaults().always() ? null : zone(PREFIX + "default", config.defaults());
        BusinessHours fallback = hours(PREFIX + "default", config.defaults(), defaultZone);
        Map<String, BusinessHours> byAccount = new HashMap<>();
        config.accounts().forEach((key, h) -> {
            if (!key.contains(":")) {
                throw new IllegalArgumentException(PREFIX + "accounts.\"" + key + "\": the key must be platform:account");
            }
            String name = PREFIX + "accounts.\"" + key + "\"";
            byAccount.put(key, hours(name, h, h.zone().isPresent() ? zone(name, h) : defaultZone));
        });
        return new AccountHours(fallback, byAccount);
    }

    private static ZoneId zone(String name, BusinessHoursConfig.Hours h) {
        String zone = h.zone().map(String::strip).orElse("");
        try {
            return zone.isEmpty() ? null : ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException(name + ".zone: not a time zone: '" + zone + "'", e);
        }
    }

    private static BusinessHours hours(String name, BusinessHoursConfig.Hours h, ZoneId zone) {
        if (h.always() || zone == null) {
            return BusinessHours.ALWAYS;
        }
        try {
            Set<LocalDate> holidays = new HashSet<>();
            for (String day : h.holidays().orElse(List.of())) {
                if (!day.isBlank()) {
                    holidays.add(LocalDate.parse(day.strip()));
                }
            }
            return new BusinessHours(zone, BusinessHours.parseDays(h.days()), h.open(), h.close(), holidays);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(name + ".holidays: not an ISO date (YYYY-MM-DD): " + e.getParsedString(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }
}
