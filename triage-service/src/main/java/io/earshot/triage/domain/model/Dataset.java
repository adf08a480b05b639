package io.earshot.triage.domain.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads the labelled JSON Lines files of a data directory ({@code sentiment/*.jsonl}, {@code moderation/*.jsonl}). */
public final class Dataset {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Dataset() { }

    /** All rows of every {@code *.jsonl} file under {@code dir/kind}, files in name order, rows in file order. */
    public static List<Example> read(Path dir, String kind) throws IOException {
        Path sub = dir.resolve(kind);
        List<Example> out = new ArrayList<>();
        if (!Files.isDirectory(sub)) {
            return out;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(sub)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        }
        for (Path f : files) {
            try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode n = JSON.readTree(line);
                    String id = n.path("id").asText();
                    JsonNode meta = n.path("meta");
                    String label = n.path("label").asText();
                    if (meta.path("spam_like_heuristic").asBoolean(false) && "abusive".equals(label)) {
                        // MACD labels astrology and phone adverts abusive; for Earshot they are spam, not abuse
                        label = "spam";
                    }
                    out.add(new Example(id, n.path("text").asText(""), n.path("lang").asText("und"), label,
                            n.path("source").asText(f.getFileName().toString()), n.path("split").asText("train"),
                            group(id, meta)));
                }
            }
        }
        return out;
    }

    /**
     * What the held-out sets are split by, from the row's {@code meta}: {@code group} where the file names one,
     * else the company (airline), the banks named (SentiRuEval), the article (news comments) or the video (spam);
     * otherwise the row itself.
     */
    static String group(String id, JsonNode meta) {
        for (String key : new String[] {"group", "company", "article", "video"}) {
            String v = meta.path(key).asText("");
            if (!v.isEmpty()) {
                return key + ":" + v;
            }
        }
        JsonNode companies = meta.path("companies");
        if (companies.isArray() && !companies.isEmpty()) {
            List<String> names = new ArrayList<>();
            companies.forEach(c -> names.add(c.asText()));
            java.util.Collections.sort(names);
            return "companies:" + String.join(",", names);
        }
        return "row:" + id;
    }
}
