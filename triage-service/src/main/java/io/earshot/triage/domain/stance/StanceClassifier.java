package io.earshot.triage.domain.stance;

import io.earshot.triage.domain.model.Explainer;
import io.earshot.triage.domain.model.FeatureVector;
import io.earshot.triage.domain.model.Features;
import io.earshot.triage.domain.model.LinearModel;
import io.earshot.triage.domain.model.Lexicon;
import io.earshot.triage.domain.model.Text;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Praise, complaint or neutral, from the trained multilingual stance model; thread-safe. */
public final class StanceClassifier {

    private final LinearModel model;
    private final Features features;
    private final ThreadLocal<FeatureVector> buffer = ThreadLocal.withInitial(() -> new FeatureVector(true));

    public StanceClassifier(LinearModel model, Lexicon lexicon) {
        this.model = model;
        this.features = new Features(model.config(), lexicon);
    }

    public Stance classify(Text.Analysed text, String lang, String platform, int explain) {
        FeatureVector x = buffer.get();
        features.extract(text, lang, platform, x);
        double[] p = new double[model.labelCount()];
        model.probabilities(x, p);
        int best = 0;
        for (int j = 1; j < p.length; j++) {
            if (p[j] > p[best]) {
                best = j;
            }
        }
        String[] labels = model.labels();
        Map<String, Double> scores = new LinkedHashMap<>();
        for (String l : List.of(Stance.PRAISE, Stance.COMPLAINT, Stance.NEUTRAL)) {
            int i = model.labelIndex(l);
            scores.put(l, i < 0 ? 0.0 : round(p[i]));
        }
        return new Stance(labels[best], round(p[best]), scores, Explainer.explain(model, x, best, explain));
    }

    static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
