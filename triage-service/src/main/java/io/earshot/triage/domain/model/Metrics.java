package io.earshot.triage.domain.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Confusion matrix, accuracy and macro-F1 over the labels a source uses. */
public final class Metrics {
    private final String[] labels;
    private final long[][] confusion;

    public Metrics(String[] labels) {
        this.labels = labels.clone();
        this.confusion = new long[labels.length][labels.length];
    }

    public void add(int gold, int predicted) {
        confusion[gold][predicted]++;
    }

    public long total() {
        long t = 0;
        for (long[] r : confusion) {
            for (long v : r) {
                t += v;
            }
        }
        return t;
    }

    public double accuracy() {
        long ok = 0;
        for (int i = 0; i < labels.length; i++) {
            ok += confusion[i][i];
        }
        return total() == 0 ? 0 : (double) ok / total();
    }

    /** Labels that occur in the gold data (a two-class source is scored over its two classes). */
    public List<Integer> goldLabels() {
        Set<Integer> s = new LinkedHashSet<>();
        for (int i = 0; i < labels.length; i++) {
            for (long v : confusion[i]) {
                if (v > 0) {
                    s.add(i);
                    break;
                }
            }
        }
        return List.copyOf(s);
    }

    public double f1(int c) {
        long tp = confusion[c][c], fp = 0, fn = 0;
        for (int i = 0; i < labels.length; i++) {
            if (i != c) {
                fp += confusion[i][c];
                fn += confusion[c][i];
            }
        }
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }

    public double macroF1() {
        List<Integer> g = goldLabels();
        double s = 0;
        for (int c : g) {
            s += f1(c);
        }
        return g.isEmpty() ? 0 : s / g.size();
    }

    /** The confusion matrix as "gold→[counts per predicted label]" in one cell. */
    public String confusionCell() {
        StringBuilder sb = new StringBuilder();
        for (int i : goldLabels()) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(labels[i]).append(':');
            for (int j = 0; j < labels.length; j++) {
                sb.append(j == 0 ? "" : "/").append(confusion[i][j]);
            }
        }
        return sb.toString();
    }
}
