package io.earshot.commons.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextFoldTest {

    @Test
    void latinCaseAndDiacriticsFold() {
        assertEquals("stefan si tara", TextFold.fold("Ștefan ȘI Țara"));
        assertEquals("stefan", TextFold.fold("ŞTEFAN")); // cedilla as well as comma below
        assertEquals("creme brulee", TextFold.fold("Crème Brûlée"));
        assertEquals("istanbul", TextFold.fold("İstanbul")); // the dotted capital I leaves no stray dot
        assertEquals("", TextFold.fold(null));
    }

    @Test
    void cyrillicFoldsCaseAndDiacritics() {
        assertEquals("елка", TextFold.fold("ЁЛКА"));
        assertEquals("заказ не пришел", TextFold.fold("Заказ НЕ пришёл"));
        assertEquals("краи", TextFold.fold("Край")); // й is и with a breve: folded like any accent
    }

    @Test
    void arabicLosesTashkeelAndTatweel() {
        assertEquals("شكرا", TextFold.fold("شُكْرًا"));
        assertEquals("شكرا", TextFold.fold("شكـــرا"));
        assertEquals(TextFold.fold("مَرْحَبًا"), TextFold.fold("مرحبا"));
    }

    @Test
    void teluguVowelSignsAreKept() {
        String thanks = "ధన్యవాదాలు";
        assertEquals(thanks, TextFold.fold(thanks));
        // a vowel sign changes the word: folding must not make different words equal
        assertNotEquals(TextFold.fold("కల"), TextFold.fold("కాల"));
    }

    @Test
    void compatibilityFormsBecomePlain() {
        assertEquals("refund", TextFold.fold("ＲＥＦＵＮＤ"));
        assertEquals("office", TextFold.fold("oﬃce"));
    }

    @Test
    void wordsAreRunsOfLettersAndDigitsWithoutRepeats() {
        assertEquals(List.of("my", "order", "123", "arrived", "broken"),
                TextFold.words(TextFold.fold("My order #123 arrived... BROKEN! my order"), 2));
        assertEquals(List.of("jane", "doe"), TextFold.words("@jane_doe", 2));
        assertEquals(List.of("ధన్యవాదాలు", "ok"), TextFold.words("ధన్యవాదాలు, ok a", 2));
        assertEquals(List.of("yt", "ugx9", "abc"), TextFold.words("yt-ugx9:abc", 2));
    }
}
