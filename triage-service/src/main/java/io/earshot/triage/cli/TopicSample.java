package io.earshot.triage.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.triage.domain.model.Text;
import io.earshot.triage.domain.topic.Topic;
import io.earshot.triage.domain.topic.TopicClassifier;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of {@link TopicClassifier}: the airline complaints of {@code ../shared/data} whose {@code meta.reason}
 * maps to a topic ({@link #AIRLINE}, dev rows), and the hand-labelled sample of complaints and questions in the other
 * core languages ({@code triage-service/src/test/resources/topic-sample.tsv}: id, language, topic, text; the text only
 * where the set's licence allows, else read from the data by id). {@code ./suite evaluate --only topics} prints them;
 * a full {@code ./suite evaluate} writes them into docs/model-card.md ("Topics"). No model is trained.
 */
public final class TopicSample {

    /** How the airline set's complaint reasons map to the topic set ("Can't Tell" is not scored). */
    static final Map<String, Topic> AIRLINE = Map.of(
            "Late Flight", Topic.DELIVERY,
            "Cancelled Flight", Topic.DELIVERY,
            "Lost Luggage", Topic.DELIVERY,
            "Damaged Luggage", Topic.PRODUCT_QUALITY,
            "Bad Flight", Topic.PRODUCT_QUALITY,
            "Flight Attendant Complaints", Topic.STAFF_BEHAVIOUR,
            "Customer Service Issue", Topic.WAITING_NO_ANSWER,
            "longlines", Topic.WAITING_NO_ANSWER,
            "Flight Booking Problems", Topic.ACCOUNT_LOGIN);

    /** One gold row: where it comes from (a set, or an airline reason), its language, topic and text. */
    public record Row(String id, String lang, Topic gold, String text, String group) { }

    private TopicSample() { }

    /** {@code TopicSample [DATA [SAMPLE]]}: the model card's "Topics" section as it would be written, and the cost. */
    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        Path sample = Path.of(args.length > 1 ? args[1] : "triage-service/src/test/resources/topic-sample.tsv");
        TopicClassifier c = TopicClassifier.defaults();
        System.out.print(TopicCard.render(section(data, sample, c)));
        System.err.print(cost(data, sample, c));
    }

    /** What classifying costs on the measured texts (printed, not in the card: it varies from run to run). */
    static String cost(Path data, Path sample, TopicClassifier c) throws IOException {
        return TopicScores.speed(airline(data), Files.exists(sample) ? sample(sample, data) : List.of(), c);
    }

    /** The airline dev complaints with a mapped reason; empty when the file is not there. */
    static List<Row> airline(Path data) throws IOException {
        Path f = data.resolve("sentiment/airline.jsonl");
        List<Row> out = new ArrayList<>();
        if (!Files.exists(f)) {
            return out;
        }
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                JsonNode n = json.readTree(line);
                Topic t = AIRLINE.get(n.path("meta").path("reason").asText(""));
                if (t != null && "complaint".equals(n.path("label").asText()) && "dev".equals(n.path("split").asText())) {
                    out.add(new Row(n.path("id").asText(), "en", t, n.path("text").asText(),
                            n.path("meta").path("reason").asText()));
                }
            }
        }
        return out;
    }

    /** The hand-labelled rows, their text from the sample or else from the data by id (rows found nowhere dropped). */
    static List<Row> sample(Path file, Path data) throws IOException {
        List<String[]> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                lines.add(line.split("\t", 4));
            }
        }
        Map<String, String> texts = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String[] p : lines) {
            if (p.length < 4 || p[3].isEmpty()) {
                texts.put(p[0], null);
            }
        }
        if (!texts.isEmpty() && Files.isDirectory(data.resolve("sentiment"))) {
            try (var files = Files.list(data.resolve("sentiment"))) {
                for (Path f : files.sorted().toList()) {
                    try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                        String line;
                        while ((line = r.readLine()) != null) {
                            int q = line.indexOf("\"id\": \"");
                            String id = q < 0 ? null : line.substring(q + 7, line.indexOf('"', q + 7));
                            if (id != null && texts.containsKey(id)) {
                                texts.put(id, json.readTree(line).path("text").asText());
                            }
                        }
                    }
                }
            }
        }
        List<Row> out = new ArrayList<>();
        for (String[] p : lines) {
            String text = p.length > 3 && !p[3].isEmpty() ? p[3] : texts.get(p[0]);
            Topic gold = Topic.ofCode(p[2]);
            if (gold == null) {
                throw new IllegalArgumentException(file + ": unknown topic " + p[2] + " for " + p[0]);
            }
            if (text != null) {
                out.add(new Row(p[0], p[1], gold, text, p[0].substring(0, p[0].lastIndexOf('-'))));
            }
        }
        return out;
    }

    /** The model card's "Topics" figures: both measurements, or what is missing. */
    static String section(Path data, Path sample, TopicClassifier classifier) throws IOException {
        List<Row> airline = airline(data);
        List<Row> labelled = Files.exists(sample) ? sample(sample, data) : List.of();
        StringBuilder sb = new StringBuilder();
        sb.append(TopicScores.of(airline, classifier).markdown("airline complaints (dev), by mapped reason"));
        sb.append('\n').append(TopicScores.byGroup(airline, classifier));
        sb.append('\n').append(TopicScores.of(labelled, classifier).markdown("hand-labelled sample"));
        sb.append('\n').append(TopicScores.byLanguage(labelled, classifier));
        return sb.toString();
    }

    static Topic predict(TopicClassifier c, Row r) {
        return c.classify(Text.analyse(r.text()), r.lang());
    }
}
