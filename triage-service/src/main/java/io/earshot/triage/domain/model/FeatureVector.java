package io.earshot.triage.domain.model;

import java.util.Arrays;
import java.util.List;

/**
 * A sparse, reusable feature vector: hashed indices, values, and what produced each entry (a token, the bigram
 * ending at a token, or a cue), so that a prediction can be explained without keeping strings per entry.
 */
public final class FeatureVector {

    /** Origins at or above this are bigrams: {@code BIGRAM + index of the bigram's second token}. */
    static final int BIGRAM = 1 << 20;
    static final int PRIOR = -1;
    static final int PLATFORM = -2;
    static final int LENGTH = -3;
    static final int NO_VALENCE = -4;
    static final int POSITIVE = -5;
    static final int NEGATIVE = -6;
    static final int VALENCE = -7;
    static final int NEGATION = -8;
    static final int INTENSIFIER = -9;
    static final int EXCLAMATION = -10;
    static final int QUESTION = -11;
    static final int CAPITALS = -12;
    static final int ELONGATED = -13;
    static final int SERVICE = -14;
    static final int ABUSE = -15;
    static final int CUES = 16;
    private static final String[] CUE_NAMES = {"", "(prior)", "(platform prior)", "(length)", "(no valence words)",
        "(positive words)", "(negative words)", "(word valence)", "(negation)", "(intensifier)", "!", "?",
        "(capitals)", "(elongated)", "(service complaint cue)", "(abuse cue)"};

    int size;
    int[] index = new int[512];
    float[] value = new float[512];
    int[] origin = new int[512];
    List<Text.Token> tokens = List.of();

    /** @param explain kept for call sites' clarity: origins are always recorded (an int per entry). */
    public FeatureVector(boolean explain) {
    }

    void clear() {
        size = 0;
    }

    void add(int idx, float v, int why) {
        if (size == index.length) {
            index = Arrays.copyOf(index, size * 2);
            value = Arrays.copyOf(value, size * 2);
            origin = Arrays.copyOf(origin, size * 2);
        }
        index[size] = idx;
        value[size] = v;
        origin[size] = why;
        size++;
    }

    void scale(int from, int to, float f) {
        for (int i = from; i < to; i++) {
            value[i] *= f;
        }
    }

    public int size() {
        return size;
    }

    public int index(int i) {
        return index[i];
    }

    public float value(int i) {
        return value[i];
    }

    /** Human name of an origin code: the word, "first second" for a bigram, or the cue. */
    String originName(int code) {
        if (code >= BIGRAM) {
            int t = code - BIGRAM;
            String first = t == 0 ? "<s>" : tokens.get(t - 1).text();
            String second = t >= tokens.size() ? "</s>" : tokens.get(t).text();
            return first + " " + second;
        }
        if (code >= 0) {
            return tokens.get(code).text();
        }
        return CUE_NAMES[-code];
    }
}
