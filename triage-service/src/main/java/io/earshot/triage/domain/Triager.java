package io.earshot.triage.domain;

import io.earshot.triage.messaging.CommentTriaged.Triage;
import io.earshot.triage.messaging.IngestedComment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The whole triage of one comment: language, stance, flags, priority with its reasons. */
@ApplicationScoped
public class Triager {

    private static final Pattern QUESTION = Pattern.compile("[?¿؟]");

    @Inject
    LanguageDetection languages;

    @Inject
    StanceClassifier stance;

    Clock clock = Clock.systemUTC();

    public Triage triage(IngestedComment comment) {
        String lang = languages.detect(comment.text(), comment.lang());
        Stance verdict = stance.classify(comment.text(), lang);
        List<String> flags = new ArrayList<>();
        if (QUESTION.matcher(comment.text()).find()) {
            flags.add("question");
        }
        List<String> reasons = new ArrayList<>();
        int priority = switch (verdict.label()) {
            case Stance.COMPLAINT -> {
                reasons.add("complaint");
                yield 50 + (int) Math.round(30 * verdict.confidence());
            }
            case Stance.PRAISE -> 10;
            default -> 20;
        };
        if (flags.contains("question")) {
            reasons.add("question");
            priority += 10;
        }
        return new Triage(lang, verdict.label(), verdict.confidence(), verdict.scores(), flags, List.of(),
                Math.min(100, priority), reasons, verdict.explanation(), stance.model(), clock.instant());
    }
}
