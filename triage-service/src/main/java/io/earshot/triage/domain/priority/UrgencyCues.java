package io.earshot.triage.domain.priority;

import io.earshot.triage.domain.model.Text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Word lists, per language, of urgency cues (safety, legal threat, cancellation, outage). A line of the list file
 * is {@code category<TAB>lang<TAB>term}; a term ending in '*' matches any word it begins; {@code *} as language
 * applies to every language. Matching uses the model's text folding (case, diacritics), so "Cancelación" matches
 * "cancelacion".
 */
public final class UrgencyCues {

    /** One cue found in a comment. */
    public record Cue(String category, String term) { }

    private final Map<String, Map<String, String>> exact = new HashMap<>();   // lang -> term -> category
    private final Map<String, List<String[]>> prefixes = new HashMap<>();      // lang -> [prefix, category]

    private UrgencyCues() { }

    /** The built-in lists (classpath {@code model/urgency.tsv}). */
    public static UrgencyCues defaults() {
        return fromResource("model/urgency.tsv");
    }

    /** Cue lists of the same format from another classpath resource (the moderation's promotion cues). */
    public static UrgencyCues fromResource(String name) {
        try (InputStream in = UrgencyCues.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the classpath");
            }
            UrgencyCues c = new UrgencyCues();
            c.read(in);
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The built-in lists plus those of {@code extra} (same format), when given. */
    public static UrgencyCues load(Path extra) {
        UrgencyCues c = defaults();
        if (extra != null) {
            try (InputStream in = Files.newInputStream(extra)) {
                c.read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return c;
    }

    private void read(InputStream in) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] p = line.split("\t");
            if (p.length != 3) {
                continue;
            }
            add(p[0].trim(), p[1].trim(), p[2].trim());
        }
    }

    /** Adds one cue term. */
    public void add(String category, String lang, String term) {
        boolean prefix = term.endsWith("*");
        String t = Text.canonical(prefix ? term.substring(0, term.length() - 1) : term);
        if (t.isEmpty()) {
            return;
        }
        if (prefix) {
            prefixes.computeIfAbsent(lang, k -> new ArrayList<>()).add(new String[] {t, category});
        } else {
            exact.computeIfAbsent(lang, k -> new HashMap<>()).put(t, category);
        }
    }

    /** Cues in the analysed text, at most one per category. */
    public List<Cue> find(Text.Analysed text, String lang) {
        Set<String> seen = new LinkedHashSet<>();
        List<Cue> out = new ArrayList<>(1);
        List<Text.Token> toks = text.tokens();
        for (int i = 0; i < toks.size(); i++) {
            Text.Token t = toks.get(i);
            if (t.kind() != Text.Kind.WORD) {
                continue;
            }
            String w = t.text();
            String bigram = i + 1 < toks.size() ? w + " " + toks.get(i + 1).text() : null;
            for (String l : new String[] {lang, "*"}) {
                match(l, w, bigram, seen, out);
            }
        }
        return out;
    }

    private void match(String lang, String w, String bigram, Set<String> seen, List<Cue> out) {
        Map<String, String> ex = exact.get(lang);
        if (ex != null) {
            String c = ex.get(w);
            if (c != null && seen.add(c)) {
                out.add(new Cue(c, w));
            }
            if (bigram != null) {
                c = ex.get(bigram);
                if (c != null && seen.add(c)) {
                    out.add(new Cue(c, bigram));
                }
            }
        }
        List<String[]> px = prefixes.get(lang);
        if (px != null) {
            for (String[] p : px) {
                if (w.startsWith(p[0]) && seen.add(p[1])) {
                    out.add(new Cue(p[1], w));
                }
            }
        }
    }
}
