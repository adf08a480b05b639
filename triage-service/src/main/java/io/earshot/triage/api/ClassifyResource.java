package io.earshot.triage.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.commons.api.ProblemException;
import io.earshot.triage.domain.TriageEngine;
import io.earshot.triage.domain.TriageRequest;
import io.earshot.triage.domain.TriageResult;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Triage on demand, by exactly the engine that triages the stream: one comment (a JSON object) or a batch (an array
 * of up to 1,000), answered in order. Nothing is stored or published.
 */
@Path("/api")
public class ClassifyResource {

    /** Largest batch one call may send. */
    public static final int MAX_BATCH = 1000;

    @Inject
    TriageEngine engine;

    /** One comment to classify. */
    public record ClassifyInput(String id, String text, String lang, String platform, Long followers) {
    }

    /** One verdict, in the classify command's shape plus priority reasons, explanation and rule signals. */
    public record ClassifyOutput(String id, String lang, String label, double confidence, Map<String, Double> scores,
                                 List<String> flags, List<Pii> pii, int priority, List<String> reasons,
                                 List<String> explanation, List<String> signals, String model) {
    }

    /** Personal data span (UTF-16 offsets, end exclusive). */
    public record Pii(String type, int start, int end) {
    }

    @POST
    @Path("/classify")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Classify one comment (object) or a batch of up to 1,000 (array)")
    public Object classify(JsonNode body) {
        if (body == null || body.isNull()) {
            throw ProblemException.badField("body", "a comment object or an array of them is required");
        }
        if (body.isArray()) {
            if (body.size() > MAX_BATCH) {
                throw ProblemException.badField("body", "at most " + MAX_BATCH + " comments per call, got " + body.size());
            }
            List<ClassifyOutput> out = new ArrayList<>(body.size());
            for (int i = 0; i < body.size(); i++) {
                out.add(one(body.get(i), "[" + i + "]"));
            }
            return out;
        }
        return one(body, "");
    }

    @GET
    @Path("/model")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The loaded model version, its parts and the settings that decide flags")
    public Map<String, Object> model() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", engine.models().version());
        m.put("components", engine.models().components());
        m.put("languages", engine.languages().languages().stream().sorted().toList());
        m.put("spamThreshold", engine.moderation().settings().spamThreshold());
        m.put("abusiveThreshold", engine.moderation().settings().abusiveThreshold());
        return m;
    }

    private ClassifyOutput one(JsonNode n, String at) {
        if (n == null || !n.isObject()) {
            throw ProblemException.badField(field(at, ""), "must be an object with a text");
        }
        JsonNode text = n.get("text");
        if (text == null || !text.isTextual()) {
            throw ProblemException.badField(field(at, "text"), "must be a string");
        }
        if (text.asText().length() > 20_000) {
            throw ProblemException.badField(field(at, "text"), "must be at most 20000 characters");
        }
        String lang = optionalString(n, "lang", at);
        String platform = optionalString(n, "platform", at);
        JsonNode f = n.get("followers");
        if (f != null && !f.isNull() && !f.canConvertToLong()) {
            throw ProblemException.badField(field(at, "followers"), "must be an integer");
        }
        Long followers = f == null || f.isNull() ? null : f.asLong();
        JsonNode id = n.get("id");
        TriageResult r = engine.triage(new TriageRequest(text.asText(), lang, platform, followers, null, null, 0));
        return new ClassifyOutput(id == null || id.isNull() ? null : id.asText(), r.lang(), r.label(), r.confidence(),
                r.scores(), r.flags(), r.pii().stream().map(p -> new Pii(p.type(), p.start(), p.end())).toList(),
                r.priority(), r.reasons(), r.explanation(), r.signals(), r.model());
    }

    private static String optionalString(JsonNode n, String name, String at) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw ProblemException.badField(field(at, name), "must be a string");
        }
        return v.asText();
    }

    private static String field(String at, String name) {
        if (at.isEmpty()) {
            return name.isEmpty() ? "body" : name;
        }
        return name.isEmpty() ? at : at + "." + name;
    }
}
