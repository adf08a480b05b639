package io.earshot.triage.domain.stance;

import java.util.Locale;

/**
 * A review's star rating as a second, independent piece of evidence about its stance, combined with the text model
 * as a product of experts: {@code p(label | text, stars) ∝ p(label | text) · q(label | stars)^weight}, that is,
 * {@code weight · log q} is added to the text's log-probabilities and the result renormalised. One principled rule
 * instead of overrides: stars decide when the text is ambiguous (its probabilities close to each other), the text
 * decides when it is clear, because a confident calibrated text probability outweighs the bounded prior.
 *
 * <p>{@code q} is the label distribution a rating implies if the reviewer's stars and words disagree in about one
 * review in ten at the extremes (1-2 stars: complaint, 3: neutral-ish, 4-5: praise; a 1- or 5-star review is
 * rarely neutral). With weight 1, five stars shift the complaint/praise log-odds by {@code ln(0.90/0.05) = 2.89}: a
 * text keeps {@code complaint} against five stars when the model finds complaint at least 18 times more probable
 * than praise (the shipped model gives a clear complaint 100-1000 times).
 */
public final class StarRatingPrior {

    /** Label order of the rows below. */
    private static final String[] LABELS = {Stance.PRAISE, Stance.COMPLAINT, Stance.NEUTRAL};

    /** q(label | stars), rows for 1..5 stars, columns praise, complaint, neutral. */
    private static final double[][] Q = {
            {0.05, 0.90, 0.05},
            {0.10, 0.75, 0.15},
            {0.25, 0.30, 0.45},
            {0.75, 0.10, 0.15},
            {0.90, 0.05, 0.05},
    };

    private final double weight;

    /** @param weight how much the rating counts (0: not at all, 1: as independent calibrated evidence) */
    public StarRatingPrior(double weight) {
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("star rating weight must be a finite number >= 0, got " + weight);
        }
        this.weight = weight;
    }

    public double weight() {
        return weight;
    }

    /** True when {@code stars} is a rating this prior knows (1 to 5) and it counts at all. */
    public boolean applies(Integer stars) {
        return stars != null && stars >= 1 && stars <= 5 && weight > 0;
    }

    /**
     * Combines {@code p} (probabilities of {@code labels}, in place) with the prior of {@code stars}; labels this
     * prior does not know are left with a neutral factor. Does nothing when {@link #applies} is false.
     */
    public void combine(Integer stars, String[] labels, double[] p) {
        if (!applies(stars)) {
            return;
        }
        double[] row = Q[stars - 1];
        double[] logp = new double[p.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < p.length; j++) {
            logp[j] = Math.log(Math.max(p[j], 1e-12)) + weight * logPrior(row, labels[j]);
            max = Math.max(max, logp[j]);
        }
        double sum = 0;
        for (int j = 0; j < p.length; j++) {
            p[j] = Math.exp(logp[j] - max);
            sum += p[j];
        }
        for (int j = 0; j < p.length; j++) {
            p[j] /= sum;
        }
    }

    /** How the rating pushed {@code label}, for the explanation: {@code "5-star rating (+1.80)"}. */
    public String explain(Integer stars, String label) {
        double[] row = Q[stars - 1];
        double mean = 0;
        for (double v : row) {
            mean += Math.log(v);
        }
        mean /= row.length;
        double push = weight * (logPrior(row, label) - mean);
        return String.format(Locale.ROOT, "%d-star rating (%+.2f)", stars, push);
    }

    private static double logPrior(double[] row, String label) {
        for (int i = 0; i < LABELS.length; i++) {
            if (LABELS[i].equals(label)) {
                return Math.log(row[i]);
            }
        }
        return Math.log(1.0 / LABELS.length);
    }

    /**
     * Reads a rating as platforms send it in {@code context.starRating}: a number or a numeric string, 1 to 5
     * (a fractional value is rounded); anything else is no rating.
     */
    public static Integer parse(Object value) {
        double v;
        if (value instanceof Number n) {
            v = n.doubleValue();
        } else if (value instanceof String s && !s.isBlank()) {
            try {
                v = Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        } else {
            return null;
        }
        if (!(v >= 1 && v <= 5)) {
            return null;
        }
        return (int) Math.round(v);
    }
}
