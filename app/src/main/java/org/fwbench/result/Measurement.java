package org.fwbench.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * One repeat of one target x scenario: the load (all phases together), the target's memory around
 * and during it, and the target's CPU spent on it. For a target whose process fwbench could not read
 * ({@link NotMeasured}) only the load is kept: every memory and CPU field is null (the timeline and phases
 * empty), never zero.
 *
 * @param before                    memory right before the measured load (after the warm-up)
 * @param after                     memory after the load and a short settle
 * @param peak                      the highest of every reading of this repeat: before, during (the timeline), at
 *                                  the end of and after the load; never below {@code before} or {@code after}
 * @param timeline                  memory about ten times a second during the load
 * @param sampler                   what taking the timeline cost fwbench
 * @param serverCpuSeconds          the target tree's CPU during the measured load
 * @param serverCpuMicrosPerRequest the same per completed request
 * @param phases                    one per phase when the load ran in phases (leak check); empty otherwise
 * @param leak                      the leak verdict over the phases; null with fewer than two phases
 * @param conditions                which start and round it belongs to, its warm-up and what disturbed it
 * @param fixedRate                 the target's cost at the scenario's fixed sub-saturation rate, measured
 *                                  after this measurement; null when none was (round 1, or one start only)
 */
public record Measurement(
        int repeat,
        MeasuredLoad load,
        MemoryReading before,
        MemoryReading after,
        Peak peak,
        List<MemoryPoint> timeline,
        SamplingCost sampler,
        Double serverCpuSeconds,
        Double serverCpuMicrosPerRequest,
        List<Phase> phases,
        LeakCheck leak,
        Conditions conditions,
        FixedRate fixedRate) {

    public Measurement {
        timeline = List.copyOf(timeline);
        phases = List.copyOf(phases);
    }

    /**
     * A measurement of the load alone, for a target whose memory and CPU could not be read: its phases' loads
     * are merged into {@code load}, as they are for any target.
     */
    public static Measurement loadOnly(int repeat, MeasuredLoad load, Conditions conditions) {
        return new Measurement(repeat, load, null, null, null, List.of(), null, null, null, List.of(), null,
                conditions, null);
    }

    /** Whether the target's memory was read around this repeat (see {@link #loadOnly}). */
    public boolean hasMemory() {
        return after != null;
    }

    /** PSS after the load where this repeat has it, else RSS; null when memory was not measured. */
    public Double memoryAfter() {
        return after == null ? null : (double) MemoryBasis.preferred(after.pssBytes(), after.rssBytes());
    }

    /**
     * The target's CPU over the measured load in cores (1.0 is one CPU busy throughout); null where it was not
     * read.
     */
    public Double serverCores() {
        return serverCpuSeconds == null || load.durationSeconds() <= 0 ? null : serverCpuSeconds / load.durationSeconds();
    }

    /** The same measurement measured again {@code times} more because of interference or compilation. */
    public Measurement withRemeasured(int times) {
        return new Measurement(repeat, load, before, after, peak, timeline, sampler, serverCpuSeconds,
                serverCpuMicrosPerRequest, phases, leak, conditions.withRemeasured(times), fixedRate);
    }

    /** The same measurement, taken in a make-up start for start {@code start} (see {@link Conditions#madeUpFor}). */
    public Measurement withMadeUpFor(int start) {
        return new Measurement(repeat, load, before, after, peak, timeline, sampler, serverCpuSeconds,
                serverCpuMicrosPerRequest, phases, leak, conditions.withMadeUpFor(start), fixedRate);
    }

    /** The same measurement with the fixed-rate load that followed it. */
    public Measurement withFixedRate(FixedRate f) {
        return new Measurement(repeat, load, before, after, peak, timeline, sampler, serverCpuSeconds,
                serverCpuMicrosPerRequest, phases, leak, conditions, f);
    }

    /**
     * Where a measurement sits in the run and what it was measured under.
     *
     * @param start         which start of the target it was measured on (1, 2, ...): measurements of one start
     *                      share that process's luck and are summarised as one level (see {@code TwoLevel})
     * @param round         the round of the run (equal to the start when every round restarts the targets)
     * @param warmup        how the load before it went; {@link Warmup#CONTINUED} after another measurement of the
     *                      same start and scenario
     * @param disturbance   steal time and other processes' CPU over the measured window
     * @param compilerCores the CPU the target's JIT compiler threads took over the measured window, in cores (0.25
     *                      is a quarter of one); 0 for a process without a JIT, and where it could not be read
     * @param remeasured    how often it was measured again because an attempt was disturbed or compiling; the
     *                      least disturbed attempt is the one kept
     * @param madeUpFor     the start a make-up start stood in for, 0 for a start of its own: a start still disturbed
     *                      after its retries is measured again once the rounds are over, in a new start that counts
     *                      in the round of the one it stands in for (so that the rounds' effects still compare every
     *                      target); written only when not 0
     */
    public record Conditions(int start, int round, Warmup warmup, Disturbance disturbance, double compilerCores,
            int remeasured, @JsonInclude(JsonInclude.Include.NON_DEFAULT) int madeUpFor) {

        /**
         * Compilers' cores above which a measurement counts as compiling and is measured again: as much of the
         * target's one core as {@link Disturbance#LIMIT_CORES} of the machine's. After the warm-up a Java target's
         * compilers took 0-0.13 of a core in a measured window (0-64 ms of 500, traced on 2026-12-05); a window with
         * a late burst of compilation took 0.46 and measured half the throughput of the target's other starts. In
         * cores, not as a share of the target's CPU: a server waiting on its client (jdk-httpserver's static files,
         * 0.06 of a core) showed a fifth of its little CPU compiling with no effect on what it served.
         */
        public static final double COMPILING_CORES = 0.25;

        public static Conditions of(int start, int round, Warmup warmup, Disturbance disturbance,
                double compilerCores) {
            return new Conditions(start, round, warmup, disturbance, compilerCores, 0, 0);
        }

        /** Whether the target's own compilers took more than {@link #COMPILING_CORES} over the window. */
        public boolean compiling() {
            return compilerCores > COMPILING_CORES;
        }

        /** Whether steal, other processes or fwbench's compilers took more than {@link Disturbance#LIMIT_CORES}. */
        public boolean disturbed() {
            return disturbance.exceeds(Disturbance.LIMIT_CORES);
        }

        /**
         * Whether steal and other processes alone took more than {@link Disturbance#LIMIT_CORES}: what a make-up
         * start is for, as fwbench's own compilers are over long before the rounds end.
         */
        public boolean disturbedFromOutside() {
            return disturbance.fromOutsideExceeds(Disturbance.LIMIT_CORES);
        }

        Conditions withRemeasured(int times) {
            return new Conditions(start, round, warmup, disturbance, compilerCores, times, madeUpFor);
        }

        Conditions withMadeUpFor(int replaced) {
            return new Conditions(start, round, warmup, disturbance, compilerCores, remeasured, replaced);
        }
    }

    /** The highest values seen during the load; PSS and USS null where unknown. */
    public record Peak(long rssBytes, Long pssBytes, Long ussBytes) {
    }

    /** A timeline point: seconds since the load began, and the tree's memory and CPU then. */
    public record MemoryPoint(double t, long rssBytes, Long pssBytes, Long ussBytes, double cpuSeconds) {
    }

    /** One phase of a phased load, and the memory after it. */
    public record Phase(int index, long requests, double throughput, double p99Ms, long rssBytes, Long pssBytes,
            Long ussBytes) {

        /** The memory after this phase by {@code basis}; null when that is PSS and unknown. */
        public Long memory(MemoryBasis basis) {
            return basis.of(pssBytes, rssBytes);
        }
    }

    /**
     * Whether memory keeps growing with requests once warmed up.
     *
     * @param basis              which figure was followed
     * @param bytesPer1kRequests growth per 1000 requests over the phases after the first (least squares)
     * @param growthBytes        growth from the end of the first phase to the end of the last
     */
    public record LeakCheck(Verdict verdict, MemoryBasis basis, double bytesPer1kRequests, long growthBytes,
            int phasesUsed) {

        /** Written as {@code plateau} or {@code growing}. */
        public enum Verdict {
            PLATEAU, GROWING;

            @JsonValue
            @Override
            public String toString() {
                return name().toLowerCase(Locale.ROOT);
            }
        }
    }
}
