package io.earshot.reply.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DashboardStatsTest {

    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    /** The SLA as {@code WorkflowConfig} defaults it. */
    static final QueueItems.Sla CONFIGURED = new QueueItems.Sla(Map.of("complaint", Duration.ofHours(1),
            "question", Duration.ofHours(4), "neutral", Duration.ofHours(24), "praise", Duration.ofHours(24)),
            Duration.ofMinutes(30), 80);

    static QueueItem item(String id, String label, String platform, String lang, QueueItem.State state, Duration age,
            Duration repliedAfter, String by) {
        Instant at = NOW.minus(age);
        QueueItem item = new QueueItem(id,
                new QueueItemComment(id, platform, "t", "t", null, null, null, "x", null, at, 0, List.of()),
                new QueueItemVerdict(lang, label, 0, Map.of(), List.of(), 50, List.of(), null), null,
                new QueueItemHandling(state, 1, at, at, null, null, null, null, null, null, null),
                null, QueueItem.Publication.NONE, null);
        if (repliedAfter != null) {
            item = item.withApproval(new QueueItem.Approval(by, at, "r", "k", List.of()))
                    .withPublication(new QueueItem.Publication(1, null, null, null, "p", at.plus(repliedAfter), false));
        }
        return item;
    }

    @Test
    void responseTimeIsWorkingTimeWhenTheAccountHasBusinessHours() {
        // Friday 2026-11-20 18:00 in Bucharest (16:00Z), answered Monday 2026-11-23 10:00 local (08:00Z) with 9-17
        ZoneId bucharest = ZoneId.of("Europe/Bucharest");
        BusinessHours nineToFive = new BusinessHours(bucharest, BusinessHours.parseDays("MON-FRI"), LocalTime.of(9, 0),
                LocalTime.of(17, 0), Set.of());
        QueueItems.Sla sla = new QueueItems.Sla(CONFIGURED.byLabel(), CONFIGURED.urgent(), CONFIGURED.urgentPriority(),
                new AccountHours(nineToFive, Map.of()));
        Instant now = Instant.parse("2026-11-23T12:00:00Z");
        QueueItem friday = item("fri", "complaint", "facebook", "ro", QueueItem.State.published,
                Duration.between(Instant.parse("2026-11-20T16:00:00Z"), NOW), Duration.ofHours(64), "ana");

        DashboardStats.Report r = DashboardStats.report(List.of(friday), LocalDate.of(2026, 11, 23), 7, now, sla,
                i -> "ana", i -> i.publication().publishedAt());

        assertEquals(60.0, r.charts().get("responseTime").series().get(0).data().get(0),
                "64 h elapsed over a weekend are 1 working hour");
        assertEquals(0.0, r.charts().get("slaBreaches").series().get(0).data().get(3),
                "due Monday 10:00 local (a 1 h SLA from Friday 18:00): answered in time");
    }

    @Test
    void countsPerDayLanguageResponseTimesBreachesAndResponders() {
        List<QueueItem> items = List.of(
                item("a", "complaint", "facebook", "en", QueueItem.State.published, Duration.ofHours(3), Duration.ofMinutes(30), "ana"),
                item("b", "complaint", "x", "ar", QueueItem.State.published, Duration.ofHours(4), Duration.ofMinutes(90), "ben"),
                item("c", "praise", "x", "ar", QueueItem.State.pending, Duration.ofHours(2), null, null),
                item("d", "complaint", "x", "ru", QueueItem.State.pending, Duration.ofHours(2), null, null),
                item("old", "praise", "x", "en", QueueItem.State.pending, Duration.ofDays(10), null, null));
        DashboardStats.Report r = DashboardStats.report(items, LocalDate.of(2026, 11, 23), 7, NOW, CONFIGURED,
                i -> i.approval() == null ? null : i.approval().by(),
                i -> i.publication() == null ? null : i.publication().publishedAt());

        assertEquals(4, r.comments());
        DashboardStats.Chart byLabel = r.charts().get("byLabel");
        assertEquals("2026-11-17", byLabel.labels().get(0));
        assertEquals(List.of("complaint", "praise"), byLabel.series().stream().map(DashboardStats.Series::name).toList());
        assertEquals(3.0, byLabel.series().get(0).data().get(6));
        assertEquals(List.of("ar", "en", "ru"), r.charts().get("byLanguage").labels());
        DashboardStats.Chart times = r.charts().get("responseTime");
        assertEquals(List.of("complaint"), times.labels());
        assertEquals(30.0, times.series().get(0).data().get(0), "median of 30 and 90 by nearest rank");
        assertEquals(90.0, times.series().get(1).data().get(0));
        // b replied after 90 min > 60; d waits 2 h > 60; c praise waits 2 h < 24 h
        assertEquals(2.0, r.charts().get("slaBreaches").series().get(0).data().get(6));
        assertEquals(List.of("ana", "ben"), r.charts().get("byResponder").labels());
    }

    @Test
    void anItemWithoutADeadlineGetsTheConfiguredSlaNotAHardCodedOne() {
        // a neutral comment waiting 5 h: within the configured 24 h (a hard-coded 4 h once called this a breach)
        QueueItem neutral = item("n", "neutral", "x", "en", QueueItem.State.pending, Duration.ofHours(5), null, null);
        assertEquals(NOW.minus(Duration.ofHours(5)).plus(Duration.ofHours(24)),
                DashboardStats.deadline(neutral, neutral.queuedAt(), CONFIGURED));
        assertEquals(0.0, breachesToday(neutral, CONFIGURED));
        // configured shorter, it is a breach: the statistics follow the config
        QueueItems.Sla strict = new QueueItems.Sla(Map.of("neutral", Duration.ofHours(4)), Duration.ofMinutes(30), 80);
        assertEquals(1.0, breachesToday(neutral, strict));
        // an item's own deadline wins over the configured SLA
        QueueItem due = neutral.withHandling(h -> h.withSlaDeadline(NOW.minusSeconds(60)));
        assertEquals(1.0, breachesToday(due, CONFIGURED));
        // an urgent question gets the shorter urgent SLA
        QueueItem urgent = neutral.withVerdict(v -> v.withPriority(90).withFlags(List.of("question")));
        assertEquals(NOW.minus(Duration.ofHours(5)).plus(Duration.ofMinutes(30)),
                DashboardStats.deadline(urgent, urgent.queuedAt(), CONFIGURED));
    }

    private static double breachesToday(QueueItem item, QueueItems.Sla sla) {
        return DashboardStats.report(List.of(item), LocalDate.of(2026, 11, 23), 1, NOW, sla, i -> null, i -> null)
                .charts().get("slaBreaches").series().get(0).data().get(0);
    }

    @Test
    void csvIsWhatTheChartShowsWithFormulasDefused() {
        DashboardStats.Chart c = new DashboardStats.Chart("t", "comments", "responder", List.of("=HYPERLINK(\"x\")", "ana"),
                List.of(new DashboardStats.Series("replies", List.of(2.0, 1.5))));
        assertEquals("responder,replies\r\n\"'=HYPERLINK(\"\"x\"\")\",2\r\nana,1.5\r\n", DashboardStats.csv(c));
    }
}
