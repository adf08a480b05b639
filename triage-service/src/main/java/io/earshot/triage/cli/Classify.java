package io.earshot.triage.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.earshot.triage.domain.TriageEngine;
import io.earshot.triage.domain.TriageRequest;
import io.earshot.triage.domain.TriageResult;
import io.earshot.triage.domain.pii.PiiSpan;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code ./suite classify}: JSON Lines in, JSON Lines out, in order, with the engine the service runs (shipped
 * models, default settings). Input line: {@code {"id": ..., "text": "...", "lang": optional}}. Output line:
 * {@code {"id","lang","label","confidence","scores":{praise,complaint,neutral,spam,abusive},"flags","pii","priority",
 * "model"}}; a line that cannot be read gives {@code {"id": ..., "error": "..."}} and the rest go on.
 */
public final class Classify {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Classify() { }

    public static void main(String[] args) throws IOException {
        TriageEngine engine = TriageEngine.withDefaults();
        try (Reader in = new InputStreamReader(System.in, StandardCharsets.UTF_8);
             Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)) {
            run(engine, in, out);
        }
    }

    /** Classifies every line of {@code in} to {@code out}; the exit status does not depend on bad lines. */
    public static void run(TriageEngine engine, Reader in, Writer out) throws IOException {
        BufferedReader r = new BufferedReader(in, 1 << 16);
        String line;
        while ((line = r.readLine()) != null) {
            out.write(JSON.writeValueAsString(classifyLine(engine, line)));
            out.write('\n');
        }
        out.flush();
    }

    static ObjectNode classifyLine(TriageEngine engine, String line) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return error(null, "not JSON: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) {
            return error(null, "a line must be a JSON object with a text");
        }
        JsonNode id = n.get("id");
        JsonNode text = n.get("text");
        if (text == null || !text.isTextual()) {
            return error(id, "text must be a string");
        }
        JsonNode lang = n.get("lang");
        if (lang != null && !lang.isNull() && !lang.isTextual()) {
            return error(id, "lang must be a string");
        }
        TriageResult res;
        try {
            res = engine.triage(TriageRequest.of(text.asText(), lang == null || lang.isNull() ? null : lang.asText()));
        } catch (RuntimeException e) {
            return error(id, "could not classify: " + e);
        }
        ObjectNode o = JSON.createObjectNode();
        o.set("id", id);
        o.put("lang", res.lang());
        o.put("label", res.label());
        o.put("confidence", res.confidence());
        ObjectNode scores = o.putObject("scores");
        for (Map.Entry<String, Double> e : res.scores().entrySet()) {
            scores.put(e.getKey(), e.getValue());
        }
        ArrayNode flags = o.putArray("flags");
        res.flags().forEach(flags::add);
        ArrayNode pii = o.putArray("pii");
        for (PiiSpan s : res.pii()) {
            pii.addObject().put("type", s.type()).put("start", s.start()).put("end", s.end());
        }
        o.put("priority", res.priority());
        o.put("model", res.model());
        return o;
    }

    private static ObjectNode error(JsonNode id, String message) {
        ObjectNode o = JSON.createObjectNode();
        o.set("id", id);
        o.put("error", message);
        return o;
    }
}
