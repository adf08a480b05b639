package io.earshot.triage.cli;

import io.earshot.triage.domain.model.Example;
import io.earshot.triage.domain.question.QuestionDetector;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Precision and recall of {@link QuestionDetector} on a hand-labelled sample
 * ({@code triage-service/src/test/resources/question-sample.tsv}: id, language, 0/1, text). Rows whose text the
 * sample does not carry (its set's licence does not allow copying) take it from the data directory by id.
 */
public final class QuestionSample {

    /** One labelled row. */
    public record Row(String id, String lang, boolean question, String text) { }

    /** Counts of one language (or all). */
    public record Score(int rows, int tp, int fp, int fn) {
        public double precision() {
            return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        }

        Score plus(boolean gold, boolean said) {
            return new Score(rows + 1, tp + (gold && said ? 1 : 0), fp + (!gold && said ? 1 : 0),
                    fn + (gold && !said ? 1 : 0));
        }
    }

    private QuestionSample() { }

    public static List<Row> read(Path file) throws IOException {
        List<Row> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] p = line.split("\t", 4);
            out.add(new Row(p[0], p[1], "1".equals(p[2]), p.length > 3 ? p[3] : ""));
        }
        return out;
    }

    /** The rows with their text, from the sample or else from {@code data} (rows found in neither are dropped). */
    public static List<Row> withText(List<Row> rows, List<Example> data) {
        Map<String, String> byId = new HashMap<>();
        for (Example e : data) {
            byId.put(e.id(), e.text());
        }
        List<Row> out = new ArrayList<>();
        for (Row r : rows) {
            String t = r.text().isEmpty() ? byId.get(r.id()) : r.text();
            if (t != null && !t.isEmpty()) {
                out.add(new Row(r.id(), r.lang(), r.question(), t));
            }
        }
        return out;
    }

    /** Scores per language and under the key {@code all}. */
    public static Map<String, Score> score(List<Row> rows, QuestionDetector detector) {
        Map<String, Score> out = new TreeMap<>();
        for (Row r : rows) {
            boolean said = detector.isQuestion(r.text(), r.lang());
            out.merge(r.lang(), new Score(0, 0, 0, 0).plus(r.question(), said), QuestionSample::sum);
            out.merge("all", new Score(0, 0, 0, 0).plus(r.question(), said), QuestionSample::sum);
        }
        return out;
    }

    private static Score sum(Score a, Score b) {
        return new Score(a.rows() + b.rows(), a.tp() + b.tp(), a.fp() + b.fp(), a.fn() + b.fn());
    }

    /** The Markdown table of {@link #score}. */
    static String table(Map<String, Score> scores) {
        StringBuilder sb = new StringBuilder("| lang | rows | questions | found | false alarms | precision % | recall % |\n"
                + "|---|---|---|---|---|---|---|\n");
        scores.forEach((lang, s) -> sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.0f | %.0f |%n",
                lang, s.rows(), s.tp() + s.fn(), s.tp(), s.fp(), s.precision() * 100, s.recall() * 100)));
        return sb.toString();
    }
}
