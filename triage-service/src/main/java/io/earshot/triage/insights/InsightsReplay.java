package io.earshot.triage.insights;

import io.earshot.triage.domain.model.Dataset;
import io.earshot.triage.domain.model.Example;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * {@code ./suite insights-replay}: how often the detector raises an alarm on ordinary traffic. Replays the labelled
 * complaints and questions of a data directory (default ../shared/data) as days of background, drawn at random with
 * uniform arrival times, and counts the issues raised after a first day of warm-up: those are false alarms, since
 * nothing in a shuffled replay is rising. Usage: {@code InsightsReplay [--data DIR] [--per-day N] [--days D]
 * [--seed S]}. Prints the figure and the terms of each alarm (never the texts).
 */
public final class InsightsReplay {

    private InsightsReplay() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of("../shared/data");
        int perDay = 5000;
        int days = 4;
        long seed = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--per-day" -> perDay = Integer.parseInt(args[++i]);
                case "--days" -> days = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        List<Example> pool = new ArrayList<>();
        for (Example e : Dataset.read(data, "sentiment")) {
            if ("complaint".equals(e.label()) || e.text().contains("?") || e.text().contains("؟")) {
                pool.add(e);
            }
        }
        if (pool.isEmpty() || days < 2) {
            throw new IllegalArgumentException("no complaints or questions under " + data + " (or --days < 2)");
        }
        Map<String, Integer> langs = new TreeMap<>();
        pool.forEach(e -> langs.merge(e.lang(), 1, Integer::sum));
        Random random = new Random(seed);
        Instant t0 = Instant.parse("2026-11-02T00:00:00Z");
        long dayMillis = 86_400_000L;
        List<long[]> arrivals = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            for (int i = 0; i < perDay; i++) {
                arrivals.add(new long[] {d * dayMillis + (long) (random.nextDouble() * dayMillis),
                    random.nextInt(pool.size())});
            }
        }
        arrivals.sort((a, b) -> Long.compare(a[0], b[0]));
        String[] platforms = {"youtube", "instagram", "google", "threads", "x"};
        EmergingDetector detector = new EmergingDetector(DetectorSettings.defaults());
        int alarms = 0;
        int updates = 0;
        int n = 0;
        for (long[] a : arrivals) {
            Example e = pool.get((int) a[1]);
            Instant at = t0.plusMillis(a[0]);
            for (Emerging alarm : detector.observe(new EmergingDetector.Observation("replay-" + (n++), e.lang(),
                    platforms[(int) (a[1] % platforms.length)], e.text(), at))) {
                if (a[0] < dayMillis) {
                    continue; // the warm-up day builds the baseline
                }
                if (alarm.version() == 1) {
                    alarms++;
                    System.out.printf("alarm %s %s day %d: %d comments, terms %s%n", at, alarm.lang(),
                            a[0] / dayMillis + 1, alarm.count(),
                            alarm.terms().stream().limit(4).map(t -> t.term() + "=" + t.count() + "/" + t.expected())
                                    .toList());
                } else {
                    updates++;
                }
            }
        }
        System.out.printf("replayed %d complaints and questions a day for %d days (%d in the pool, languages %s)%n",
                perDay, days, pool.size(), langs);
        System.out.printf("false alarms per day: %.2f (%d new issues, %d updates over %d days after 1 warm-up day)%n",
                (double) alarms / (days - 1), alarms, updates, days - 1);
    }
}
