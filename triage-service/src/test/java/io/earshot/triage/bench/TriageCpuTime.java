package io.earshot.triage.bench;

import io.earshot.triage.domain.TriageEngine;
import io.earshot.triage.domain.TriageRequest;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;

/**
 * Comments triaged per CPU-second of the triaging thread, over the benchmark's mix: on a machine busy with other
 * work, JMH's wall-clock figure mostly measures the share of a core the run got; this one measures the code.
 */
public final class TriageCpuTime {

    private TriageCpuTime() { }

    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        TriageEngine engine = TriageEngine.withDefaults();
        List<TriageRequest> mix = TriageBenchmark.COMMENTS;
        int warm = 30_000;
        int n = 100_000;
        for (int i = 0; i < warm; i++) {
            engine.triage(mix.get(i % mix.size()));
        }
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            engine.triage(mix.get(i % mix.size()));
        }
        double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        double wall = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "whole triage, one thread: %,.0f comments per CPU-second (%.1f us each); "
                + "%,.0f comments/s wall-clock (load average decides the gap)%n", n / cpu, cpu / n * 1e6, n / wall);
    }
}
