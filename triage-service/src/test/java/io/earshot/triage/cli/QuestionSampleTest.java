package io.earshot.triage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.triage.domain.question.QuestionDetector;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The question detector on the hand-labelled rows of {@code question-sample.tsv} whose text the fixture may carry
 * (Romanian news comments, Apache-2.0; Saudi venue reviews, MIT). The whole sample, 200 rows in six languages, is
 * scored by {@code ./suite evaluate} into the model card.
 */
class QuestionSampleTest {

    static List<QuestionSample.Row> rows() throws Exception {
        return QuestionSample.withText(QuestionSample.read(Path.of("src/test/resources/question-sample.tsv")), List.of());
    }

    @Test
    void fixtureCarriesOnlyTheTextsItsLicencesAllow() throws Exception {
        List<QuestionSample.Row> all = QuestionSample.read(Path.of("src/test/resources/question-sample.tsv"));
        assertEquals(200, all.size());
        for (QuestionSample.Row r : all) {
            boolean permissive = r.id().startsWith("nro-") || r.id().startsWith("ar_saudi_tourism-");
            assertEquals(permissive, !r.text().isEmpty(), r.id());
        }
    }

    @Test
    void precisionAndRecallOnTheLabelledRows() throws Exception {
        Map<String, QuestionSample.Score> s = QuestionSample.score(rows(), new QuestionDetector());
        QuestionSample.Score all = s.get("all");
        assertEquals(45, all.rows());
        assertEquals(7, all.tp() + all.fn(), "questions in the fixture's rows");
        assertTrue(all.precision() >= PRECISION, () -> "precision " + all);
        assertTrue(all.recall() >= RECALL, () -> "recall " + all);
    }

    static final double PRECISION = 0.8;
    static final double RECALL = 0.5;
}
