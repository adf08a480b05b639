package io.earshot.triage.domain.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Names the few inputs that pushed a linear model towards its label: the contribution of each entry to the chosen
 * label's score minus its mean contribution to the other labels, summed per word or cue, largest first.
 */
public final class Explainer {

    private Explainer() { }

    /** Up to {@code n} "word (+0.42)" strings for {@code label}; priors and length cues are left out. */
    public static List<String> explain(LinearModel model, FeatureVector x, int label, int n) {
        if (n <= 0 || x.origin == null) {
            return List.of();
        }
        int k = model.labelCount();
        Map<String, double[]> sums = new HashMap<>();
        for (int i = 0; i < x.size; i++) {
            String o = x.origin[i];
            if (o == null || o.equals("(prior)") || o.equals("(platform prior)") || o.equals("(length)")
                    || o.equals("(no valence words)")) {
                continue;
            }
            double own = model.contribution(x, i, label);
            double others = 0;
            for (int j = 0; j < k; j++) {
                if (j != label) {
                    others += model.contribution(x, i, j);
                }
            }
            double c = own - others / (k - 1);
            sums.computeIfAbsent(o, z -> new double[1])[0] += c;
        }
        List<Map.Entry<String, double[]>> entries = new ArrayList<>(sums.entrySet());
        entries.sort((a, b) -> {
            int cmp = Double.compare(b.getValue()[0], a.getValue()[0]);
            return cmp != 0 ? cmp : a.getKey().compareTo(b.getKey());
        });
        List<String> out = new ArrayList<>(n);
        for (Map.Entry<String, double[]> e : entries) {
            if (out.size() == n || e.getValue()[0] <= 0.01) {
                break;
            }
            out.add(String.format(Locale.ROOT, "%s (%+.2f)", e.getKey(), e.getValue()[0]));
        }
        return out;
    }
}
