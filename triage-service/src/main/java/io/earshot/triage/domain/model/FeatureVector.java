package io.earshot.triage.domain.model;

import java.util.Arrays;

/** A sparse, reusable feature vector: hashed indices, values and (optionally) what produced each entry. */
public final class FeatureVector {
    int size;
    int[] index = new int[512];
    float[] value = new float[512];
    String[] origin;

    /** @param explain keep the origin of each entry so a prediction can be explained. */
    public FeatureVector(boolean explain) {
        origin = explain ? new String[512] : null;
    }

    void clear() {
        size = 0;
    }

    void add(int idx, float v, String why) {
        if (size == index.length) {
            index = Arrays.copyOf(index, size * 2);
            value = Arrays.copyOf(value, size * 2);
            if (origin != null) {
                origin = Arrays.copyOf(origin, size * 2);
            }
        }
        index[size] = idx;
        value[size] = v;
        if (origin != null) {
            origin[size] = why;
        }
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

    public String origin(int i) {
        return origin == null ? null : origin[i];
    }
}
