package org.fwbench.analysis;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.fwbench.result.Cell;
import org.fwbench.result.Measurement;
import org.fwbench.stats.Estimate;
import org.fwbench.stats.LatencySummary;

/**
 * A known cause behind a target's figures, recognised from the results alone, so that a reader does not take an
 * artefact of the network stack for the speed of a framework.
 */
public enum Diagnosis {
    /**
     * Responses take about 40 ms while the server idles: a server that writes a response in two segments
     * (headers, then body) has the second held back by Nagle's algorithm until the client acknowledges the first,
     * and the client's kernel delays that acknowledgement by its minimum of 40 ms (Linux). Seen with the JDK's
     * HttpServer and Helidon on large pages and with gevent's pywsgi.
     */
    NAGLE_DELAYED_ACK;

    /** Latencies clustered around Linux's 40 ms minimum delayed-ACK timeout, plus a little service time. */
    private static final double STALL_LOW_MS = 36;
    private static final double STALL_HIGH_MS = 55;
    /** Below a quarter of one CPU: the server was waiting, not working. */
    private static final double IDLE_CPU_SHARE = 0.25;

    /** The cause behind this target x scenario's figures, when one is recognised. */
    public static Optional<Diagnosis> of(Cell cell) {
        LatencySummary l = cell.summary().latencyMs();
        boolean clustered = l.p50() >= STALL_LOW_MS && l.p90() <= STALL_HIGH_MS && l.p50() <= STALL_HIGH_MS;
        // The stall is told from slowness by the server's idle CPU: unknown CPU (a process not read) tells nothing.
        boolean cpuKnown = cell.scenario().measurements().stream().allMatch(m -> m.serverCpuSeconds() != null);
        return clustered && cpuKnown && cpuShare(cell) < IDLE_CPU_SHARE ? Optional.of(NAGLE_DELAYED_ACK)
                : Optional.empty();
    }

    /** What the figures show and why, for this cell. */
    public String explain(Cell cell) {
        LatencySummary l = cell.summary().latencyMs();
        double compilers = median(cell, Diagnosis::compilerShare);
        String besides = compilers >= 0.01
                ? String.format(Locale.ROOT, " besides its JIT compilers' %.0f%%", 100 * compilers) : "";
        return String.format(Locale.ROOT, "p50 %.1f ms and p90 %.1f ms while the server's CPU was %.0f%% busy%s: "
                + "Nagle's algorithm holding the second segment of a response written in two until the client's "
                + "delayed ACK (40 ms), a cost of how the server writes, not of its speed", l.p50(), l.p90(),
                100 * cpuShare(cell), besides);
    }

    /**
     * The server's CPU time per second of load serving it (1 is one CPU busy throughout), median over the repeats.
     * Its JIT compilers' share is left out: they work without serving, and a quick look measures a Java server while
     * they still compile (jdk.httpserver's /template: 1.0 of its CPU, 0.76 of it compiling, at 365 req/s).
     */
    private static double cpuShare(Cell cell) {
        return median(cell, m -> Math.max(0, cpuShare(m) - compilerShare(m)));
    }

    private static double median(Cell cell, ToDoubleFunction<Measurement> share) {
        return Estimate.of(cell.scenario().measurements().stream().mapToDouble(share).toArray()).median();
    }

    /** The server's cores over the window ({@link Measurement#serverCores}); 0 for a window of no length. */
    private static double cpuShare(Measurement m) {
        return Objects.requireNonNullElse(m.serverCores(), 0.0);
    }

    private static double compilerShare(Measurement m) {
        return m.conditions().compilerCores();
    }
}
