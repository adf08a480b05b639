package io.earshot.triage.domain.stance;

import io.earshot.triage.domain.model.Explainer;
import io.earshot.triage.domain.model.FeatureVector;
import io.earshot.triage.domain.model.Features;
import io.earshot.triage.domain.model.LinearModel;
import io.earshot.triage.domain.model.Lexicon;
import io.earshot.triage.domain.model.Text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Praise, complaint or neutral, from the trained multilingual stance model, with a review's star rating (when there
 * is one) combined as a prior ({@link StarRatingPrior}); thread-safe.
 */
public final class StanceClassifier {

    private final LinearModel model;
    private final Features features;
    private final StarRatingPrior stars;
    private final ThreadLocal<FeatureVector> buffer = ThreadLocal.withInitial(() -> new FeatureVector(true));

    public StanceClassifier(LinearModel model, Lexicon lexicon) {
        this(model, lexicon, new StarRatingPrior(0));
    }

    public StanceClassifier(LinearModel model, Lexicon lexicon, StarRatingPrior stars) {
        this.model = model;
        this.features = new Features(model.config(), lexicon);
        this.stars = stars;
    }

    public Stance classify(Text.Analysed text, String lang, String platform, int explain) {
        return classify(text, lang, platform, null, explain);
    }

    /** As {@link #classify(Text.Analysed, String, String, int)}, with the review's star rating (null: none). */
    public Stance classify(Text.Analysed text, String lang, String platform, Integer starRating, int explain) {
        FeatureVector x = buffer.get();
        features.extract(text, lang, platform, x);
        double[] p = new double[model.labelCount()];
        model.probabilities(x, p);
        boolean rated = stars.applies(starRating);
        stars.combine(starRating, model.labels(), p);
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
        List<String> why = Explainer.explain(model, x, best, explain);
        if (rated) {
            List<String> withStars = new ArrayList<>(why.size() + 1);
            withStars.add(stars.explain(starRating, labels[best]));
            withStars.addAll(why);
            why = List.copyOf(withStars);
        }
        return new Stance(labels[best], round(p[best]), scores, why);
    }

    static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
