package io.earshot.triage.config;

import io.earshot.triage.domain.TriageEngine;
import io.earshot.triage.domain.language.LanguageIdentifier;
import io.earshot.triage.domain.model.Models;
import io.earshot.triage.domain.moderation.ModerationClassifier;
import io.earshot.triage.domain.pii.PiiDetector;
import io.earshot.triage.domain.priority.UrgencyCues;
import io.earshot.triage.domain.stance.StarRatingPrior;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * Builds the one triage engine from the configuration at start-up: the models are loaded once (a new model is a
 * new build and a restart, never a silent change).
 */
@ApplicationScoped
public class EngineProducer {

    private static final Logger LOG = Logger.getLogger(EngineProducer.class);

    @Produces
    @ApplicationScoped
    @Startup
    TriageEngine engine(TriageConfig config) {
        long t0 = System.nanoTime();
        Models models = Models.fromClasspath();
        TriageEngine engine = new TriageEngine(models,
                new LanguageIdentifier(config.languages(), config.minLettersForDetection(),
                        config.languageMinimumDistance(), config.languageLowAccuracy()),
                new ModerationClassifier.Settings(config.spamThreshold(), config.abusiveThreshold(),
                        config.repeatThreshold(), config.repeatMinChars()),
                new PiiDetector(config.phoneRegion()),
                UrgencyCues.load(config.urgencyFile().map(Path::of).orElse(null)),
                config.explanationSize(), new StarRatingPrior(config.starRatingWeight()));
        LOG.infof("triage model %s loaded in %d ms (%s)", models.version(), (System.nanoTime() - t0) / 1_000_000,
                models.components());
        return engine;
    }
}
