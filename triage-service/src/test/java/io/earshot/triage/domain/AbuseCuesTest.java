package io.earshot.triage.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.triage.domain.model.Features;
import io.earshot.triage.domain.model.Lexicon;
import io.earshot.triage.domain.model.LinearModel;
import io.earshot.triage.domain.model.ModelSpec;
import io.earshot.triage.domain.model.Text;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 19: the abuse cue lists ({@code model/abuse-cues.tsv}) find one category per kind of abuse in every core
 * language, only the abusive model reads them, and the flag survives the model file (files written before it read as
 * without). Sentences written by hand, not taken from any data set.
 */
class AbuseCuesTest {

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "en|You are a stupid clown|insult",
        "es|Eres un idiota, cállate|insult",
        "ru|Ты тупой урод|insult",
        "ar|انت غبي وحمار|insult",
        "ro|Esti un prost si un nesimtit|insult",
        "te|నువ్వు ఒక వెధవ|insult",
        "ar|اخرس يا كلب|dehumanising",
        "ro|Taci, gunoi ce esti|dehumanising",
    })
    void cuesAreFoundPerLanguage(String lang, String text, String category) {
        List<String> found = Lexicon.load().abuseCues(Text.analyse(text), lang).stream().map(c -> c.category()).toList();
        assertTrue(found.contains(category), () -> text + ": " + found);
    }

    @Test
    void serviceComplaintsCarryNoAbuseCue() {
        Lexicon lexicon = Lexicon.load();
        assertTrue(lexicon.abuseCues(Text.analyse("The parcel never arrived and nobody answers"), "en").isEmpty());
        assertTrue(lexicon.abuseCues(Text.analyse("الخدمة سيئة جدا ولم يرد أحد"), "ar").isEmpty());
    }

    @Test
    void onlyTheAbusiveModelReadsThem() {
        assertTrue(ModelSpec.abusive().features().abuseCues());
        assertFalse(ModelSpec.stance().features().abuseCues());
        assertFalse(ModelSpec.spam().features().abuseCues());
        // the settings string (part of a model's version) of a model without them is what it was before they existed
        assertFalse(ModelSpec.spam().features().toString().contains("abuseCues"));
    }

    @Test
    void theFlagSurvivesTheModelFile() throws IOException {
        for (boolean on : new boolean[] {true, false}) {
            Features.Config c = Features.Config.defaults(10, true).withAbuseCues(on);
            LinearModel m = new LinearModel("abusive", "abusive-test", new String[] {"ok", "abusive"}, c,
                    new float[2 << 10], 1f);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            m.write(out);
            LinearModel read = LinearModel.read(new ByteArrayInputStream(out.toByteArray()));
            assertEquals(c, read.config());
        }
    }
}
