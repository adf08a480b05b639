package io.earshot.triage.bench;

import io.earshot.triage.domain.TriageEngine;
import io.earshot.triage.domain.TriageRequest;
import io.earshot.triage.domain.TriageResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.List;

/**
 * The whole triage of one comment (language, stance, moderation, personal data, question, priority, explanation) on
 * one thread, cycling through comments in eight languages, half with the platform's language hint, half without.
 * Run by {@code ./suite bench triage}; one operation = one comment.
 */
@State(Scope.Thread)
public class TriageBenchmark {

    static final List<TriageRequest> COMMENTS = List.of(
            new TriageRequest("My order arrived broken and nobody answers my emails, this is the worst service ever",
                    null, "twitter", 1200L, null, 60L, 0),
            new TriageRequest("Thanks a lot, the new app is great and support was super fast!", "en", "youtube", 35L,
                    null, 10L, 0),
            new TriageRequest("El pedido llegó roto y nadie responde, ¿qué hago?", null, "facebook", null, null, null, 0),
            new TriageRequest("Me encanta, muchas gracias por la ayuda 😍", "es", "instagram", 10L, null, null, 0),
            new TriageRequest("Не работает приложение уже второй день, верните деньги", null, "twitter", 5L, null, null, 0),
            new TriageRequest("الخدمة ممتازة شكرا جزيلا", null, "twitter", null, null, null, 0),
            new TriageRequest("Produsul a venit defect si nu raspunde nimeni la telefon 0721 234 567", null, "web",
                    null, null, null, 0),
            new TriageRequest("ఈ సేవ చాలా బాగుంది, ధన్యవాదాలు", null, "youtube", null, null, null, 0),
            new TriageRequest("Check out my channel and subscribe!!! http://example.com/promo", null, "youtube", 3L,
                    null, null, 0),
            new TriageRequest("Le colis est arrivé cassé, je veux un remboursement", "fr", "web", null, null, null, 0),
            new TriageRequest("Wann kommt endlich das Update? Die App stürzt ständig ab", null, "twitter", null, null,
                    null, 0),
            new TriageRequest("write to me at ana.pop@example.com or call +40 721 234 567", "en", "facebook", null, null,
                    null, 0));

    TriageEngine engine;
    int next;

    @Setup(Level.Trial)
    public void load() {
        engine = TriageEngine.withDefaults();
        for (TriageRequest r : COMMENTS) {
            engine.triage(r); // load Lingua's models for the languages in the mix
        }
    }

    @Benchmark
    public TriageResult triageOneComment() {
        TriageRequest r = COMMENTS.get(next);
        next = next + 1 == COMMENTS.size() ? 0 : next + 1;
        return engine.triage(r);
    }
}
