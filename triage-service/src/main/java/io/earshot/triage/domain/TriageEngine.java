package io.earshot.triage.domain;

import io.earshot.triage.domain.language.LanguageIdentifier;
import io.earshot.triage.domain.model.Models;
import io.earshot.triage.domain.model.Text;
import io.earshot.triage.domain.moderation.Moderation;
import io.earshot.triage.domain.moderation.ModerationClassifier;
import io.earshot.triage.domain.pii.PiiDetector;
import io.earshot.triage.domain.pii.PiiSpan;
import io.earshot.triage.domain.priority.PriorityScorer;
import io.earshot.triage.domain.priority.UrgencyCues;
import io.earshot.triage.domain.question.QuestionDetector;
import io.earshot.triage.domain.stance.Stance;
import io.earshot.triage.domain.stance.StanceClassifier;
import io.earshot.triage.domain.stance.StarRatingPrior;
import io.earshot.triage.domain.topic.TopicClassifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole triage of one comment, the same in the service, the API, the classify command and the benchmark:
 * language, stance, moderation, personal data, question, topic (complaints and questions only), priority and
 * explanation. Thread-safe, no I/O.
 */
public final class TriageEngine {

    private final Models models;
    private final LanguageIdentifier languages;
    private final StanceClassifier stance;
    private final ModerationClassifier moderation;
    private final PiiDetector pii;
    private final QuestionDetector questions;
    private final UrgencyCues cues;
    private final PriorityScorer priority;
    private final TopicClassifier topics;
    private final int explanationSize;

    public TriageEngine(Models models, LanguageIdentifier languages, ModerationClassifier.Settings moderation,
                        PiiDetector pii, UrgencyCues cues, int explanationSize) {
        this(models, languages, moderation, pii, cues, explanationSize, new StarRatingPrior(DEFAULT_STAR_WEIGHT));
    }

    public TriageEngine(Models models, LanguageIdentifier languages, ModerationClassifier.Settings moderation,
                        PiiDetector pii, UrgencyCues cues, int explanationSize, StarRatingPrior stars) {
        this.models = models;
        this.languages = languages;
        this.stance = new StanceClassifier(models.stance(), models.lexicon(), stars);
        this.moderation = new ModerationClassifier(models.spam(), models.abusive(), models.lexicon(), moderation);
        this.pii = pii;
        this.questions = new QuestionDetector();
        this.cues = cues;
        this.priority = new PriorityScorer();
        this.topics = TopicClassifier.defaults();
        this.explanationSize = explanationSize;
    }

    /** An engine with the shipped models and default settings (what the service runs unconfigured). */
    public static TriageEngine withDefaults() {
        return new TriageEngine(Models.fromClasspath(), new LanguageIdentifier(DEFAULT_LANGUAGES, 4, 0.05, true),
                ModerationClassifier.Settings.defaults(), new PiiDetector("US"), UrgencyCues.defaults(), 3);
    }

    /** How much a review's star rating counts by default (see {@link StarRatingPrior}; docs/model-card.md). */
    public static final double DEFAULT_STAR_WEIGHT = 1.0;

    /** The languages configured by default (issue 4: at least these). */
    public static final List<String> DEFAULT_LANGUAGES =
            List.of("en", "es", "ru", "ar", "ro", "te", "fr", "de", "pt", "it", "hi");

    public Models models() {
        return models;
    }

    public ModerationClassifier moderation() {
        return moderation;
    }

    public LanguageIdentifier languages() {
        return languages;
    }

    public TriageResult triage(TriageRequest r) {
        String text = r.text() == null ? "" : r.text();
        String lang = languages.detect(text, r.langHint()).lang();
        Text.Analysed a = Text.analyse(text);
        Stance s = stance.classify(a, lang, r.platform(), r.starRating(), explanationSize);
        Moderation m = moderation.assess(a, lang, r.platform(), r.repeats(), explanationSize);
        List<PiiSpan> spans = pii.find(text, lang);
        boolean question = questions.isQuestion(text, lang);
        List<String> flags = new ArrayList<>(2);
        if (question) {
            flags.add(TriageResult.QUESTION);
        }
        if (m.isSpam()) {
            flags.add(TriageResult.SPAM);
        }
        if (m.isAbusive()) {
            flags.add(TriageResult.ABUSIVE);
        }
        if (!spans.isEmpty()) {
            flags.add(TriageResult.PII);
        }
        Map<String, Double> scores = new LinkedHashMap<>(s.scores());
        scores.put(TriageResult.SPAM, m.spam());
        scores.put(TriageResult.ABUSIVE, m.abusive());
        PriorityScorer.Priority p = priority.score(new PriorityScorer.Input(s.label(),
                s.scores().get(Stance.COMPLAINT), s.scores().get(Stance.PRAISE), question, m.isSpam(), m.isAbusive(),
                !spans.isEmpty(), cues.find(a, lang), models.lexicon().serviceCues(a, lang), r.followers(),
                r.platformStatus(), r.ageSeconds()));
        List<String> explanation = s.explanation();
        if (!m.explanation().isEmpty()) {
            explanation = new ArrayList<>(s.explanation());
            for (String e : m.explanation()) {
                explanation.add("abusive: " + e);
            }
        }
        // only what someone must act on gets a topic: praise and neutral remarks stay without one
        String topic = question || Stance.COMPLAINT.equals(s.label()) ? topics.classify(a, lang).code() : null;
        return new TriageResult(lang, s.label(), s.confidence(), scores, List.copyOf(flags), spans, p.score(),
                p.reasons(), List.copyOf(explanation), m.signals(), models.version(), topic);
    }
}
