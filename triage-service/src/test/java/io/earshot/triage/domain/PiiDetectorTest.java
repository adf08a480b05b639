package io.earshot.triage.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.triage.domain.pii.PiiDetector;
import io.earshot.triage.domain.pii.PiiSpan;
import java.util.List;
import org.junit.jupiter.api.Test;

class PiiDetectorTest {

    private final PiiDetector pii = new PiiDetector("US");

    private static String cut(String text, PiiSpan s) {
        return text.substring(s.start(), s.end());
    }

    @Test
    void findsAnEmailWithItsSpan() {
        String t = "write me at ana.pop+shop@example.co.uk please";
        List<PiiSpan> s = pii.find(t, "en");
        assertEquals(1, s.size());
        assertEquals("email", s.get(0).type());
        assertEquals("ana.pop+shop@example.co.uk", cut(t, s.get(0)));
    }

    @Test
    void findsPhonesInternationalAndNationalByLanguage() {
        String ro = "sunati-ma la 0721 234 567 va rog";
        List<PiiSpan> s = pii.find(ro, "ro");
        assertEquals(List.of("phone"), s.stream().map(PiiSpan::type).toList());
        assertEquals("0721 234 567", cut(ro, s.get(0)));

        String intl = "call +44 20 7946 0958 tomorrow";
        assertEquals("+44 20 7946 0958", cut(intl, pii.find(intl, "en").get(0)));
    }

    @Test
    void cardNumbersNeedAValidLuhnChecksum() {
        String ok = "my card 4111 1111 1111 1111 was charged twice";
        List<PiiSpan> s = pii.find(ok, "en");
        assertEquals("card", s.get(0).type());
        assertEquals("4111 1111 1111 1111", cut(ok, s.get(0)));
        assertTrue(PiiDetector.luhnValid("4012888888881881"));
        assertFalse(PiiDetector.luhnValid("4111 1111 1111 1112"));
        assertTrue(pii.find("order 4111 1111 1111 1112 is late", "en").stream().noneMatch(p -> p.type().equals("card")));
    }

    @Test
    void ibansNeedAValidChecksum() {
        String t = "refund to RO49 AAAA 1B31 0075 9384 0000 thanks";
        List<PiiSpan> s = pii.find(t, "ro");
        assertEquals("iban", s.get(0).type());
        assertEquals("RO49 AAAA 1B31 0075 9384 0000", cut(t, s.get(0)));
        assertTrue(PiiDetector.ibanValid("DE89370400440532013000"));
        assertFalse(PiiDetector.ibanValid("DE89370400440532013001"));
    }

    @Test
    void ordinaryTextHasNone() {
        assertEquals(List.of(), pii.find("Flight 1234 was delayed by 45 minutes on 12/03", "en"));
        assertEquals(List.of(), pii.find("@user great job!", "en"));
    }
}
