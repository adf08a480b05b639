package io.earshot.triage.domain.moderation;

import io.earshot.triage.domain.model.Explainer;
import io.earshot.triage.domain.model.FeatureVector;
import io.earshot.triage.domain.model.Features;
import io.earshot.triage.domain.model.LinearModel;
import io.earshot.triage.domain.model.Lexicon;
import io.earshot.triage.domain.model.Text;
import io.earshot.triage.domain.priority.UrgencyCues;

import java.util.ArrayList;
import java.util.List;

/**
 * Spam and abuse: two trained binary models, each with its own threshold, plus rule signals that need no model:
 * a comment that is only links, a link with self-promotion words in any core language ("subscribe to my channel",
 * {@code model/promotion.tsv}: the spam model learnt from English comments only), and the same text posted many
 * times in a short window (counted by the caller, in Redis for the service).
 */
public final class ModerationClassifier {

    /** Thresholds and the repetition rule. */
    public record Settings(double spamThreshold, double abusiveThreshold, int repeatThreshold, int repeatMinChars) {
        public static Settings defaults() {
            return new Settings(0.5, 0.5, 3, 20);
        }
    }

    private final LinearModel spam;
    private final LinearModel abusive;
    private final Features spamFeatures;
    private final Features abusiveFeatures;
    private final Settings settings;
    /** Both models use the same feature space: one extraction serves both. */
    private final boolean sharedFeatures;
    private final UrgencyCues promotion = UrgencyCues.fromResource("model/promotion.tsv");
    private final ThreadLocal<FeatureVector> buffer = ThreadLocal.withInitial(() -> new FeatureVector(true));

    public ModerationClassifier(LinearModel spam, LinearModel abusive, Lexicon lexicon, Settings settings) {
        this.spam = spam;
        this.abusive = abusive;
        this.spamFeatures = new Features(spam.config(), lexicon);
        this.abusiveFeatures = new Features(abusive.config(), lexicon);
        this.settings = settings;
        this.sharedFeatures = spam.config().equals(abusive.config());
    }

    public Settings settings() {
        return settings;
    }

    /**
     * @param repeats how many times this very text was posted in the window (0 when not counted)
     */
    public Moderation assess(Text.Analysed text, String lang, String platform, int repeats, int explain) {
        FeatureVector x = buffer.get();
        double[] p = new double[2];
        spamFeatures.extract(text, lang, platform, x);
        spam.probabilities(x, p);
        double pSpam = p[spam.labelIndex("spam")];
        if (!sharedFeatures) {
            abusiveFeatures.extract(text, lang, platform, x);
        }
        abusive.probabilities(x, p);
        int abusiveIndex = abusive.labelIndex("abusive");
        double pAbusive = p[abusiveIndex];
        boolean isAbusive = pAbusive >= settings.abusiveThreshold();
        List<String> signals = new ArrayList<>(1);
        if (linkOnly(text)) {
            signals.add("link-only");
        } else if (hasLink(text) && !promotion.find(text, lang).isEmpty()) {
            signals.add("self-promotion with a link");
        }
        if (repeats >= settings.repeatThreshold()) {
            signals.add("repeated " + repeats + " times");
        }
        boolean isSpam = pSpam >= settings.spamThreshold() || !signals.isEmpty();
        List<String> why = isAbusive ? Explainer.explain(abusive, x, abusiveIndex, explain) : List.of();
        return new Moderation(round(pSpam), round(pAbusive), isSpam, isAbusive, signals, why);
    }

    /** Whether the repetition rule applies to a text this long (short thanks are legitimately repeated). */
    public boolean countsRepeats(String text) {
        return text != null && text.strip().length() >= settings.repeatMinChars();
    }

    static boolean hasLink(Text.Analysed text) {
        for (Text.Token t : text.tokens()) {
            if (t.kind() == Text.Kind.URL) {
                return true;
            }
        }
        return false;
    }

    /** True when the comment has at least one link and no words besides links, mentions and punctuation. */
    static boolean linkOnly(Text.Analysed text) {
        boolean link = false;
        for (Text.Token t : text.tokens()) {
            switch (t.kind()) {
                case URL -> link |= t.text().equals("http");
                case WORD, NUMBER -> {
                    return false;
                }
                default -> { }
            }
        }
        return link;
    }

    static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
