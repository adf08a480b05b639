package io.earshot.triage.bench;

import io.earshot.triage.domain.model.Models;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Prints how long loading the shipped models takes in a fresh JVM (target: under 1 s), wall-clock and CPU time of
 * the loading thread (on a busy machine the CPU time is what an idle machine would show), and their version.
 */
public final class ModelLoadTime {

    private ModelLoadTime() { }

    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        Models m = Models.fromClasspath();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long cpuMs = (threads.getCurrentThreadCpuTime() - cpu0) / 1_000_000;
        System.out.printf("model load: %d ms wall, %d ms CPU (%s: %s)%n", ms, cpuMs, m.version(), m.components());
    }
}
