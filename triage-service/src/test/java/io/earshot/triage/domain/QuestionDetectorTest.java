package io.earshot.triage.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.triage.domain.question.QuestionDetector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuestionDetectorTest {

    private final QuestionDetector q = new QuestionDetector();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en|How do I change my delivery address",
        "en|@shop is the store open on Sunday",
        "en|is this available in blue?",
        "es|¿Cuándo llega mi pedido",
        "es|Cómo cambio la dirección de entrega",
        "ru|Как вернуть деньги за заказ",
        "ru|Работает ли магазин в воскресенье",
        "ar|هل يوجد توصيل الى جدة",
        "ar|متى يصل الطلب؟",
        "ro|Cand ajunge comanda mea",
        "ro|De ce nu raspunde nimeni",
        "te|డెలివరీ ఎప్పుడు వస్తుంది",
        "te|ఈ ఆఫర్ ఇంకా ఉందా",
        "te|ఈ ఫోన్ కి వారంటీ ఉందా ఇంకా చెప్పండి",
        "te|స్టాక్ వుందా మీ దగ్గర",
        "fr|Pourquoi ma commande est en retard",
        "de|Wann kommt mein Paket",
    })
    void asks(String lang, String text) {
        assertTrue(q.isQuestion(text, lang), text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en|Thanks, the delivery was fast",
        "es|Me encanta el producto",
        "ru|Спасибо за быструю доставку",
        "ar|شكرا على الخدمة الممتازة",
        "ro|Multumesc, a ajuns repede",
        "te|చాలా బాగుంది ధన్యవాదాలు",
        "te|ఈ అందాల చీర చాలా బాగుంది",
    })
    void doesNotAsk(String lang, String text) {
        assertFalse(q.isQuestion(text, lang), text);
    }
}
