package io.earshot.triage.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What triage looks for and how sure it must be. */
@ConfigMapping(prefix = "earshot.triage")
public interface TriageConfig {

    /** ISO 639-1 codes of the languages detection chooses among; anything else comes out as {@code und}. */
    @WithDefault("en,es,ru,ar,ro,te,fr,de,pt,it,hi")
    List<String> languages();

    /** Texts with fewer letters than this are too short to tell a language from: {@code und}. */
    @WithDefault("4")
    int minLettersForDetection();

    /** Lingua's minimum relative distance between the two likeliest languages; closer (mixed text) is {@code und}. */
    @WithDefault("0.05")
    double languageMinimumDistance();

    /** Lingua's low-accuracy mode: trigram models only, a fraction of the memory and time, weaker on very short text. */
    @WithDefault("true")
    boolean languageLowAccuracy();

    /** Spam probability from which a comment is flagged {@code spam}. */
    @WithDefault("0.5")
    double spamThreshold();

    /** Abuse probability from which a comment is flagged {@code abusive}. */
    @WithDefault("0.5")
    double abusiveThreshold();

    /** The same text posted this many times within {@link #repeatWindow()} is flagged {@code spam}. */
    @WithDefault("3")
    int repeatThreshold();

    /** The window of the repetition rule. */
    @WithDefault("10m")
    Duration repeatWindow();

    /** Texts shorter than this are never counted as repetitions (many people write "thanks!"). */
    @WithDefault("20")
    int repeatMinChars();

    /** Region (ISO 3166 alpha-2) for national phone numbers when the language suggests none. */
    @WithDefault("US")
    String phoneRegion();

    /** Extra urgency cue lists ({@code category<TAB>lang<TAB>term} lines) added to the built-in ones. */
    Optional<String> urgencyFile();

    /**
     * How much a review's star rating ({@code context.starRating}, 1-5) counts next to its text: the weight of the
     * rating's log-prior added to the stance model's log-probabilities (0 ignores ratings; see docs/model-card.md).
     */
    @WithDefault("1.0")
    double starRatingWeight();

    /** How many features the explanation of a verdict names. */
    @WithDefault("3")
    int explanationSize();
}
