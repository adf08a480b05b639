package io.earshot.reply.workflow;

import io.earshot.reply.config.BusinessHoursConfig;
import io.earshot.reply.config.WorkflowConfig;
import io.earshot.reply.domain.AccountHours;
import io.earshot.reply.domain.BusinessHours;
import io.earshot.reply.domain.HoursSpec;
import io.earshot.reply.domain.QueueItems;
import io.earshot.reply.redis.HoursStore;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The SLA items get: durations per label and priority from {@link WorkflowConfig}, counted in business hours: those
 * of {@link BusinessHoursConfig}, overlaid by the ones an admin edited ({@link HoursStore}, read again every few
 * seconds, so an edit reaches every replica). The configured hours are checked at start-up, so hours that cannot work
 * (open after close, no working day) stop the service with the property's name; edited ones are checked when sent.
 */
@Startup
@ApplicationScoped
public class SlaPolicy {

    private static final Logger LOG = Logger.getLogger(SlaPolicy.class);
    /** The key of the hours every account without its own works. */
    public static final String DEFAULT = "default";
    private static final String PREFIX = "earshot.reply.sla.hours.";
    private static final long REFRESH_NANOS = TimeUnit.SECONDS.toNanos(5);

    /** One account's hours as they apply, and whether an admin edited them. */
    public record Effective(HoursSpec hours, boolean edited) {
    }

    private final WorkflowConfig workflow;
    private final HoursStore store;
    private final Map<String, HoursSpec> configured;
    private volatile Snapshot snapshot;

    private record Snapshot(QueueItems.Sla sla, Map<String, Effective> effective, long madeAt) {
    }

    public SlaPolicy(WorkflowConfig workflow, BusinessHoursConfig hours, HoursStore store) {
        this.workflow = workflow;
        this.store = store;
        this.configured = configured(hours);
        Snapshot start = snapshot(Map.of());
        this.snapshot = new Snapshot(start.sla(), start.effective(), System.nanoTime() - REFRESH_NANOS);
    }

    /** The SLA as it stands, the admin's edits at most a few seconds old. */
    public QueueItems.Sla sla() {
        return current().sla();
    }

    /** The hours of {@code default} and of every account that has its own, as they apply now. */
    public Map<String, Effective> effective() {
        return current().effective();
    }

    /** Forgets the cached edits, so this replica applies an edit it just stored at once. */
    public void refresh() {
        snapshot = new Snapshot(snapshot.sla(), snapshot.effective(), System.nanoTime() - REFRESH_NANOS);
    }

    /**
     * Checks hours an admin sent for {@code key} ({@code default} or {@code platform:account}).
     *
     * @throws IllegalArgumentException naming the field at fault ({@code zone: ...}, {@code days: ...})
     */
    public BusinessHours check(String key, HoursSpec hours) {
        ZoneId fallback = DEFAULT.equals(key) ? null : zoneOf(effective().get(DEFAULT).hours());
        return hours(hours, blank(hours.zone()) ? fallback : zone(hours.zone()));
    }

    private Snapshot current() {
        Snapshot now = snapshot;
        if (System.nanoTime() - now.madeAt() < REFRESH_NANOS) {
            return now;
        }
        try {
            now = snapshot(store.all());
        } catch (RuntimeException e) {
            LOG.warnf("edited business hours not read, the last known apply: %s", e.toString());
            now = new Snapshot(now.sla(), now.effective(), System.nanoTime());
        }
        snapshot = now;
        return now;
    }

    private Snapshot snapshot(Map<String, HoursSpec> edited) {
        Map<String, Effective> effective = new LinkedHashMap<>();
        configured.forEach((key, spec) -> effective.put(key, new Effective(spec, false)));
        edited.forEach((key, spec) -> effective.put(key, new Effective(spec, true)));
        QueueItems.Sla sla = new QueueItems.Sla(workflow.slaByLabel(), workflow.urgentSla(), workflow.urgentPriority(),
                build(effective));
        return new Snapshot(sla, Map.copyOf(effective), System.nanoTime());
    }

    /** The configured hours alone, as the domain's (for tests of the configuration). */
    static AccountHours accountHours(BusinessHoursConfig config) {
        Map<String, Effective> effective = new LinkedHashMap<>();
        configured(config).forEach((key, spec) -> effective.put(key, new Effective(spec, false)));
        return build(effective);
    }

    /** Default, then each account's hours (without a zone of its own, an account works in the default's zone). */
    private static AccountHours build(Map<String, Effective> effective) {
        Map<String, BusinessHours> byAccount = new HashMap<>();
        BusinessHours fallback = BusinessHours.ALWAYS;
        ZoneId defaultZone = null;
        try {
            defaultZone = zoneOf(effective.get(DEFAULT).hours());
        } catch (IllegalArgumentException e) {
            if (!effective.get(DEFAULT).edited()) {
                throw new IllegalArgumentException(name(DEFAULT) + "." + e.getMessage(), e);
            }
        }
        for (var entry : effective.entrySet()) {
            HoursSpec spec = entry.getValue().hours();
            boolean isDefault = DEFAULT.equals(entry.getKey());
            BusinessHours built;
            try {
                built = hours(spec, blank(spec.zone()) ? (isDefault ? null : defaultZone) : zone(spec.zone()));
            } catch (IllegalArgumentException e) {
                if (!entry.getValue().edited()) {
                    throw new IllegalArgumentException(name(entry.getKey()) + "." + e.getMessage(), e);
                }
                LOG.warnf("edited business hours of %s do not work, skipped: %s", entry.getKey(), e.getMessage());
                continue;
            }
            if (isDefault) {
                fallback = built;
            } else {
                byAccount.put(entry.getKey(), built);
            }
        }
        return new AccountHours(fallback, byAccount);
    }

    /** The configured hours by key, checked: a service with hours that cannot work does not start. */
    private static Map<String, HoursSpec> configured(BusinessHoursConfig config) {
        Map<String, HoursSpec> specs = new LinkedHashMap<>();
        specs.put(DEFAULT, spec(config.defaults()));
        config.accounts().forEach((key, h) -> {
            if (!key.contains(":")) {
                throw new IllegalArgumentException(name(key) + ": the key must be platform:account");
            }
            specs.put(key, spec(h));
        });
        Map<String, Effective> check = new LinkedHashMap<>();
        specs.forEach((key, spec) -> check.put(key, new Effective(spec, false)));
        build(check); // throws with the property's name
        return specs;
    }

    private static HoursSpec spec(BusinessHoursConfig.Hours h) {
        return new HoursSpec(h.zone().map(String::strip).orElse(null), h.days(), h.open(), h.close(),
                h.holidays().orElse(List.of()), h.always());
    }

    private static String name(String key) {
        return DEFAULT.equals(key) ? PREFIX + DEFAULT : PREFIX + "accounts.\"" + key + "\"";
    }

    private static ZoneId zoneOf(HoursSpec spec) {
        return spec == null || spec.always() || blank(spec.zone()) ? null : zone(spec.zone());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static ZoneId zone(String zone) {
        try {
            return ZoneId.of(zone.strip());
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("zone: not a time zone: '" + zone.strip() + "'", e);
        }
    }

    private static BusinessHours hours(HoursSpec h, ZoneId zone) {
        if (h.always() || zone == null) {
            return BusinessHours.ALWAYS;
        }
        Set<LocalDate> holidays = new HashSet<>();
        for (String day : h.holidays()) {
            if (day != null && !day.isBlank()) {
                try {
                    holidays.add(LocalDate.parse(day.strip()));
                } catch (java.time.format.DateTimeParseException e) {
                    throw new IllegalArgumentException("holidays: not an ISO date (YYYY-MM-DD): " + day.strip(), e);
                }
            }
        }
        java.util.Set<java.time.DayOfWeek> days;
        try {
            days = BusinessHours.parseDays(h.days() == null ? "" : h.days());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("days: " + e.getMessage(), e);
        }
        try {
            return new BusinessHours(zone, days, h.open(), h.close(), holidays);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            throw new IllegalArgumentException(message.startsWith("days") ? message : "close: " + message, e);
        }
    }
}
