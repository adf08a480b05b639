package io.earshot.triage.domain.model;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A multinomial logistic regression over hashed features with a softmax temperature fitted after training, so that
 * its probabilities are calibrated. Weights are held and stored as 16-bit fixed point (one scale per model): half the
 * memory of floats, a gzip file that is small and loads fast, and the same numbers in training, evaluation and
 * service.
 */
public final class LinearModel {

    private static final int MAGIC = 0x45535431; // "EST1"

    private final String name;
    private final String version;
    private final String[] labels;
    private final Features.Config config;
    private final short[] weights; // [feature][label], fixed point
    private final float scale;
    private float temperature;

    public LinearModel(String name, String version, String[] labels, Features.Config config, float[] weights,
                       float temperature) {
        this.name = name;
        this.version = version;
        this.labels = labels.clone();
        this.config = config;
        float maxAbs = 1e-9f;
        for (float w : weights) {
            maxAbs = Math.max(maxAbs, Math.abs(w));
        }
        this.scale = maxAbs / 32767f;
        this.weights = new short[weights.length];
        for (int i = 0; i < weights.length; i++) {
            this.weights[i] = (short) Math.round(weights[i] / scale);
        }
        this.temperature = temperature;
    }

    private LinearModel(String name, String version, String[] labels, Features.Config config, short[] weights,
                        float scale, float temperature) {
        this.name = name;
        this.version = version;
        this.labels = labels.clone();
        this.config = config;
        this.weights = weights;
        this.scale = scale;
        this.temperature = temperature;
    }

    public String name() {
        return name;
    }

    public String version() {
        return version;
    }

    public String[] labels() {
        return labels.clone();
    }

    public int labelCount() {
        return labels.length;
    }

    public int labelIndex(String label) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i].equals(label)) {
                return i;
            }
        }
        return -1;
    }

    public Features.Config config() {
        return config;
    }

    public float temperature() {
        return temperature;
    }

    void temperature(float t) {
        this.temperature = t;
    }


    /** Raw scores (logits) of each label for {@code x}. */
    public void logits(FeatureVector x, double[] out) {
        int k = labels.length;
        for (int j = 0; j < k; j++) {
            out[j] = 0;
        }
        if (k == 2) {
            double a = 0, b = 0;
            for (int i = 0; i < x.size; i++) {
                int base = x.index[i] * 2;
                float v = x.value[i];
                a += weights[base] * v;
                b += weights[base + 1] * v;
            }
            out[0] = a * scale;
            out[1] = b * scale;
            return;
        }
        for (int i = 0; i < x.size; i++) {
            int base = x.index[i] * k;
            float v = x.value[i];
            for (int j = 0; j < k; j++) {
                out[j] += weights[base + j] * v;
            }
        }
        for (int j = 0; j < k; j++) {
            out[j] *= scale;
        }
    }

    /** Calibrated probabilities of each label for {@code x}. */
    public void probabilities(FeatureVector x, double[] out) {
        logits(x, out);
        softmax(out, temperature);
    }

    /** Contribution of entry {@code i} of {@code x} to the logit of {@code label}. */
    public double contribution(FeatureVector x, int i, int label) {
        return weights[x.index[i] * labels.length + label] * scale * x.value[i];
    }

    static void softmax(double[] z, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int j = 0; j < z.length; j++) {
            z[j] = Math.exp((z[j] - max) / temperature);
            sum += z[j];
        }
        for (int j = 0; j < z.length; j++) {
            z[j] /= sum;
        }
    }

    /** Writes the model; the bytes depend only on the weights and settings (gzip header without a timestamp). */
    public void write(OutputStream os) throws IOException {
        GZIPOutputStream gz = new GZIPOutputStream(os, 1 << 16);
        DataOutputStream out = new DataOutputStream(gz);
        out.writeInt(MAGIC);
        out.writeUTF(name);
        out.writeUTF(version);
        out.writeInt(labels.length);
        for (String l : labels) {
            out.writeUTF(l);
        }
        out.writeInt(config.bits());
        out.writeInt(config.charMin());
        out.writeInt(config.charMax());
        out.writeBoolean(config.wordBigrams());
        out.writeBoolean(config.langConjoined());
        out.writeBoolean(config.charsLangConjoined());
        // one byte: bit 0 the lexicon, bit 1 the abuse cues (files written before the abuse cues read as without)
        out.writeByte((config.lexicon() ? 1 : 0) | (config.abuseCues() ? 2 : 0));
        out.writeFloat(temperature);
        out.writeFloat(scale);
        out.writeInt(weights.length);
        ByteBuffer buf = ByteBuffer.allocate(weights.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short w : weights) {
            buf.putShort(w);
        }
        out.write(buf.array());
        out.flush();
        gz.finish();
    }

    /** Same weights as they will be after a write and a read (16-bit rounding), for evaluating what ships. */
    public LinearModel quantised() throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        write(bos);
        return read(new java.io.ByteArrayInputStream(bos.toByteArray()));
    }

    public static LinearModel read(InputStream is) throws IOException {
        DataInputStream in = new DataInputStream(new GZIPInputStream(is, 1 << 16));
        if (in.readInt() != MAGIC) {
            throw new IOException("not an Earshot model file");
        }
        String name = in.readUTF();
        String version = in.readUTF();
        String[] labels = new String[in.readInt()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = in.readUTF();
        }
        int bits = in.readInt(), charMin = in.readInt(), charMax = in.readInt();
        boolean bigrams = in.readBoolean(), conj = in.readBoolean(), charConj = in.readBoolean();
        int flags = in.readUnsignedByte();
        Features.Config config = new Features.Config(bits, charMin, charMax, bigrams, conj, charConj, (flags & 1) != 0,
                (flags & 2) != 0);
        float temperature = in.readFloat();
        float scale = in.readFloat();
        int n = in.readInt();
        if (n != (1 << config.bits()) * labels.length) {
            throw new IOException("model size does not match its settings");
        }
        byte[] bytes = new byte[n * 2];
        in.readFully(bytes);
        short[] w = new short[n];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(w);
        return new LinearModel(name, version, labels, config, w, scale, temperature);
    }
}
