package io.earshot.triage.domain.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.triage.domain.TriageEngine;
import io.earshot.triage.domain.TriageRequest;
import io.earshot.triage.domain.TriageResult;
import io.earshot.triage.domain.model.Text;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Topics of service-care comments written for this test (not taken from any data set) in the six languages with
 * cue lists, inflected forms included; praise gets no topic from the engine.
 */
class TopicClassifierTest {

    private static TopicClassifier topics;
    private static TriageEngine engine;

    @BeforeAll
    static void load() {
        topics = TopicClassifier.defaults();
        engine = TriageEngine.withDefaults();
    }

    private static String topic(String lang, String text) {
        return topics.classify(Text.analyse(text), lang).code();
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "en|delivery|My parcel still hasn't arrived and the tracking number shows nothing",
        "en|refund_billing|You charged my card twice, I want a refund",
        "en|product_quality|The blender stopped working after two days, cheap plastic cracked",
        "en|account_login|I can't log in, the password reset email never lets me into my account",
        "en|staff_behaviour|The cashier was rude and shouted at my mother",
        "en|waiting_no_answer|I have been on hold for two hours and nobody answers",
        "en|pricing|Why is the price so expensive now? It was half the cost last month",
        "es|delivery|Mi pedido no ha llegado y el repartidor no aparece",
        "es|refund_billing|Me cobraron dos veces, quiero el reembolso de mi dinero",
        "es|product_quality|La cafetera llegó defectuosa y no funciona",
        "es|account_login|No puedo entrar a mi cuenta, la contraseña no sirve",
        "es|staff_behaviour|La empleada fue muy grosera con nosotros",
        "es|waiting_no_answer|Llevo tres semanas esperando y nadie contesta",
        "es|pricing|¿Por qué el precio es tan caro?",
        "ru|delivery|Курьер так и не доставил заказ, посылка потерялась",
        "ru|refund_billing|С карты списали деньги дважды, верните деньги",
        "ru|product_quality|Телефон сломался через неделю, качество ужасное",
        "ru|account_login|Не могу войти в личный кабинет, пароль не подходит",
        "ru|staff_behaviour|Сотрудница нахамила мне и грубо разговаривала",
        "ru|waiting_no_answer|Жду ответа уже две недели, в поддержке никто не отвечает",
        "ru|pricing|Почему цены такие высокие? Подорожало в два раза",
        "ar|delivery|الطلب ما وصل والمندوب ما يرد",
        "ar|refund_billing|أريد استرجاع المبلغ، تم الدفع مرتين",
        "ar|product_quality|الجهاز وصل مكسور ومعطل",
        "ar|account_login|لا أستطيع تسجيل الدخول إلى حسابي",
        "ar|staff_behaviour|الموظف كان وقح وتعامله سيء جدا",
        "ar|waiting_no_answer|انتظرت ساعات ولا رد من خدمة العملاء",
        "ar|pricing|الأسعار غالية جدا",
        "ro|delivery|Coletul nu a ajuns nici acum, curierul nu răspunde la livrare",
        "ro|refund_billing|Mi-ați debitat cardul de două ori, vreau banii înapoi",
        "ro|product_quality|Produsul a venit stricat, ecranul este fisurat",
        "ro|account_login|Nu pot intra în cont, parola nu merge",
        "ro|staff_behaviour|Vânzătoarea a fost foarte nepoliticoasă",
        "ro|waiting_no_answer|Aștept de trei săptămâni și nimeni nu răspunde",
        "ro|pricing|De ce prețul este atât de scump?",
        "te|delivery|నా ఆర్డర్ ఇంకా రాలేదు, డెలివరీ చాలా ఆలస్యం",
        "te|refund_billing|నా డబ్బులు తిరిగి ఇవ్వండి, రీఫండ్ ఇంకా రాలేదు",
        "te|product_quality|ఫోన్ స్క్రీన్ పగిలిపోయింది, నాణ్యత లేదు",
        "te|account_login|నా అకౌంట్ బ్లాక్ అయింది, లాగిన్ కావడం లేదు",
        "te|staff_behaviour|సిబ్బంది చాలా దురుసుగా ప్రవర్తించారు",
        "te|waiting_no_answer|గంటల తరబడి వేచి ఉన్నాను, ఎవరూ సమాధానం ఇవ్వలేదు",
        "te|pricing|ధరలు చాలా ఎక్కువ, ఎంత ఖరీదు",
    })
    void aServiceCareCommentGetsItsTopic(String lang, String expected, String text) {
        assertEquals(expected, topic(lang, text));
    }

    @Test
    void inflectedFormsMatchTheirStems() {
        for (String text : List.of("доставкой недоволен", "доставку задержали", "с доставкой")) {
            assertEquals("delivery", topic("ru", text), text);
        }
        for (String text : List.of("coletul meu", "coletului", "livrarea întârzie")) {
            assertEquals("delivery", topic("ro", text), text);
        }
        // the Arabic article and conjunctions glued to the word are set aside
        for (String text : List.of("التوصيل", "والتوصيل", "بالتوصيل")) {
            assertEquals("delivery", topic("ar", text), text);
        }
        assertEquals("delivery", topic("ar", "التَّوْصِيل"), "tashkeel is removed");
        assertEquals("refund_billing", topic("es", "REEMBOLSÓ"), "case and accents are folded");
    }

    @Test
    void aConcreteFailureWinsATieAgainstTheWaitingItCaused() {
        assertEquals("refund_billing", topic("en", "I am waiting for my refund"));
    }

    @Test
    void aCommentWithNoCueIsOtherAndALanguageWithoutAListToo() {
        assertEquals("other", topic("en", "This is not what I expected at all"));
        assertEquals("other", topic("fr", "Mon colis n'est jamais arrivé"));
        assertEquals("other", topic("en", ""));
    }

    @Test
    void englishWordsInRussianArabicAndTeluguCommentsMatchTheEnglishList() {
        assertEquals("refund_billing", topic("te", "నాకు refund కావాలి"));
        assertEquals("delivery", topic("ar", "الـ delivery متأخر"));
    }

    @Test
    void praiseAndNeutralRemarksGetNoTopicFromTheEngineAndComplaintsDo() {
        TriageResult praise = engine.triage(new TriageRequest("Thank you, the delivery was fast and the staff lovely!",
                "en", "facebook", null, null, null, 0));
        assertEquals("praise", praise.label());
        assertNull(praise.topic());
        TriageResult complaint = engine.triage(new TriageRequest(
                "Terrible, my order never arrived and the courier lost the parcel", "en", "facebook", null, null, null, 0));
        assertEquals("complaint", complaint.label());
        assertEquals("delivery", complaint.topic());
        TriageResult question = engine.triage(new TriageRequest("How much does the premium plan cost?", "en",
                "facebook", null, null, null, 0));
        assertTrue(question.flags().contains(TriageResult.QUESTION));
        assertEquals("pricing", question.topic());
    }

    @Test
    void everyListLoadsAndCodesAreStable() {
        TopicCues cues = TopicCues.defaults();
        for (String lang : TopicCues.LANGUAGES) {
            assertTrue(cues.size(lang) >= 80, lang + " has " + cues.size(lang) + " cues");
        }
        assertEquals(List.of("delivery", "refund_billing", "product_quality", "account_login", "staff_behaviour",
                "waiting_no_answer", "pricing", "other"), Arrays.stream(Topic.values()).map(Topic::code).toList());
        assertEquals(Topic.PRICING, Topic.ofCode("pricing"));
        assertNull(Topic.ofCode("Pricing"));
    }
}
