package io.earshot.triage.domain.topic;

import io.earshot.triage.domain.model.Text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the topic cue lists, Earshot's own words per language ({@code topics/<lang>.txt} on the classpath), into
 * one {@link CueTrie} per language. A line is {@code topic<TAB>term}; a term ending in {@code *} is a stem matching
 * every word it begins (how Russian, Romanian, Arabic and Telugu inflections match); a term of several words is a
 * phrase; {@code @include en} adds another language's list (code-mixed English in Russian, Arabic and Telugu
 * comments). Terms are folded as comment text is ({@link Text#canonical}). A term listed under two topics is an
 * error at load, not a silent choice.
 */
public final class TopicCues {

    /** The languages with lists. */
    public static final List<String> LANGUAGES = List.of("en", "es", "ru", "ar", "ro", "te");

    private final Map<String, CueTrie> tries = new HashMap<>();
    private final Map<String, Integer> sizes = new HashMap<>();

    private TopicCues() { }

    /** The shipped lists. */
    public static TopicCues defaults() {
        TopicCues c = new TopicCues();
        for (String lang : LANGUAGES) {
            CueTrie trie = new CueTrie();
            c.sizes.put(lang, c.read(lang, trie, new ArrayList<>()));
            c.tries.put(lang, trie);
        }
        return c;
    }

    /** The trie of a language, or null when it has no list. */
    CueTrie trie(String lang) {
        return tries.get(lang);
    }

    /** How many terms a language's list holds, its includes counted (for the model card and tests). */
    public int size(String lang) {
        return sizes.getOrDefault(lang, 0);
    }

    private int read(String lang, CueTrie trie, List<String> seen) {
        if (seen.contains(lang)) {
            throw new IllegalStateException("topics/" + lang + ".txt includes itself");
        }
        seen.add(lang);
        String name = "topics/" + lang + ".txt";
        int terms = 0;
        try (InputStream in = TopicCues.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("@include ")) {
                    terms += read(line.substring(9).trim(), trie, seen);
                    continue;
                }
                String[] p = line.split("\t");
                Topic topic = p.length == 2 ? Topic.ofCode(p[0].trim()) : null;
                if (topic == null || topic == Topic.OTHER) {
                    throw new IllegalStateException(name + ":" + no + ": expected topic<TAB>term, got " + line);
                }
                String term = p[1].trim();
                boolean stem = term.endsWith("*");
                String folded = Text.canonical(stem ? term.substring(0, term.length() - 1) : term);
                if (folded.isEmpty()) {
                    throw new IllegalStateException(name + ":" + no + ": empty term");
                }
                int before = trie.add(folded, stem, topic.ordinal());
                if (before != CueTrie.NONE) {
                    throw new IllegalStateException(name + ":" + no + ": " + term + " is already "
                            + Topic.values()[before].code());
                }
                terms++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
