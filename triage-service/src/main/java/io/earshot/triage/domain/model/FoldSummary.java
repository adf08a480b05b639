package io.earshot.triage.domain.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Macro-F1 of out-of-fold predictions for one source and language: per fold, their mean and spread, and the pooled
 * confusion matrix. A binary model decides with a threshold on its positive label's probability.
 */
public record FoldSummary(String source, String lang, int rows, double[] perFold, Metrics pooled) {

    public double mean() {
        double s = 0;
        for (double v : perFold) {
            s += v;
        }
        return perFold.length == 0 ? 0 : s / perFold.length;
    }

    /** Sample standard deviation over folds (0 for one fold). */
    public double sd() {
        if (perFold.length < 2) {
            return 0;
        }
        double m = mean(), s = 0;
        for (double v : perFold) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (perFold.length - 1));
    }

    public double min() {
        double m = Double.MAX_VALUE;
        for (double v : perFold) {
            m = Math.min(m, v);
        }
        return perFold.length == 0 ? 0 : m;
    }

    public double max() {
        double m = -Double.MAX_VALUE;
        for (double v : perFold) {
            m = Math.max(m, v);
        }
        return perFold.length == 0 ? 0 : m;
    }

    /**
     * Summaries keyed {@code source<TAB>lang}. {@code positive} is the label a threshold applies to (binary models;
     * -1 for argmax). Folds with fewer than 5 scored rows of a source are left out of its spread.
     */
    public static Map<String, FoldSummary> of(List<CrossValidation.Scored> scored, String[] labels, int positive,
                                              double threshold) {
        Map<String, Map<Integer, Metrics>> per = new TreeMap<>();
        Map<String, Metrics> pooled = new TreeMap<>();
        for (CrossValidation.Scored s : scored) {
            String key = s.row().source() + "\t" + s.row().lang();
            int gold = indexOf(labels, s.row().label());
            int pred = decide(s.p(), positive, threshold);
            per.computeIfAbsent(key, x -> new TreeMap<>()).computeIfAbsent(s.fold(), x -> new Metrics(labels))
                    .add(gold, pred);
            pooled.computeIfAbsent(key, x -> new Metrics(labels)).add(gold, pred);
        }
        Map<String, FoldSummary> out = new TreeMap<>();
        per.forEach((key, folds) -> {
            List<Double> f1 = new ArrayList<>();
            folds.values().forEach(m -> {
                if (m.total() >= 5) {
                    f1.add(m.macroF1() * 100);
                }
            });
            String[] sl = key.split("\t");
            Metrics all = pooled.get(key);
            out.put(key, new FoldSummary(sl[0], sl[1], (int) all.total(),
                    f1.stream().mapToDouble(Double::doubleValue).toArray(), all));
        });
        return out;
    }

    /** The label a binary model's probabilities give at {@code threshold}, or the most probable one. */
    public static int decide(double[] p, int positive, double threshold) {
        if (positive >= 0) {
            return p[positive] >= threshold ? positive : (positive == 0 ? 1 : 0);
        }
        int best = 0;
        for (int j = 1; j < p.length; j++) {
            if (p[j] > p[best]) {
                best = j;
            }
        }
        return best;
    }

    private static int indexOf(String[] labels, String l) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i].equals(l)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown label " + l);
    }
}
