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
                    out.add(new Example(n.path("id").asText(), n.path("text").asText(""), n.path("lang").asText("und"),
                            n.path("label").asText(), n.path("source").asText(f.getFileName().toString()),
                            n.path("split").asText("train")));
                }
            }
        }
        return out;
    }
}
