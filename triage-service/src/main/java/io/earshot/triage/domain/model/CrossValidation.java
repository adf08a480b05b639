package io.earshot.triage.domain.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Cross-validation grouped by what the held-out sets are split by ({@link Example#group()}: company, product, article,
 * video): a group's rows are all in one fold, so every out-of-fold figure is for companies or articles the model never
 * saw. Also leave-one-set-out: train without a whole source and score that source, which is how a moderation set with
 * its own definition of abuse fares when the model learnt only the others'. Deterministic: folds depend only on the
 * rows, training on the fixed seed.
 */
public final class CrossValidation {

    /** One scored row: its fold ({@code -1} for leave-one-set-out) and the model's probabilities. */
    public record Scored(Example row, int fold, double[] p) { }

    private CrossValidation() { }

    /**
     * The fold of each row, per source: groups sorted by size (largest first, ties by a hash of the name) and each
     * given to the fold with the fewest rows of that source so far. A source with fewer groups than folds leaves
     * folds empty (its figure is then leave-one-group-out).
     */
    public static int[] folds(List<Example> rows, int k) {
        Map<String, Map<String, List<Integer>>> bySource = new TreeMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Example e = rows.get(i);
            bySource.computeIfAbsent(e.source(), s -> new TreeMap<>())
                    .computeIfAbsent(e.group(), g -> new ArrayList<>()).add(i);
        }
        int[] fold = new int[rows.size()];
        for (Map<String, List<Integer>> groups : bySource.values()) {
            List<Map.Entry<String, List<Integer>>> order = new ArrayList<>(groups.entrySet());
            order.sort(Comparator.<Map.Entry<String, List<Integer>>>comparingInt(en -> -en.getValue().size())
                    .thenComparingInt(en -> Features.fnv(11, en.getKey()))
                    .thenComparing(Map.Entry::getKey));
            long[] size = new long[k];
            for (Map.Entry<String, List<Integer>> g : order) {
                int best = 0;
                for (int f = 1; f < k; f++) {
                    if (size[f] < size[best]) {
                        best = f;
                    }
                }
                size[best] += g.getValue().size();
                for (int i : g.getValue()) {
                    fold[i] = best;
                }
            }
        }
        return fold;
    }

    /** Out-of-fold probabilities for the rows {@code scored} accepts: {@code k} models, each without one fold. */
    public static List<Scored> grouped(ModelSpec spec, Lexicon lexicon, List<Example> rows, int k,
                                       Predicate<Example> scored) {
        int[] fold = folds(rows, k);
        Features features = new Features(spec.features(), lexicon);
        List<Scored> out = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            List<Example> fit = new ArrayList<>();
            List<Example> test = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                (fold[i] == f ? test : fit).add(rows.get(i));
            }
            if (test.stream().noneMatch(scored)) {
                continue;
            }
            LinearModel m = Trainer.train(spec.name(), spec.name() + "-cv" + f, spec.labels(), features, fit,
                    spec.settings());
            score(m, features, test, scored, f, out);
        }
        return out;
    }

    /** Probabilities for the rows of {@code source} from a model trained on every other source. */
    public static List<Scored> leaveOneSetOut(ModelSpec spec, Lexicon lexicon, List<Example> rows, String source) {
        Features features = new Features(spec.features(), lexicon);
        List<Example> fit = new ArrayList<>();
        List<Example> test = new ArrayList<>();
        for (Example e : rows) {
            (e.source().equals(source) ? test : fit).add(e);
        }
        LinearModel m = Trainer.train(spec.name(), spec.name() + "-loso", spec.labels(), features, fit,
                spec.settings());
        List<Scored> out = new ArrayList<>();
        score(m, features, test, e -> true, -1, out);
        return out;
    }

    private static void score(LinearModel m, Features features, List<Example> test, Predicate<Example> scored, int f,
                              List<Scored> out) {
        FeatureVector fv = new FeatureVector(false);
        for (Example e : test) {
            if (!scored.test(e) || m.labelIndex(e.label()) < 0) {
                continue;
            }
            features.extract(e.text(), e.lang(), e.platform(), fv);
            double[] p = new double[m.labelCount()];
            m.probabilities(fv, p);
            out.add(new Scored(e, f, p));
        }
    }
}
