package io.earshot.triage.cli;

import io.earshot.triage.domain.model.Text;
import io.earshot.triage.domain.topic.Topic;
import io.earshot.triage.domain.topic.TopicClassifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Accuracy and per-topic precision and recall of {@link TopicClassifier} on gold rows, as Markdown tables. */
final class TopicScores {

    private final int[][] confusion = new int[Topic.values().length][Topic.values().length]; // [gold][said]
    private int rows;

    private TopicScores() { }

    static TopicScores of(List<TopicSample.Row> gold, TopicClassifier c) {
        TopicScores s = new TopicScores();
        for (TopicSample.Row r : gold) {
            s.confusion[r.gold().ordinal()][TopicSample.predict(c, r).ordinal()]++;
            s.rows++;
        }
        return s;
    }

    double accuracy() {
        int right = 0;
        for (int i = 0; i < confusion.length; i++) {
            right += confusion[i][i];
        }
        return rows == 0 ? 0 : (double) right / rows;
    }

    String markdown(String title) {
        if (rows == 0) {
            return "No rows for " + title + " (the data is not here).\n";
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s: %d rows, accuracy %.1f %%.%n%n",
                title, rows, accuracy() * 100));
        sb.append("| topic | gold rows | said | right | precision % | recall % |\n|---|---|---|---|---|---|\n");
        for (Topic t : Topic.values()) {
            int g = 0, said = 0, right = confusion[t.ordinal()][t.ordinal()];
            for (int i = 0; i < confusion.length; i++) {
                g += confusion[t.ordinal()][i];
                said += confusion[i][t.ordinal()];
            }
            if (g == 0 && said == 0) {
                continue;
            }
            sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %s | %s |%n", t.code(), g, said, right,
                    said == 0 ? "-" : String.format(Locale.ROOT, "%.0f", 100.0 * right / said),
                    g == 0 ? "-" : String.format(Locale.ROOT, "%.0f", 100.0 * right / g)));
        }
        return sb.toString();
    }

    /** What the classifier says per airline reason (the mapping's fit). */
    static String byGroup(List<TopicSample.Row> gold, TopicClassifier c) {
        if (gold.isEmpty()) {
            return "";
        }
        Map<String, int[]> by = new TreeMap<>();
        for (TopicSample.Row r : gold) {
            by.computeIfAbsent(r.group() + "\t" + r.gold().code(), k -> new int[Topic.values().length])
                    [TopicSample.predict(c, r).ordinal()]++;
        }
        StringBuilder sb = new StringBuilder("| airline reason | mapped to | rows |");
        for (Topic t : Topic.values()) {
            sb.append(' ').append(t.code()).append(" |");
        }
        sb.append("\n|---|---|---|").append("---|".repeat(Topic.values().length)).append('\n');
        by.forEach((k, counts) -> {
            String[] p = k.split("\t");
            int n = 0;
            for (int x : counts) {
                n += x;
            }
            sb.append("| ").append(p[0]).append(" | ").append(p[1]).append(" | ").append(n).append(" |");
            for (int x : counts) {
                sb.append(' ').append(x).append(" |");
            }
            sb.append('\n');
        });
        return sb.toString();
    }

    static String byLanguage(List<TopicSample.Row> gold, TopicClassifier c) {
        if (gold.isEmpty()) {
            return "";
        }
        Map<String, List<TopicSample.Row>> by = new TreeMap<>();
        for (TopicSample.Row r : gold) {
            by.computeIfAbsent(r.lang(), k -> new ArrayList<>()).add(r);
        }
        StringBuilder sb = new StringBuilder("| lang | rows | accuracy % | rows without a cue (other) |\n|---|---|---|---|\n");
        by.forEach((lang, rows) -> {
            TopicScores s = of(rows, c);
            int other = 0;
            for (int[] g : s.confusion) {
                other += g[Topic.OTHER.ordinal()];
            }
            sb.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %d |%n", lang, rows.size(), s.accuracy() * 100,
                    other));
        });
        return sb.toString();
    }

    /** The classifier's own cost on the analysed texts (the analysis is the engine's anyway). */
    static String speed(List<TopicSample.Row> a, List<TopicSample.Row> b, TopicClassifier c) {
        List<Text.Analysed> texts = new ArrayList<>();
        List<String> langs = new ArrayList<>();
        for (List<TopicSample.Row> rows : List.of(a, b)) {
            for (TopicSample.Row r : rows) {
                texts.add(Text.analyse(r.text()));
                langs.add(r.lang());
            }
        }
        if (texts.isEmpty()) {
            return "";
        }
        int sink = 0;
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 20; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < texts.size(); i++) {
                sink += c.classify(texts.get(i), langs.get(i)).ordinal();
            }
            best = Math.min(best, System.nanoTime() - t0);
        }
        return String.format(Locale.ROOT, "Cost: %.2f µs per comment on these texts (best of 20 rounds over %d, one "
                + "thread; the text analysis is shared with the stance model and not counted)%s.%n",
                best / 1000.0 / texts.size(), texts.size(), sink < 0 ? "" : "");
    }
}
