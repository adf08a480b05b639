package io.earshot.triage.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PLACEHOLDER baseline: a small hand-written word list per language with negation flipping, so the pipeline has an
 * honest, explainable first verdict. It is not a trained model and its accuracy is not measured; the triage issue
 * replaces it with a classifier trained on labelled comments. Lexicon: {@code baseline-lexicon.tsv}.
 */
@ApplicationScoped
public class LexiconStanceClassifier implements StanceClassifier {

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{M}\\p{N}']+|[\\x{1F300}-\\x{1FAFF}\\x{2600}-\\x{27BF}]");

    private final Map<String, Integer> polarity = new HashMap<>();
    private final Set<String> negators = new HashSet<>();

    public LexiconStanceClassifier() {
        try (InputStream in = getClass().getResourceAsStream("/baseline-lexicon.tsv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                for (String word : cols[2].split(",")) {
                    String w = word.strip().toLowerCase(Locale.ROOT);
                    switch (cols[1]) {
                        case "+" -> polarity.put(w, 1);
                        case "-" -> polarity.put(w, -1);
                        case "not" -> negators.add(w);
                        default -> throw new IllegalStateException("bad lexicon line: " + line);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Stance classify(String text, String lang) {
        List<String> tokens = new ArrayList<>();
        var m = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            tokens.add(m.group());
        }
        double positive = 0;
        double negative = 0;
        List<String> evidence = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Integer p = polarity.get(tokens.get(i));
            if (p == null) {
                continue;
            }
            boolean negated = (i > 0 && negators.contains(tokens.get(i - 1))) || (i > 1 && negators.contains(tokens.get(i - 2)));
            int signed = negated ? -p : p;
            if (signed > 0) {
                positive++;
            } else {
                negative++;
            }
            evidence.add((negated ? "not " : "") + tokens.get(i) + (signed > 0 ? " (+)" : " (-)"));
        }
        double praise = positive + 0.2;
        double complaint = negative * 1.2 + 0.2;
        double neutral = 0.6;
        double sum = praise + complaint + neutral;
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put(Stance.PRAISE, round(praise / sum));
        scores.put(Stance.COMPLAINT, round(complaint / sum));
        scores.put(Stance.NEUTRAL, round(neutral / sum));
        String label = scores.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        return new Stance(label, scores.get(label), scores, evidence.subList(0, Math.min(5, evidence.size())));
    }

    @Override
    public String model() {
        return "lexicon-baseline-0.1";
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
