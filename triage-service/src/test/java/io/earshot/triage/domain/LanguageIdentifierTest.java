package io.earshot.triage.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.earshot.triage.domain.language.LanguageIdentifier;
import io.earshot.triage.domain.language.LanguageIdentifier.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageIdentifierTest {

    static final LanguageIdentifier LANG = new LanguageIdentifier(TriageEngine.DEFAULT_LANGUAGES, 4, 0.05, true);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en|The package arrived late and the box was damaged",
        "es|El paquete llegó tarde y la caja estaba dañada",
        "ru|Посылка пришла поздно и коробка была повреждена",
        "ar|وصل الطرد متأخرا وكان الصندوق تالفا",
        "ro|Coletul a ajuns târziu și cutia era deteriorată",
        "te|పార్సెల్ ఆలస్యంగా వచ్చింది మరియు పెట్టె దెబ్బతింది",
        "fr|Le colis est arrivé en retard et la boîte était abîmée",
        "de|Das Paket kam spät an und der Karton war beschädigt",
        "pt|O pacote chegou atrasado e a caixa estava danificada",
        "it|Il pacco è arrivato in ritardo e la scatola era danneggiata",
        "hi|पार्सल देर से आया और डिब्बा टूटा हुआ था",
    })
    void detectsEachConfiguredLanguage(String lang, String text) {
        assertEquals(lang, LANG.detect(text, null).lang(), text);
    }

    @Test
    void thePlatformHintWinsWhenConfigured() {
        assertEquals(new LanguageIdentifier.Detection("pt", Source.HINT), LANG.detect("ok", "pt-BR"));
        assertEquals("en", LANG.detect("The package arrived late and the box was damaged", "xx").lang());
    }

    @Test
    void veryShortOrLetterlessTextIsUndetermined() {
        assertEquals("und", LANG.detect("ok", null).lang());
        assertEquals("und", LANG.detect("👍👍👍 !!!", null).lang());
        assertEquals("und", LANG.detect("12345 http://x.io", null).lang());
    }

    @Test
    void aScriptOnlyOneConfiguredLanguageWritesInDecidesWithoutLingua() {
        assertEquals(Source.SCRIPT, LANG.detect("Посылка пришла поздно, #123 :( ok", null).source());
        assertEquals(Source.SCRIPT, LANG.detect("وصل الطرد متأخرا 100%", null).source());
        assertEquals(Source.SCRIPT, LANG.detect("పార్సెల్ ఆలస్యంగా వచ్చింది!!", null).source());
        // mostly Latin letters, with Cyrillic ones: no single script dominates, Lingua decides
        assertEquals(Source.DETECTED, LANG.detect("The package arrived late, the box was damaged: пришла", null).source());
        // ASCII punctuation and digits are not letters, so they neither count towards a script nor make up the minimum
        assertEquals("und", LANG.detect("[@`{~ 1234 ^_^]", null).lang());
    }
}
