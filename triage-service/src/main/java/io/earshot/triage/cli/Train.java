package io.earshot.triage.cli;

import io.earshot.triage.domain.model.*;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * {@code ./suite train}: rebuilds the models from a data directory, from every labelled row ({@code train} and
 * {@code dev}: settings are chosen by grouped cross-validation, {@code ./suite evaluate}, not on the dev slice),
 * deterministically: the same data gives the same bytes. Paths are relative to the repository root.
 * Usage: {@code Train [--data DIR] [--out DIR] [--only NAME] [--set [model.]key=value ...]}; the
 * {@code --set} overrides are for trying settings, the shipped ones are in {@link ModelSpec}.
 */
public final class Train {

    private Train() { }

    public static void main(String[] args) throws Exception {
        Path data = Path.of("../shared/data");
        Path out = Path.of("triage-service/src/main/resources/model");
        String only = null;
        List<String> sets = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--only" -> only = args[++i];
                case "--set" -> sets.add(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        List<Example> sentiment = Dataset.read(data, "sentiment");
        List<Example> moderation = Dataset.read(data, "moderation");
        if (sentiment.isEmpty() && moderation.isEmpty()) {
            throw new IllegalArgumentException("no sentiment/*.jsonl or moderation/*.jsonl under " + data);
        }
        Files.createDirectories(out);
        Lexicon lexicon = Lexicon.load();
        for (ModelSpec spec : ModelSpec.all()) {
            if (only != null && !only.equals(spec.name())) {
                continue;
            }
            spec = override(spec, sets);
            List<Example> rows = spec.rows(sentiment, moderation);
            long t0 = System.nanoTime();
            LinearModel m = train(spec, lexicon, rows);
            Path file = out.resolve(spec.fileName());
            try (OutputStream os = Files.newOutputStream(file)) {
                m.write(os);
            }
            System.err.printf(Locale.ROOT, "trained %s (%s) on %d rows in %.1f s, T=%.3f -> %s (%d bytes)%n",
                    spec.name(), m.version(), rows.size(), (System.nanoTime() - t0) / 1e9, m.temperature(), file,
                    Files.size(file));
        }
    }

    /** Trains one model; its version is a digest of the settings and of the training rows. */
    public static LinearModel train(ModelSpec spec, Lexicon lexicon, List<Example> rows) {
        Features features = new Features(spec.features(), lexicon);
        String version = version(spec, rows);
        return Trainer.train(spec.name(), version, spec.labels(), features, rows, spec.settings());
    }

    /** The version a model trained with {@code spec} on {@code rows} gets: its name and a digest of both. */
    static String version(ModelSpec spec, List<Example> rows) {
        return spec.name() + "-" + fingerprint(spec, rows);
    }

    static String fingerprint(ModelSpec spec, List<Example> rows) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            Trainer.Settings st = spec.settings();
            String settings = st.epochs() + "," + st.learningRate() + "," + st.l2() + "," + st.classWeightPower() + ","
                    + st.seed() + "," + st.calibrationModulo() + "," + st.average() + "," + st.nb() + "," + st.priorCorrection() + "," + new TreeMap<>(st.sourceWeights());
            md.update((spec.features() + "|" + settings + "|" + String.join(",", spec.labels()))
                    .getBytes(StandardCharsets.UTF_8));
            for (Example e : rows) {
                md.update((e.id() + '\u0001' + e.lang() + '\u0001' + e.label() + '\u0001' + e.source() + '\u0001'
                        + e.text() + '\u0002').getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static ModelSpec override(ModelSpec spec, List<String> sets) {
        Features.Config f = spec.features();
        Trainer.Settings s = spec.settings();
        boolean abuseCues = f.abuseCues();
        for (String kv : sets) {
            String[] p = kv.split("=", 2);
            String key = p[0];
            if (key.startsWith(ModelSpec.STANCE + ".") || key.startsWith(ModelSpec.SPAM + ".")
                    || key.startsWith(ModelSpec.ABUSIVE + ".")) {
                if (!key.startsWith(spec.name() + ".")) {
                    continue;
                }
                key = key.substring(spec.name().length() + 1);
            }
            String v = p[1];
            switch (key) {
                case "bits" -> f = new Features.Config(Integer.parseInt(v), f.charMin(), f.charMax(), f.wordBigrams(), f.langConjoined(), f.charsLangConjoined(), f.lexicon());
                case "charMin" -> f = new Features.Config(f.bits(), Integer.parseInt(v), f.charMax(), f.wordBigrams(), f.langConjoined(), f.charsLangConjoined(), f.lexicon());
                case "charMax" -> f = new Features.Config(f.bits(), f.charMin(), Integer.parseInt(v), f.wordBigrams(), f.langConjoined(), f.charsLangConjoined(), f.lexicon());
                case "bigrams" -> f = new Features.Config(f.bits(), f.charMin(), f.charMax(), Boolean.parseBoolean(v), f.langConjoined(), f.charsLangConjoined(), f.lexicon());
                case "conj" -> f = new Features.Config(f.bits(), f.charMin(), f.charMax(), f.wordBigrams(), Boolean.parseBoolean(v), f.charsLangConjoined(), f.lexicon());
                case "charConj" -> f = new Features.Config(f.bits(), f.charMin(), f.charMax(), f.wordBigrams(), f.langConjoined(), Boolean.parseBoolean(v), f.lexicon());
                case "lexicon" -> f = new Features.Config(f.bits(), f.charMin(), f.charMax(), f.wordBigrams(), f.langConjoined(), f.charsLangConjoined(), Boolean.parseBoolean(v));
                case "abuseCues" -> abuseCues = Boolean.parseBoolean(v);
                default -> s = s.with(key, v);
            }
        }
        return new ModelSpec(spec.name(), spec.labels(), spec.positive(), f.withAbuseCues(abuseCues), s);
    }
}
