package io.earshot.triage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.triage.domain.TriageEngine;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The contract of {@code ./suite classify}: one output line per input line, in order, the agreed fields. */
class ClassifyCommandTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static TriageEngine engine;

    @BeforeAll
    static void load() {
        engine = TriageEngine.withDefaults();
    }

    static List<JsonNode> classify(String input) throws Exception {
        StringWriter out = new StringWriter();
        Classify.run(engine, new StringReader(input), out);
        List<JsonNode> lines = new ArrayList<>();
        for (String l : out.toString().split("\n")) {
            lines.add(JSON.readTree(l));
        }
        return lines;
    }

    static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    @Test
    void everyLineGetsItsAnswerInOrderAndBadLinesDoNotStopTheRest() throws Exception {
        List<JsonNode> out = classify("""
                {"id": "a", "text": "Worst service ever, my order arrived broken. Call me at +1 202 555 0143"}
                not json at all
                {"id": 7, "lang": "es", "text": "¿Cuándo llega mi pedido?"}
                {"id": "no-text"}
                {"id": "c", "text": "ok", "lang": 5}

                {"id": null, "text": "Thank you, great support!"}
                """);
        assertEquals(7, out.size());

        JsonNode a = out.get(0);
        assertEquals(List.of("id", "lang", "label", "confidence", "scores", "flags", "pii", "priority", "model"), names(a));
        assertEquals("a", a.get("id").asText());
        assertEquals("en", a.get("lang").asText());
        assertEquals("complaint", a.get("label").asText());
        assertEquals(List.of("praise", "complaint", "neutral", "spam", "abusive"), names(a.get("scores")));
        assertTrue(a.get("confidence").asDouble() > 0.33 && a.get("confidence").asDouble() <= 1);
        assertEquals("phone", a.at("/pii/0/type").asText());
        assertTrue(a.get("flags").toString().contains("pii"));
        assertTrue(a.get("priority").asInt() >= 0 && a.get("priority").asInt() <= 100);
        assertTrue(a.get("model").asText().startsWith("triage-"));

        assertTrue(out.get(1).has("error"));
        assertTrue(out.get(1).get("id").isNull());

        JsonNode b = out.get(2);
        assertEquals(7, b.get("id").asInt(), "the id comes back as it was given");
        assertEquals("es", b.get("lang").asText());
        assertTrue(b.get("flags").toString().contains("question"));

        assertEquals(List.of("id", "error"), names(out.get(3)));
        assertEquals("no-text", out.get(3).get("id").asText());
        assertTrue(out.get(4).get("error").asText().contains("lang"));
        assertTrue(out.get(5).has("error"), "an empty line is a bad line");
        assertEquals("praise", out.get(6).get("label").asText());
    }
}
