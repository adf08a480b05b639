package io.earshot.triage.domain;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import io.earshot.triage.config.TriageConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which language a comment is in, among the configured ones. The platform's hint wins when it names a configured
 * language; text too short to tell, or too mixed, is {@code und} rather than a confident wrong guess.
 */
@ApplicationScoped
public class LanguageDetection {

    public static final String UNDETERMINED = "und";

    private final Set<String> configured;
    private final LanguageDetector detector;
    private final int minLetters;

    @Inject
    public LanguageDetection(TriageConfig config) {
        this.configured = config.languages().stream().map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Language[] languages = configured.stream()
                .map(code -> Language.getByIsoCode639_1(IsoCode639_1.valueOf(code.toUpperCase(Locale.ROOT))))
                .toArray(Language[]::new);
        this.detector = LanguageDetectorBuilder.fromLanguages(languages).withMinimumRelativeDistance(0.05).build();
        this.minLetters = config.minLettersForDetection();
    }

    public String detect(String text, String hint) {
        if (hint != null) {
            String primary = hint.toLowerCase(Locale.ROOT).split("[-_]")[0];
            if (configured.contains(primary)) {
                return primary;
            }
        }
        long letters = text.codePoints().filter(Character::isLetter).count();
        if (letters < minLetters) {
            return UNDETERMINED;
        }
        Language language = detector.detectLanguageOf(text);
        return language == Language.UNKNOWN ? UNDETERMINED : language.getIsoCode639_1().toString().toLowerCase(Locale.ROOT);
    }
}
