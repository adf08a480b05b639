package io.earshot.reply.domain;

import java.util.List;
import java.util.Map;

/**
 * What triage said about the comment: replaced with the comment when it is edited, never changed by a person.
 *
 * @param lang the comment's language
 * @param label praise, complaint, neutral, ...
 * @param confidence how sure triage was of the label
 * @param scores the score of every label
 * @param flags among {@link #FLAGS}
 * @param priority 0 to 100, higher first
 * @param explanation why triage decided so, for the person reading
 * @param topic what the comment is about, when triage says (selects a topic template)
 */
public record QueueItemVerdict(
        String lang,
        String label,
        double confidence,
        Map<String, Double> scores,
        List<String> flags,
        int priority,
        List<String> explanation,
        String topic) {

    /** The flags triage sets (docs/events/comments.triaged.schema.json), the values {@code GET /api/queue?flag=} takes. */
    public static final List<String> FLAGS = List.of("question", "spam", "abusive", "pii");

    public QueueItemVerdict withLang(String lang) {
        return new QueueItemVerdict(lang, label, confidence, scores, flags, priority, explanation, topic);
    }

    public QueueItemVerdict withLabel(String label) {
        return new QueueItemVerdict(lang, label, confidence, scores, flags, priority, explanation, topic);
    }

    public QueueItemVerdict withConfidence(double confidence) {
        return new QueueItemVerdict(lang, label, confidence, scores, flags, priority, explanation, topic);
    }

    public QueueItemVerdict withScores(Map<String, Double> scores) {
        return new QueueItemVerdict(lang, label, confidence, scores, flags, priority, explanation, topic);
    }

    public QueueItemVerdict withFlags(List<String> flags) {
        return new QueueItemVerdict(lang, label, confidence, scores, flags, priority, explanation, topic);
    }

    public QueueItemVerdict withPriority(int priority) {
        return new QueueItemVerdict(lang, label, confidence, scores, flags, priority, explanation, topic);
    }

    public QueueItemVerdict withExplanation(List<String> explanation) {
        return new QueueItemVerdict(lang, label, confidence, scores, flags, priority, explanation, topic);
    }

    public QueueItemVerdict withTopic(String topic) {
        return new QueueItemVerdict(lang, label, confidence, scores, flags, priority, explanation, topic);
    }
}
