package io.earshot.triage.domain.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What each shipped model is trained on and with which settings. */
public record ModelSpec(String name, String[] labels, String positive, Features.Config features,
                        Trainer.Settings settings) {

    public static final String STANCE = "stance";
    public static final String SPAM = "spam";
    public static final String ABUSIVE = "abusive";
    /** Fixed seed: the same data gives the same model bytes. */
    public static final long SEED = 20261123L;

    public static List<ModelSpec> all() {
        return List.of(stance(), spam(), abusive());
    }

    public static ModelSpec stance() {
        return new ModelSpec(STANCE, new String[] {"praise", "complaint", "neutral"}, null,
                Features.Config.defaults(20, false),
                new Trainer.Settings(6, 0.03, 1e-6, 0.5, SEED, 20, true, 1.0, 0.0, Map.of("umsab", 2.0)));
    }

    public static ModelSpec spam() {
        return new ModelSpec(SPAM, new String[] {"ok", "spam"}, "spam", Features.Config.defaults(20, true),
                new Trainer.Settings(8, 0.05, 1e-6, 1.0, SEED, 10, true, 1.0, 0.0, Map.of("*", 0.05, "youtube-spam", 1.0)));
    }

    public static ModelSpec abusive() {
        // abuse cues (model/abuse-cues.tsv): in-set grouped CV +0.1 to +1.4 on every abuse set but hate (-0.1)
        return new ModelSpec(ABUSIVE, new String[] {"ok", "abusive"}, "abusive",
                Features.Config.defaults(20, true).withAbuseCues(true),
                new Trainer.Settings(6, 0.03, 1e-6, 1.0, SEED, 20, true, 1.0, 0.0, Map.of("*", 0.2, "tweeteval-offensive", 1.0, "tweeteval-hate", 1.0, "osact5", 1.0, "news-ro-offense", 1.0, "youtube-spam", 1.0, "macd_te", 1.0)));
    }

    public String fileName() {
        return name + ".model.gz";
    }

    /**
     * The rows this model learns from, labels mapped to its own: the stance model reads {@code sentiment/}; a binary
     * moderation model reads {@code moderation/} (other moderation labels count as "ok") and all sentiment rows as
     * extra "ok" examples of ordinary comments (down-weighted), so it has seen every language.
     */
    public List<Example> rows(List<Example> sentiment, List<Example> moderation) {
        if (positive == null) {
            return sentiment;
        }
        List<Example> out = new ArrayList<>(sentiment.size() + moderation.size());
        for (Example e : moderation) {
            out.add(e.withLabel(positive.equals(e.label()) ? positive : "ok"));
        }
        for (Example e : sentiment) {
            out.add(e.withLabel("ok"));
        }
        return out;
    }
}
