package io.earshot.triage.domain.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Names the few inputs that pushed a linear model towards its label: the contribution of each entry to the chosen
 * label's score minus its mean contribution to the other labels, summed per word (its word and character features),
 * per bigram or per cue, largest first.
 */
public final class Explainer {

    private Explainer() { }

    /** Up to {@code n} "word (+0.42)" strings for {@code label}; priors and length cues are left out. */
    public static List<String> explain(LinearModel model, FeatureVector x, int label, int n) {
        if (n <= 0) {
            return List.of();
        }
        int k = model.labelCount();
        int nTok = x.tokens.size();
        // slots: tokens [0, nTok), bigrams [nTok, 2 nTok + 1), cues after
        double[] sum = new double[2 * nTok + 1 + FeatureVector.CUES];
        for (int i = 0; i < x.size; i++) {
            int o = x.origin[i];
            if (o == FeatureVector.PRIOR || o == FeatureVector.PLATFORM || o == FeatureVector.LENGTH
                    || o == FeatureVector.NO_VALENCE) {
                continue;
            }
            double own = model.contribution(x, i, label);
            double others = 0;
            for (int j = 0; j < k; j++) {
                if (j != label) {
                    others += model.contribution(x, i, j);
                }
            }
            sum[slot(o, nTok)] += own - others / (k - 1);
        }
        List<String> out = new ArrayList<>(n);
        boolean[] used = new boolean[sum.length];
        while (out.size() < n) {
            int best = -1;
            for (int s = 0; s < sum.length; s++) {
                if (!used[s] && sum[s] > 0.01 && (best < 0 || sum[s] > sum[best])) {
                    best = s;
                }
            }
            if (best < 0) {
                break;
            }
            used[best] = true;
            out.add(String.format(Locale.ROOT, "%s (%+.2f)", x.originName(code(best, nTok)), sum[best]));
        }
        return out;
    }

    private static int slot(int origin, int nTok) {
        if (origin >= FeatureVector.BIGRAM) {
            return nTok + origin - FeatureVector.BIGRAM;
        }
        return origin >= 0 ? origin : 2 * nTok + 1 + (-origin);
    }

    private static int code(int slot, int nTok) {
        if (slot < nTok) {
            return slot;
        }
        if (slot <= 2 * nTok) {
            return FeatureVector.BIGRAM + slot - nTok;
        }
        return -(slot - 2 * nTok - 1);
    }
}
