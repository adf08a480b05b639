package io.earshot.triage.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.triage.cli.Train;
import io.earshot.triage.domain.model.Example;
import io.earshot.triage.domain.model.FeatureVector;
import io.earshot.triage.domain.model.Features;
import io.earshot.triage.domain.model.Lexicon;
import io.earshot.triage.domain.model.LinearModel;
import io.earshot.triage.domain.model.ModelSpec;
import io.earshot.triage.domain.model.Trainer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Training on a tiny synthetic data set: byte-identical on retrain, learns, and survives a write and a read. */
class TrainerDeterminismTest {

    static final String[] PRAISE = {"great", "love", "excellent", "thanks", "perfect", "amazing"};
    static final String[] COMPLAINT = {"broken", "terrible", "refund", "awful", "late", "worst"};
    static final String[] NEUTRAL = {"store", "monday", "address", "opens", "street", "hours"};
    static final String[] FILLER = {"the", "order", "product", "today", "service", "app", "shop", "it"};

    static List<Example> synthetic(int n, String split) {
        List<Example> out = new ArrayList<>();
        java.util.SplittableRandom r = new java.util.SplittableRandom(split.hashCode());
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            String[] cue = c == 0 ? PRAISE : c == 1 ? COMPLAINT : NEUTRAL;
            String text = FILLER[r.nextInt(FILLER.length)] + " " + cue[r.nextInt(cue.length)] + " "
                    + FILLER[r.nextInt(FILLER.length)] + " " + cue[r.nextInt(cue.length)];
            String label = c == 0 ? "praise" : c == 1 ? "complaint" : "neutral";
            out.add(new Example(split + "-" + i, text, i % 2 == 0 ? "en" : "es", label, "synthetic", split));
        }
        return out;
    }

    static ModelSpec tiny() {
        return new ModelSpec(ModelSpec.STANCE, new String[] {"praise", "complaint", "neutral"}, null,
                Features.Config.defaults(14, true),
                new Trainer.Settings(3, 0.1, 1e-6, 0.5, ModelSpec.SEED, 10, true, 1.0, 0.0, Map.of()));
    }

    static byte[] bytes(LinearModel m) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.write(out);
        return out.toByteArray();
    }

    @Test
    void retrainingGivesIdenticalBytesAndVersion() throws IOException {
        Lexicon lexicon = Lexicon.load();
        List<Example> train = synthetic(300, "train");
        LinearModel a = Train.train(tiny(), lexicon, train);
        LinearModel b = Train.train(tiny(), lexicon, new ArrayList<>(train));
        assertEquals(a.version(), b.version());
        assertArrayEquals(bytes(a), bytes(b));
        assertTrue(a.temperature() > 0);
    }

    @Test
    void itLearnsAndReadsBackTheSame() throws IOException {
        Lexicon lexicon = Lexicon.load();
        LinearModel m = Train.train(tiny(), lexicon, synthetic(300, "train"));
        LinearModel read = LinearModel.read(new ByteArrayInputStream(bytes(m)));
        Features f = new Features(read.config(), lexicon);
        FeatureVector x = new FeatureVector(false);
        int right = 0;
        List<Example> dev = synthetic(90, "dev");
        for (Example e : dev) {
            f.extract(e.text(), e.lang(), "twitter", x);
            double[] p = new double[3];
            read.probabilities(x, p);
            double[] q = new double[3];
            m.probabilities(x, q);
            assertArrayEquals(q, p, 1e-3, "16-bit weights change probabilities by less than 0.001");
            int best = p[0] >= p[1] && p[0] >= p[2] ? 0 : p[1] >= p[2] ? 1 : 2;
            right += read.labels()[best].equals(e.label()) ? 1 : 0;
        }
        assertTrue(right >= 85, "accuracy on synthetic dev: " + right + "/90");
    }
}
