package io.earshot.triage.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Synthetic bursts in Spanish, Arabic and Telugu inside steady background: found within one window, nothing else. */
class EmergingDetectorTest {

    static final Instant T0 = Instant.parse("2026-11-02T00:00:00Z");
    static final String[] ES_BURST = {"mi pedido no ha llegado", "el pedido no llegó todavía",
        "pedido retrasado otra vez", "dónde está mi pedido retrasado"};
    static final String[] AR_BURST = {"لم يصل طلبي حتى الآن", "تأخر الطلب كثيرا", "طلبي متأخر أسبوعا",
        "أين طلبي المتأخر"};
    static final String[] TE_BURST = {"నా ఆర్డర్ ఇంకా రాలేదు", "ఆర్డర్ డెలివరీ ఆలస్యం", "ఆర్డర్ రాలేదు ఎందుకు",
        "డెలివరీ ఆర్డర్ ఎక్కడ"};

    private static List<Emerging> run(List<EmergingDetector.Observation> stream) {
        EmergingDetector detector = new EmergingDetector(DetectorSettings.defaults());
        List<Emerging> alarms = new ArrayList<>();
        for (EmergingDetector.Observation o : stream) {
            alarms.addAll(detector.observe(o));
        }
        return alarms;
    }

    @Test
    void twoDaysOfBackgroundAloneRaiseNothing() {
        List<Emerging> alarms = run(new SyntheticTraffic(7).background(T0, 48, 60));
        assertEquals(List.of(), alarms);
    }

    @Test
    void burstsInSpanishArabicAndTeluguAreEachFoundWithinOneWindowAsOneIssue() {
        SyntheticTraffic traffic = new SyntheticTraffic(11);
        List<EmergingDetector.Observation> stream = new ArrayList<>(traffic.background(T0, 30, 60));
        Instant burstAt = T0.plus(Duration.ofHours(26));
        stream.addAll(traffic.burst("es", SyntheticTraffic.ES, ES_BURST, burstAt, 20, 40));
        stream.addAll(traffic.burst("ar", SyntheticTraffic.AR, AR_BURST, burstAt.plusSeconds(600), 20, 40));
        stream.addAll(traffic.burst("te", SyntheticTraffic.TE, TE_BURST, burstAt.plusSeconds(1200), 20, 40));
        stream.sort(Comparator.comparing(EmergingDetector.Observation::at));

        List<Emerging> alarms = run(stream);

        for (String[] expect : new String[][] {{"es", "pedido"}, {"ar", "طلبي"}, {"te", "ఆర్డర్"}}) {
            List<Emerging> first = alarms.stream().filter(a -> a.lang().equals(expect[0]) && a.version() == 1).toList();
            assertEquals(1, first.size(), expect[0] + ": one new issue, got " + alarms);
            Emerging e = first.get(0);
            assertTrue(e.terms().stream().anyMatch(t -> t.term().equals(expect[1])), e.toString());
            assertTrue(e.windowEnd().isBefore(burstAt.plus(Duration.ofMinutes(20 + 60))), e.toString());
            assertTrue(e.exampleItemIds().stream().allMatch(id -> id.startsWith("burst-" + expect[0])), e.toString());
            assertTrue(e.platforms().keySet().containsAll(List.of("instagram", "x")), e.toString());
            assertTrue(e.terms().get(0).pValue() < 1e-7 && e.terms().get(0).count() >= 8, e.toString());
            // one alarm per issue per window: later ones only as the issue grows (updates share its id)
            assertTrue(alarms.stream().filter(a -> a.issueId().equals(e.issueId())).map(Emerging::version)
                    .distinct().count() == alarms.stream().filter(a -> a.issueId().equals(e.issueId())).count());
        }
        assertTrue(alarms.stream().allMatch(a -> a.exampleItemIds().stream().allMatch(id -> id.startsWith("burst-"))),
                "background raised something: " + alarms);
    }

    @Test
    void sameStreamSameIssueIdsSoReplicasAgree() {
        SyntheticTraffic traffic = new SyntheticTraffic(3);
        List<EmergingDetector.Observation> stream = new ArrayList<>(traffic.background(T0, 27, 60));
        stream.addAll(traffic.burst("es", SyntheticTraffic.ES, ES_BURST, T0.plus(Duration.ofHours(26)), 20, 30));
        stream.sort(Comparator.comparing(EmergingDetector.Observation::at));
        assertEquals(run(stream), run(stream));
    }

    @Test
    void poissonTailMatchesKnownValues() {
        assertEquals(1.0, Poisson.upperTail(0, 3.0), 1e-12);
        assertEquals(1 - Math.exp(-2.0) * (1 + 2.0), Poisson.upperTail(2, 2.0), 1e-12);
        // P(X >= 10 | 1.0) = 1.1142e-7
        assertEquals(1.1142e-7, Poisson.upperTail(10, 1.0), 1e-10);
        double tiny = Poisson.upperTail(300, 2.0);
        assertTrue(tiny >= 0 && tiny < 1e-300, "no NaN, no overflow: " + tiny);
    }
}
