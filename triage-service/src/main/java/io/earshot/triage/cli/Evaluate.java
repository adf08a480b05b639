package io.earshot.triage.cli;

import io.earshot.triage.domain.model.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code ./suite evaluate}: scores the shipped models on the {@code split=dev} rows: per source and language, macro-F1 (over the labels the
 * source uses), accuracy and the confusion matrix, as a Markdown table with the targets of issue 4.
 * Usage: {@code Evaluate [--data DIR] [--models DIR] [--card FILE | --no-card]} (paths relative to the repository root).
 */
public final class Evaluate {

    /** Target macro-F1 (%) per source (UMSAB: the mean of its 8 languages). */
    static final Map<String, Double> TARGETS = Map.of("umsab", 60.0, "airline", 78.0, "sentirueval", 55.0,
            "astd", 55.0, "laroseda", 96.0, "youtube-spam", 95.0, "tweeteval-offensive", 75.0, "osact5", 82.0,
            "news-ro-offense", 75.0);

    private Evaluate() { }

    public static void main(String[] args) throws Exception {
        Path data = Path.of("../shared/data");
        Path models = null;
        Path card = Path.of("docs/model-card.md");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--models" -> models = Path.of(args[++i]);
                case "--card" -> card = Path.of(args[++i]);
                case "--no-card" -> card = null;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Models loaded = models == null ? Models.fromClasspath() : Models.fromDirectory(models);
        List<Example> sentiment = Dataset.read(data, "sentiment");
        List<Example> moderation = Dataset.read(data, "moderation");
        if (sentiment.isEmpty() && moderation.isEmpty()) {
            throw new IllegalArgumentException("no sentiment/*.jsonl or moderation/*.jsonl under " + data);
        }
        String table = report(List.of(loaded.stance(), loaded.spam(), loaded.abusive()), loaded.lexicon(), sentiment,
                moderation);
        System.out.println(table);
        if (card != null) {
            Files.writeString(card, ModelCard.render(loaded, table));
            System.err.println("wrote " + card);
        }
    }

    private static String met(double value, double target) {
        return value >= target ? "yes" : String.format(Locale.ROOT, "no (%.1f short)", target - value);
    }

    /** The Markdown table of dev figures for {@code models}. */
    public static String report(List<LinearModel> models, Lexicon lexicon, List<Example> sentiment,
                                List<Example> moderation) {
        StringBuilder sb = new StringBuilder();
        sb.append("| model | source | lang | dev rows | macro-F1 % | accuracy % | target % | met | confusion (gold: ")
                .append("predicted counts) |\n|---|---|---|---|---|---|---|---|---|\n");
        Map<String, Double> umsab = new TreeMap<>();
        for (LinearModel m : models) {
            ModelSpec spec = ModelSpec.all().stream().filter(s -> s.name().equals(m.name())).findFirst().orElseThrow();
            List<Example> rows = spec.positive() == null ? sentiment : moderation;
            Features features = new Features(m.config(), lexicon);
            FeatureVector fv = new FeatureVector(false);
            double[] p = new double[m.labelCount()];
            Map<String, Metrics> per = new TreeMap<>();
            for (Example e : rows) {
                if (!"dev".equals(e.split())) {
                    continue;
                }
                if (spec.positive() != null && !e.label().equals(spec.positive()) && !e.label().equals("ok")) {
                    continue;
                }
                if (spec.positive() != null && spec.name().equals(ModelSpec.SPAM) != e.source().equals("youtube-spam")) {
                    // each moderation model is scored on the sets of its own label
                    continue;
                }
                features.extract(e.text(), e.lang(), e.platform(), fv);
                m.probabilities(fv, p);
                int best = 0;
                for (int j = 1; j < p.length; j++) {
                    if (p[j] > p[best]) {
                        best = j;
                    }
                }
                per.computeIfAbsent(e.source() + "\t" + e.lang(), x -> new Metrics(m.labels()))
                        .add(m.labelIndex(e.label()), best);
            }
            per.forEach((key, met) -> {
                String[] sl = key.split("\t");
                Double target = TARGETS.get(sl[0]);
                if (sl[0].equals("umsab")) {
                    umsab.put(sl[1], met.macroF1() * 100);
                }
                boolean scored = target != null && !sl[0].equals("umsab");
                sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %.1f | %.1f | %s | %s | %s |%n", m.name(),
                        sl[0], sl[1], met.total(), met.macroF1() * 100, met.accuracy() * 100,
                        scored ? String.format(Locale.ROOT, "%.0f", target) : "",
                        scored ? met(met.macroF1() * 100, target) : "", met.confusionCell()));
            });
        }
        if (!umsab.isEmpty()) {
            double mean = umsab.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
            sb.append(String.format(Locale.ROOT, "| stance | umsab | mean of %d | | %.1f | | 60 | %s | |%n", umsab.size(),
                    mean, met(mean, 60.0)));
        }
        return sb.toString();
    }
}
