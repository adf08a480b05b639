package io.earshot.triage.domain.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The trained models and word lists, loaded once at start. A new model is a new build and a restart: the version
 * string names the three trained models, so every verdict can be traced to them.
 */
public final class Models {

    private final Lexicon lexicon;
    private final LinearModel stance;
    private final LinearModel spam;
    private final LinearModel abusive;
    private final String version;

    public Models(Lexicon lexicon, LinearModel stance, LinearModel spam, LinearModel abusive) {
        this.lexicon = lexicon;
        this.stance = stance;
        this.spam = spam;
        this.abusive = abusive;
        this.version = "triage-" + digest(stance.version() + "|" + spam.version() + "|" + abusive.version());
    }

    /** The models shipped in this build ({@code model/*.model.gz} on the classpath). */
    public static Models fromClasspath() {
        return new Models(Lexicon.load(), resource(ModelSpec.stance()), resource(ModelSpec.spam()),
                resource(ModelSpec.abusive()));
    }

    /** Models from a directory written by Train (the lexicon still comes from the classpath). */
    public static Models fromDirectory(Path dir) throws IOException {
        return new Models(Lexicon.load(), file(dir, ModelSpec.stance()), file(dir, ModelSpec.spam()),
                file(dir, ModelSpec.abusive()));
    }

    private static LinearModel resource(ModelSpec spec) {
        String name = "model/" + spec.fileName();
        try (InputStream in = Models.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the classpath: run ./suite train");
            }
            return LinearModel.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    private static LinearModel file(Path dir, ModelSpec spec) throws IOException {
        try (InputStream in = Files.newInputStream(dir.resolve(spec.fileName()))) {
            return LinearModel.read(in);
        }
    }

    public Lexicon lexicon() {
        return lexicon;
    }

    public LinearModel stance() {
        return stance;
    }

    public LinearModel spam() {
        return spam;
    }

    public LinearModel abusive() {
        return abusive;
    }

    /** One string naming all three models, carried in every verdict. */
    public String version() {
        return version;
    }

    /** The version of each model, for {@code /api/model}. */
    public Map<String, String> components() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(ModelSpec.STANCE, stance.version());
        m.put(ModelSpec.SPAM, spam.version());
        m.put(ModelSpec.ABUSIVE, abusive.version());
        return m;
    }

    private static String digest(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
