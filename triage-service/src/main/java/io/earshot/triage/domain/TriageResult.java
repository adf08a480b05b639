package io.earshot.triage.domain;

import io.earshot.triage.domain.pii.PiiSpan;

import java.util.List;
import java.util.Map;

/**
 * The whole verdict on one comment: language, stance label and confidence, the probability of each label
 * (praise, complaint, neutral, spam, abusive), flags, personal data spans, priority with its reasons, the features
 * that pushed the label, rule signals, the model version, and for complaints and questions the topic (a
 * {@link io.earshot.triage.domain.topic.Topic} code; null otherwise).
 */
public record TriageResult(String lang, String label, double confidence, Map<String, Double> scores,
                           List<String> flags, List<PiiSpan> pii, int priority, List<String> reasons,
                           List<String> explanation, List<String> signals, String model,
                           String topic) {

    public static final String QUESTION = "question";
    public static final String SPAM = "spam";
    public static final String ABUSIVE = "abusive";
    public static final String PII = "pii";
}
