package io.earshot.ingest.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.earshot.commons.api.Problem;
import io.earshot.commons.api.ProblemException;
import io.earshot.ingest.config.IngestConfig;
import io.earshot.ingest.domain.CommentIntake;
import io.earshot.ingest.domain.CommentIntake.Outcome;
import io.earshot.ingest.domain.Csv;
import io.earshot.ingest.domain.Normalization;
import io.earshot.ingest.domain.RecordSplitter;
import io.earshot.ingest.domain.RecordSplitter.Record;
import io.earshot.ingest.messaging.CommentIngested;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.logging.Logger;

/**
 * Bulk import of comments, JSON Lines or CSV, streamed: lines are read, checked and published in batches, so a
 * 100 MB file never needs 100 MB of heap. Each line's result is written to a temporary file and the answer streams
 * it back after the summary. A bad line is reported and skipped; it never stops the good ones.
 */
@Path("/api/import")
public class ImportResource {

    private static final Logger LOG = Logger.getLogger(ImportResource.class);

    /** CSV columns, by header name, to the JSON path of the comment they fill. */
    static final Map<String, String> CSV_COLUMNS = Map.ofEntries(
            Map.entry("platform", "platform"), Map.entry("externalid", "externalId"), Map.entry("threadid", "threadId"),
            Map.entry("parentid", "parentId"), Map.entry("authorid", "author.id"), Map.entry("authorhandle", "author.handle"),
            Map.entry("authordisplayname", "author.displayName"), Map.entry("authorname", "author.displayName"),
            Map.entry("authorfollowers", "author.followers"), Map.entry("text", "text"), Map.entry("createdat", "createdAt"),
            Map.entry("permalink", "permalink"), Map.entry("lang", "lang"), Map.entry("account", "account"),
            Map.entry("action", "action"), Map.entry("editedat", "editedAt"));

    @Inject
    IngestConfig config;

    @Inject
    ObjectMapper mapper;

    @Inject
    Submissions submissions;

    @Inject
    CommentIntake intake;

    @Inject
    Normalization normalization;

    @Inject
    RateLimits rateLimits;

    private record Line(long number, CommentIngested event, String status, String reason) {
    }

    @POST
    @Consumes({"application/x-ndjson", "application/jsonl", "application/json-lines", "text/csv", "application/csv"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import comments in bulk",
            description = "JSON Lines (one comment per line, the shape of POST /api/comments) or CSV with a header row "
                    + "(platform, externalId, threadId, parentId, authorId, authorHandle, authorDisplayName, authorFollowers, "
                    + "text, createdAt, permalink, lang, account, action, editedAt). Answers a summary and one result per line.")
    @APIResponse(responseCode = "200", description = "Every line read: {summary, lines:[{line, status, id|reason}]}")
    @APIResponse(responseCode = "400", description = "A CSV header without the required columns")
    @APIResponse(responseCode = "415", description = "Neither JSON Lines nor CSV")
    @APIResponse(responseCode = "503", description = "Kafka stopped acknowledging; lines before the one named were stored, re-send the file")
    public Response importComments(InputStream body, @HeaderParam("Content-Type") String contentType, RoutingContext routing)
            throws IOException {
        rateLimits.check("import");
        Grant grant = routing.get(Grant.ATTRIBUTE);
        boolean csv = contentType != null && contentType.toLowerCase(Locale.ROOT).contains("csv");
        java.nio.file.Path report = Files.createTempFile("earshot-import-", ".jsonl");
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String key : List.of("lines", "accepted", "duplicate", "rejected")) {
            counts.put(key, 0L);
        }
        boolean handedOver = false;
        try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(report), StandardCharsets.UTF_8))) {
            RecordSplitter splitter = new RecordSplitter(new BufferedInputStream(body, 65536), csv, config.importing().maxLineBytes());
            String[] header = csv ? readHeader(splitter) : null;
            List<Line> batch = new ArrayList<>();
            Instant receivedAt = Instant.now();
            for (Record record; (record = splitter.next()) != null; ) {
                if (record.error() == null && record.text().isBlank()) {
                    continue;
                }
                batch.add(read(record, header, receivedAt, grant));
                if (batch.stream().filter(l -> l.event() != null).count() >= config.importing().batchSize()) {
                    flush(batch, out, counts);
                    receivedAt = Instant.now();
                }
            }
            flush(batch, out, counts);
            out.flush();
            handedOver = true;
        } catch (KafkaStopped stopped) {
            throw ProblemException.unavailable("Kafka did not acknowledge line " + stopped.line + "; lines before it were "
                    + "stored. Re-send the file: stored lines are recognised as duplicates", config.retryAfter());
        } finally {
            if (!handedOver) {
                Files.deleteIfExists(report);
            }
        }
        LOG.infof("import: %s", counts);
        StreamingOutput stream = output -> writeAnswer(output, counts, report);
        return Response.ok(stream, MediaType.APPLICATION_JSON).build();
    }

    private String[] readHeader(RecordSplitter splitter) throws IOException {
        Record first = splitter.next();
        if (first == null || first.text() == null) {
            throw ProblemException.badField("header", "a CSV import starts with a header row naming its columns");
        }
        List<String> names = Csv.fields(first.text());
        if (names == null) {
            throw ProblemException.badField("header", "is not a valid CSV record");
        }
        String[] paths = new String[names.size()];
        for (int i = 0; i < names.size(); i++) {
            paths[i] = CSV_COLUMNS.get(names.get(i).trim().toLowerCase(Locale.ROOT).replace("_", "").replace(".", ""));
        }
        List<String> missing = new ArrayList<>();
        for (String required : List.of("platform", "externalId", "threadId", "author.id", "text", "createdAt")) {
            if (!List.of(paths).contains(required)) {
                missing.add(required);
            }
        }
        if (!missing.isEmpty()) {
            throw ProblemException.badField("header", "misses the columns " + String.join(", ", missing));
        }
        return paths;
    }

    private Line read(Record record, String[] header, Instant receivedAt, Grant grant) {
        if (record.error() != null) {
            return new Line(record.line(), null, "rejected", "line " + record.error());
        }
        JsonNode node;
        if (header == null) {
            try {
                node = mapper.readTree(record.text());
            } catch (JsonProcessingException e) {
                return new Line(record.line(), null, "rejected", "body: is not well-formed JSON");
            }
        } else {
            List<String> fields = Csv.fields(record.text());
            if (fields == null) {
                return new Line(record.line(), null, "rejected", "record: is not valid CSV (unbalanced quotes)");
            }
            if (fields.size() != header.length) {
                return new Line(record.line(), null, "rejected",
                        "record: has " + fields.size() + " fields, the header " + header.length);
            }
            ObjectNode object = mapper.createObjectNode();
            for (int i = 0; i < header.length; i++) {
                if (header[i] == null || fields.get(i).isEmpty()) {
                    continue;
                }
                if (header[i].startsWith("author.")) {
                    ObjectNode author = object.has("author") ? (ObjectNode) object.get("author") : object.putObject("author");
                    author.put(header[i].substring(7), fields.get(i));
                } else {
                    object.put(header[i], fields.get(i));
                }
            }
            node = object;
        }
        Submissions.Checked checked = submissions.check(node, "", null);
        if (!checked.ok()) {
            String reason = checked.errors().stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse("invalid");
            return new Line(record.line(), null, "rejected", reason);
        }
        Problem.FieldError refusal = grant == null ? new Problem.FieldError("platform", "no key")
                : grant.refusal("", checked.submission().platform(), checked.submission().account());
        if (refusal != null) {
            return new Line(record.line(), null, "rejected", "forbidden: " + refusal.field() + ": " + refusal.message());
        }
        try {
            return new Line(record.line(), normalization.toEvent(Submissions.toDraft(checked.submission(),
                    record.text()), receivedAt), null, null);
        } catch (RuntimeException e) {
            return new Line(record.line(), null, "rejected", "could not be versioned: " + e.getClass().getSimpleName());
        }
    }

    /** Thrown when Kafka stops acknowledging mid-import. */
    private static final class KafkaStopped extends RuntimeException {
        final long line;

        KafkaStopped(long line) {
            super(null, null, false, false);
            this.line = line;
        }
    }

    private void flush(List<Line> batch, Writer out, Map<String, Long> counts) throws IOException {
        List<CommentIngested> events = batch.stream().filter(l -> l.event() != null).map(Line::event).toList();
        List<Outcome> outcomes = events.isEmpty() ? List.of() : intake.accept(events);
        Map<Long, Outcome> byLine = new HashMap<>();
        int next = 0;
        for (Line line : batch) {
            if (line.event() != null) {
                byLine.put(line.number(), outcomes.get(next++));
            }
        }
        for (Line line : batch) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("line", line.number());
            Outcome outcome = byLine.get(line.number());
            String status;
            if (outcome == null) {
                status = "rejected";
                result.put("status", status);
                result.put("reason", line.reason());
            } else {
                switch (outcome.status()) {
                    case ACCEPTED -> status = "accepted";
                    case DUPLICATE -> status = "duplicate";
                    case IN_PROGRESS -> status = "rejected";
                    default -> throw new KafkaStopped(line.number());
                }
                result.put("status", status);
                result.put("id", outcome.comment().commentId());
                if (outcome.status() == CommentIntake.Status.IN_PROGRESS) {
                    result.put("reason", "the same comment is being published by another request; re-send this line later");
                }
            }
            counts.merge("lines", 1L, Long::sum);
            counts.merge(status, 1L, Long::sum);
            out.write(mapper.writeValueAsString(result));
            out.write('\n');
        }
        batch.clear();
    }

    private void writeAnswer(OutputStream output, Map<String, Long> counts, java.nio.file.Path report) throws IOException {
        try (BufferedReader lines = Files.newBufferedReader(report, StandardCharsets.UTF_8)) {
            Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 65536);
            out.write("{\"summary\":");
            out.write(mapper.writeValueAsString(counts));
            out.write(",\"lines\":[");
            boolean first = true;
            for (String line; (line = lines.readLine()) != null; ) {
                if (!first) {
                    out.write(',');
                }
                out.write(line);
                first = false;
            }
            out.write("]}");
            out.flush();
        } finally {
            Files.deleteIfExists(report);
        }
    }
}
