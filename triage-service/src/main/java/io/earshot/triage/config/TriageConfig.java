package io.earshot.triage.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** What triage looks for. */
@ConfigMapping(prefix = "earshot.triage")
public interface TriageConfig {

    /** ISO 639-1 codes of the languages detection chooses among; anything else comes out as {@code und}. */
    @WithDefault("en,es,ru,ar,ro,te,fr,de,pt,it,hi")
    List<String> languages();

    /** Texts with fewer letters than this are too short to tell a language from: {@code und}. */
    @WithDefault("4")
    int minLettersForDetection();
}
