package io.earshot.triage.bench;

import io.earshot.triage.domain.model.Models;

/** Prints how long loading the shipped models takes in a fresh JVM (target: under 1 s), and their version. */
public final class ModelLoadTime {

    private ModelLoadTime() { }

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        Models m = Models.fromClasspath();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("model load: %d ms (%s: %s)%n", ms, m.version(), m.components());
    }
}
