package io.earshot.triage.domain.stance;

import java.util.List;
import java.util.Map;

/** A stance verdict: the label, its calibrated probability, the probability of each label, what pushed it. */
public record Stance(String label, double confidence, Map<String, Double> scores, List<String> explanation) {

    public static final String PRAISE = "praise";
    public static final String COMPLAINT = "complaint";
    public static final String NEUTRAL = "neutral";
}
