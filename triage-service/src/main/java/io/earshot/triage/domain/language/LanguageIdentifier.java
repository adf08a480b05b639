package io.earshot.triage.domain.language;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides the language of a comment. The platform's hint wins when it names a configured language; text in a script
 * that only one configured language uses (Telugu, Arabic, Cyrillic, Devanagari) is decided by the script; the rest
 * goes to Lingua, restricted to the configured languages (so only their models are loaded: memory stays small).
 * The script count is one pass over the text that handles ASCII without decoding code points or looking up scripts,
 * so the texts it decides (a script only one configured language writes in) never reach Lingua's n-gram models.
 * Text with too few letters, or where Lingua's two best guesses are too close (mixed text), is {@code und}.
 */
public final class LanguageIdentifier {

    /** The answer for text whose language cannot be told. */
    public static final String UNDETERMINED = "und";

    /** How the language was decided, for explanations. */
    public enum Source { HINT, SCRIPT, DETECTED, UNDETERMINED }

    /** A decided language and how it was decided. */
    public record Detection(String lang, Source source) { }

    private final Set<String> configured;
    private final int minLetters;
    private final LanguageDetector lingua;
    private final boolean ru, ar, hi, te;

    /**
     * @param languages        ISO 639-1 codes to recognise (e.g. en es ru ar ro te fr de pt it hi)
     * @param minLetters       fewer letters than this gives {@code und}
     * @param minimumDistance  Lingua's minimum relative distance: higher answers {@code und} more often on mixed text
     * @param lowAccuracy      Lingua's low-accuracy mode (trigrams only: faster, less memory, weaker on short text)
     */
    public LanguageIdentifier(List<String> languages, int minLetters, double minimumDistance, boolean lowAccuracy) {
        this.configured = new LinkedHashSet<>();
        List<IsoCode639_1> codes = new ArrayList<>();
        for (String l : languages) {
            String code = l.trim().toLowerCase(Locale.ROOT);
            if (code.isEmpty()) {
                continue;
            }
            IsoCode639_1 iso = IsoCode639_1.valueOf(code.toUpperCase(Locale.ROOT));
            configured.add(code);
            codes.add(iso);
        }
        if (codes.size() < 2) {
            throw new IllegalArgumentException("configure at least two languages, got " + languages);
        }
        this.minLetters = minLetters;
        LanguageDetectorBuilder b = LanguageDetectorBuilder.fromIsoCodes639_1(codes.toArray(new IsoCode639_1[0]))
                .withMinimumRelativeDistance(minimumDistance);
        if (lowAccuracy) {
            b = b.withLowAccuracyMode();
        }
        this.lingua = b.build();
        this.ru = configured.contains("ru") && !configured.contains("uk") && !configured.contains("bg")
                && !configured.contains("sr") && !configured.contains("be") && !configured.contains("kk")
                && !configured.contains("mk") && !configured.contains("mn");
        this.ar = configured.contains("ar") && !configured.contains("fa") && !configured.contains("ur");
        this.hi = configured.contains("hi") && !configured.contains("mr");
        this.te = configured.contains("te");
    }

    public Set<String> languages() {
        return Set.copyOf(configured);
    }

    /** The language of {@code text}; {@code hint} (may be null, "en", "en-US", "pt_BR") is used when configured. */
    public Detection detect(String text, String hint) {
        if (hint != null && !hint.isBlank()) {
            String h = hint.trim().toLowerCase(Locale.ROOT);
            int cut = Math.max(h.indexOf('-'), h.indexOf('_'));
            if (cut > 0) {
                h = h.substring(0, cut);
            }
            if (configured.contains(h)) {
                return new Detection(h, Source.HINT);
            }
        }
        if (text == null) {
            return new Detection(UNDETERMINED, Source.UNDETERMINED);
        }
        int letters = 0, latin = 0, cyr = 0, arab = 0, deva = 0, telu = 0;
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (c < 0x80) { // ASCII, most of every comment: no code point decoding, no script table lookup
                i++;
                if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
                    letters++;
                    latin++;
                }
                continue;
            }
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            letters++;
            Character.UnicodeScript s = Character.UnicodeScript.of(cp);
            switch (s) {
                case LATIN -> latin++;
                case CYRILLIC -> cyr++;
                case ARABIC -> arab++;
                case DEVANAGARI -> deva++;
                case TELUGU -> telu++;
                default -> { }
            }
        }
        if (letters < minLetters) {
            return new Detection(UNDETERMINED, Source.UNDETERMINED);
        }
        int major = Math.max(Math.max(latin, cyr), Math.max(arab, Math.max(deva, telu)));
        if (major * 10 >= letters * 8) { // one script dominates
            if (telu == major && te) {
                return new Detection("te", Source.SCRIPT);
            }
            if (arab == major && ar) {
                return new Detection("ar", Source.SCRIPT);
            }
            if (cyr == major && ru) {
                return new Detection("ru", Source.SCRIPT);
            }
            if (deva == major && hi) {
                return new Detection("hi", Source.SCRIPT);
            }
        }
        Language l = lingua.detectLanguageOf(text);
        if (l == Language.UNKNOWN) {
            return new Detection(UNDETERMINED, Source.UNDETERMINED);
        }
        String code = l.getIsoCode639_1().toString().toLowerCase(Locale.ROOT);
        return configured.contains(code) ? new Detection(code, Source.DETECTED)
                : new Detection(UNDETERMINED, Source.UNDETERMINED);
    }
}
