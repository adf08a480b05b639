package io.earshot.triage.cli;

import io.earshot.triage.domain.model.*;
import io.earshot.triage.domain.moderation.ModerationClassifier;
import io.earshot.triage.domain.question.QuestionDetector;
import io.earshot.triage.domain.topic.TopicClassifier;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * {@code ./suite evaluate}: how the shipped settings generalise. Per model, cross-validation grouped by what the
 * held-out sets are split by (company, product, article, video; {@link CrossValidation}) over every labelled row; for
 * the {@code abusive} model also leave-one-set-out, on which its threshold is chosen. Prints the tables and writes
 * {@code docs/model-card.md}. Usage: {@code Evaluate [--data DIR] [--models DIR] [--card FILE | --no-card]
 * [--folds K] [--only NAME] [--set [model.]key=value ...]}; {@code --only} and {@code --set} are for trying settings
 * and never write the card; {@code --only topics} prints the topic classifier's figures ({@link TopicSample}).
 */
public final class Evaluate {

    /** Thresholds tried for {@code abusive} on the leave-one-set-out figures. */
    static final double[] THRESHOLDS = {0.3, 0.35, 0.4, 0.425, 0.45, 0.475, 0.5, 0.525, 0.55, 0.6, 0.65, 0.7};

    private Evaluate() { }

    public static void main(String[] args) throws Exception {
        Path data = Path.of("../shared/data");
        Path models = null;
        Path card = Path.of("docs/model-card.md");
        int folds = 5;
        String only = null;
        List<String> sets = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--models" -> models = Path.of(args[++i]);
                case "--card" -> card = Path.of(args[++i]);
                case "--no-card" -> card = null;
                case "--folds" -> folds = Integer.parseInt(args[++i]);
                case "--only" -> only = args[++i];
                case "--set" -> sets.add(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Path topicSample = Path.of("triage-service/src/test/resources/topic-sample.tsv");
        if ("topics".equals(only)) { // no model is trained for topics: print their figures, never write the card
            TopicClassifier topics = TopicClassifier.defaults();
            System.out.println(TopicSample.section(data, topicSample, topics));
            System.out.print(TopicSample.cost(data, topicSample, topics));
            return;
        }
        Models loaded = models == null ? Models.fromClasspath() : Models.fromDirectory(models);
        List<Example> sentiment = Dataset.read(data, "sentiment");
        List<Example> moderation = Dataset.read(data, "moderation");
        if (sentiment.isEmpty() && moderation.isEmpty()) {
            throw new IllegalArgumentException("no sentiment/*.jsonl or moderation/*.jsonl under " + data);
        }
        Path figures = Path.of("triage-service/target/evaluate");
        Files.createDirectories(figures);
        for (ModelSpec base : ModelSpec.all()) {
            if (only != null && !only.equals(base.name())) {
                continue;
            }
            ModelSpec spec = Train.override(base, sets);
            long t0 = System.nanoTime();
            List<Example> rows = spec.rows(sentiment, moderation);
            String fragment = figures(spec, loaded.lexicon(), rows, moderation, folds);
            if (sets.isEmpty()) {
                Files.writeString(figures.resolve(spec.name() + ".txt"), Train.version(spec, rows) + "\n" + folds + "\n"
                        + fragment);
            }
            System.out.println(fragment);
            System.err.printf(Locale.ROOT, "%s: %d-fold grouped CV%s in %.0f s%n", spec.name(), folds,
                    spec.name().equals(ModelSpec.ABUSIVE) ? " and leave-one-set-out" : "", (System.nanoTime() - t0) / 1e9);
        }
        if (card == null || !sets.isEmpty()) {
            return;
        }
        // the card, from the figures of every model, each computed for the settings and rows of the shipped one
        StringBuilder cv = new StringBuilder(Figures.header());
        String loso = "";
        double chosen = ModerationClassifier.Settings.defaults().abusiveThreshold();
        for (ModelSpec spec : ModelSpec.all()) {
            Path f = figures.resolve(spec.name() + ".txt");
            String shipped = loaded.components().get(spec.name());
            if (!Files.exists(f)) {
                System.err.println("no figures for " + spec.name() + " yet (./suite evaluate --only " + spec.name() + ")");
                return;
            }
            String[] parts = Files.readString(f).split("\n", 3);
            if (!parts[0].equals(shipped) || Integer.parseInt(parts[1]) != folds) {
                System.err.println("the figures in " + f + " are for " + parts[0] + " (" + parts[1] + " folds), not the shipped "
                        + shipped + ": run ./suite evaluate --only " + spec.name());
                return;
            }
            String[] body = parts[2].split(LOSO, 2);
            cv.append(body[0]);
            if (body.length > 1) {
                String[] t = body[1].split("\n", 2);
                chosen = Double.parseDouble(t[0]);
                loso = t[1];
            }
        }
        String questions = "";
        Path sample = Path.of("triage-service/src/test/resources/question-sample.tsv");
        if (Files.exists(sample)) {
            List<Example> all = new ArrayList<>(sentiment);
            all.addAll(moderation);
            questions = QuestionSample.table(QuestionSample.score(
                    QuestionSample.withText(QuestionSample.read(sample), all), new QuestionDetector()));
        }
        System.out.println(questions);
        if (Math.abs(chosen - ModerationClassifier.Settings.defaults().abusiveThreshold()) > 1e-9) {
            System.err.printf(Locale.ROOT, "note: the chosen abuse threshold %.3f is not the configured default %.3f%n",
                    chosen, ModerationClassifier.Settings.defaults().abusiveThreshold());
        }
        Files.writeString(card, ModelCard.render(loaded, cv.toString(), loso, folds, chosen, questions,
                TopicSample.section(data, topicSample, TopicClassifier.defaults())));
        System.err.println("wrote " + card);
    }

    /** Separates a model's grouped-CV rows from its leave-one-set-out part (threshold line, then the table). */
    static final String LOSO = "\n<!-- loso -->\n";

    /** The grouped-CV rows of one model, and for {@code abusive} the leave-one-set-out part. */
    static String figures(ModelSpec spec, Lexicon lexicon, List<Example> rows, List<Example> moderation, int folds) {
        List<CrossValidation.Scored> oof = CrossValidation.grouped(spec, lexicon, rows, folds, scored(spec));
        int pos = spec.positive() == null ? -1 : List.of(spec.labels()).indexOf(spec.positive());
        double threshold = 0.5;
        StringBuilder loso = new StringBuilder();
        if (spec.name().equals(ModelSpec.ABUSIVE)) {
            Map<String, List<CrossValidation.Scored>> out = new TreeMap<>();
            for (String s : abuseSets(moderation)) {
                out.put(s, CrossValidation.leaveOneSetOut(spec, lexicon, rows, s));
            }
            StringBuilder log = new StringBuilder();
            chooseThreshold(out, spec.labels(), pos, log);
            // the figures are the shipped service's: at its configured threshold, whichever the sweep would pick
            threshold = ModerationClassifier.Settings.defaults().abusiveThreshold();
            loso.append(LOSO).append(threshold).append('\n').append(log).append(losoTable(out, oof, spec.labels(), pos,
                    threshold));
        }
        StringBuilder cv = new StringBuilder();
        List<FoldSummary> umsab = new ArrayList<>();
        for (FoldSummary s : FoldSummary.of(oof, spec.labels(), pos, threshold).values()) {
            cv.append(Figures.row(spec.name(), s, !s.source().equals("umsab")));
            if (s.source().equals("umsab")) {
                umsab.add(s);
            }
        }
        if (!umsab.isEmpty()) {
            cv.append(Figures.umsabMean(umsab));
        }
        return cv + loso.toString();
    }

    /** The rows each model is scored on: stance on every sentiment set, spam on the spam set, abuse on abuse sets. */
    static Predicate<Example> scored(ModelSpec spec) {
        if (spec.positive() == null) {
            return e -> true;
        }
        if (spec.name().equals(ModelSpec.SPAM)) {
            return e -> e.source().equals("youtube-spam");
        }
        return e -> ABUSE_SOURCES.contains(e.source());
    }

    static final java.util.Set<String> ABUSE_SOURCES = java.util.Set.of("tweeteval-offensive", "tweeteval-hate",
            "osact5", "news-ro-offense", "macd_te");

    static List<String> abuseSets(List<Example> moderation) {
        return moderation.stream().map(Example::source).filter(ABUSE_SOURCES::contains).distinct().sorted().toList();
    }

    /** The threshold with the best mean leave-one-set-out macro-F1 over the abuse sets (ties: the one nearer 0.5). */
    static double chooseThreshold(Map<String, List<CrossValidation.Scored>> out, String[] labels, int pos,
                                  StringBuilder log) {
        double best = 0.5, bestScore = -1;
        StringBuilder tried = new StringBuilder();
        for (double t : THRESHOLDS) {
            double sum = 0;
            for (List<CrossValidation.Scored> s : out.values()) {
                sum += FoldSummary.of(s, labels, pos, t).values().iterator().next().pooled().macroF1() * 100;
            }
            double mean = sum / out.size();
            tried.append(String.format(Locale.ROOT, "%s%.3f: %.1f", tried.length() == 0 ? "" : "; ", t, mean));
            if (mean > bestScore + 1e-9 || Math.abs(mean - bestScore) < 1e-9 && Math.abs(t - 0.5) < Math.abs(best - 0.5)) {
                best = t;
                bestScore = mean;
            }
        }
        log.append(String.format(Locale.ROOT, "Mean leave-one-set-out macro-F1 by threshold: %s. Best: %.3f.%n%n",
                tried, best));
        return best;
    }

    static String losoTable(Map<String, List<CrossValidation.Scored>> out, List<CrossValidation.Scored> oof,
                            String[] labels, int pos, double t) {
        Map<String, FoldSummary> in = FoldSummary.of(oof, labels, pos, t);
        StringBuilder sb = new StringBuilder("| set | lang | rows | leave-one-set-out macro-F1 % | in-set grouped CV % | "
                + "gap | target % | met | confusion (leave-one-set-out) |\n|---|---|---|---|---|---|---|---|---|\n");
        out.forEach((set, scored) -> {
            FoldSummary s = FoldSummary.of(scored, labels, pos, t).values().iterator().next();
            FoldSummary i = in.get(s.source() + "\t" + s.lang());
            double lo = s.pooled().macroF1() * 100;
            double own = i == null ? Double.NaN : i.mean();
            Double target = Figures.TARGETS.get(set);
            sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %.1f | %.1f | %+.1f | %s | %s | %s |%n", set, s.lang(),
                    s.rows(), lo, own, lo - own, target == null ? "" : String.format(Locale.ROOT, "%.0f", target),
                    target == null ? "" : Figures.met(lo, target), s.pooled().confusionCell()));
        });
        return sb.toString();
    }
}
