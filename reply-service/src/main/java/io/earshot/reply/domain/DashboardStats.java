package io.earshot.reply.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The dashboard's charts, computed from queue items: comments per day by label and by platform, by language, time to
 * first reply (median and 90th percentile, per label), SLA breaches per day and replies per responder. Every chart
 * has one shape, x labels and named series, so the page draws and exports (CSV) any of them the same way.
 */
public final class DashboardStats {

    /** One chart: the x axis and one or more series of numbers over it. */
    public record Chart(String title, String unit, String axis, List<String> labels, List<Series> series) {
    }

    public record Series(String name, List<Double> data) {
    }

    /** All charts for a period; {@code days} is the number of days up to and including {@code to}. */
    public record Report(LocalDate from, LocalDate to, int comments, Map<String, Chart> charts) {
    }

    /**
     * When the first reply to an item was due: its own deadline, or else the configured SLA of its kind and priority
     * ({@code earshot.reply.workflow.sla}, via {@link QueueItems.Sla}) from queueing. The one SLA rule of every
     * statistic, so the dashboard and {@code /api/stats} cannot disagree with the config or with each other.
     */
    public static Instant deadline(QueueItem item, Instant queued, QueueItems.Sla sla) {
        return item.slaDeadline() != null ? item.slaDeadline() : sla.due(queued, QueueItems.kind(item), item.priority(),
                item.platform(), item.comment() == null ? null : item.comment().account());
    }

    private static final Set<QueueItem.State> REPLIED = Set.of(QueueItem.State.published);
    private static final Set<QueueItem.State> OPEN = Set.of(QueueItem.State.pending, QueueItem.State.claimed,
            QueueItem.State.escalated, QueueItem.State.snoozed, QueueItem.State.failed);

    private DashboardStats() {
    }

    /**
     * @param sla the configured SLA, for items that carry no deadline of their own
     * @param responderOf who replied to an item (null when unknown)
     * @param repliedAt   when the reply went out (null when it did not)
     */
    public static Report report(Iterable<QueueItem> items, LocalDate to, int days, Instant now, QueueItems.Sla sla,
            Function<QueueItem, String> responderOf, Function<QueueItem, Instant> repliedAt) {
        LocalDate from = to.minusDays(days - 1L);
        List<String> x = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            x.add(d.toString());
        }
        Map<String, double[]> byLabel = new TreeMap<>();
        Map<String, double[]> byPlatform = new TreeMap<>();
        Map<String, Double> byLanguage = new TreeMap<>();
        Map<String, List<Double>> minutesByLabel = new TreeMap<>();
        double[] breaches = new double[days];
        Map<String, Double> byResponder = new TreeMap<>();
        int count = 0;
        for (QueueItem item : items) {
            Instant at = item.queuedAt() != null ? item.queuedAt() : item.commentCreatedAt();
            LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
            if (day.isBefore(from) || day.isAfter(to)) {
                continue;
            }
            count++;
            int i = (int) (day.toEpochDay() - from.toEpochDay());
            byLabel.computeIfAbsent(nz(item.label()), k -> new double[days])[i]++;
            byPlatform.computeIfAbsent(nz(item.platform()), k -> new double[days])[i]++;
            byLanguage.merge(nz(item.lang()), 1.0, Double::sum);
            Instant replied = REPLIED.contains(item.state()) ? repliedAt.apply(item) : null;
            Instant until = replied != null ? replied : OPEN.contains(item.state()) ? now : null;
            if (replied != null) {
                // working time, as the SLA counts it: a Friday-evening comment answered on Monday waited hours, not days
                minutesByLabel.computeIfAbsent(nz(item.label()), k -> new ArrayList<>())
                        .add(Math.max(0, sla.working(item, at, replied).toSeconds()) / 60.0);
                String who = responderOf.apply(item);
                if (who != null) {
                    byResponder.merge(who, 1.0, Double::sum);
                }
            }
            if (until != null && until.isAfter(deadline(item, at, sla))) {
                breaches[i]++;
            }
        }
        Map<String, Chart> charts = new LinkedHashMap<>();
        charts.put("byLabel", new Chart("Comments per day by label", "comments", "day", x, series(byLabel)));
        charts.put("byPlatform", new Chart("Comments per day by platform", "comments", "day", x, series(byPlatform)));
        charts.put("byLanguage", new Chart("Comments by language", "comments", "language", List.copyOf(byLanguage.keySet()),
                List.of(new Series("comments", List.copyOf(byLanguage.values())))));
        List<Double> medians = new ArrayList<>();
        List<Double> p90s = new ArrayList<>();
        for (List<Double> m : minutesByLabel.values()) {
            medians.add(percentile(m, 50));
            p90s.add(percentile(m, 90));
        }
        charts.put("responseTime", new Chart("Time to first reply", "minutes", "label", List.copyOf(minutesByLabel.keySet()),
                List.of(new Series("median", medians), new Series("90th percentile", p90s))));
        charts.put("slaBreaches", new Chart("SLA breaches per day", "comments", "day", x,
                List.of(new Series("breached", boxed(breaches)))));
        charts.put("byResponder", new Chart("Replies per responder", "replies", "responder", List.copyOf(byResponder.keySet()),
                List.of(new Series("replies", List.copyOf(byResponder.values())))));
        return new Report(from, to, count, charts);
    }

    /** Nearest-rank percentile of {@code values}, rounded to a tenth. */
    public static double percentile(List<Double> values, int p) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return Math.round(sorted.get(Math.max(0, rank - 1)) * 10) / 10.0;
    }

    /** The chart as CSV: a header of the x axis name and the series, one row per x label; cells quoted as needed. */
    public static String csv(Chart chart) {
        StringBuilder out = new StringBuilder();
        out.append(cell(chart.axis()));
        for (Series s : chart.series()) {
            out.append(',').append(cell(s.name()));
        }
        out.append("\r\n");
        for (int i = 0; i < chart.labels().size(); i++) {
            out.append(cell(chart.labels().get(i)));
            for (Series s : chart.series()) {
                double v = s.data().get(i);
                out.append(',').append(v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    /** Quotes a CSV cell, and defuses a leading formula character so a spreadsheet does not execute it. */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return v.matches("[^,\"\r\n]*") ? v : '"' + v.replace("\"", "\"\"") + '"';
    }

    private static List<Series> series(Map<String, double[]> perKey) {
        List<Series> out = new ArrayList<>();
        perKey.forEach((k, v) -> out.add(new Series(k, boxed(v))));
        return out;
    }

    private static List<Double> boxed(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(v);
        }
        return out;
    }

    private static String nz(String s) {
        return s == null || s.isBlank() ? "unknown" : s;
    }
}
