package org.fwbench.result;

import java.util.List;
import org.fwbench.load.LoadResult;
import org.fwbench.memory.SamplerOverhead;
import org.fwbench.memory.TreeMemory;

/**
 * One repeat of one target x scenario: the load (all phases together), the target's memory around
 * and during it, and the target's CPU spent on it.
 *
 * @param before                    memory right before the measured load (after the warm-up)
 * @param after                     memory after the load and a short settle
 * @param peak                      the highest readings of the timeline during the load
 * @param timeline                  memory about ten times a second during the load
 * @param sampler                   what taking the timeline cost fwbench
 * @param serverCpuSeconds          the target tree's CPU during the measured load
 * @param serverCpuMicrosPerRequest the same per completed request
 * @param phases                    one per phase when the load ran in phases (leak check); empty otherwise
 * @param leak                      the leak verdict over the phases; null with fewer than two phases
 */
public record Measurement(
        int repeat,
        LoadResult load,
        TreeMemory before,
        TreeMemory after,
        Peak peak,
        List<MemoryPoint> timeline,
        SamplerOverhead sampler,
        double serverCpuSeconds,
        double serverCpuMicrosPerRequest,
        List<Phase> phases,
        LeakCheck leak) {

    public Measurement {
        timeline = List.copyOf(timeline);
        phases = List.copyOf(phases);
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
    }

    /**
     * Whether memory keeps growing with requests once warmed up.
     *
     * @param verdict            {@code plateau} or {@code growing}
     * @param basis              {@code pss} or {@code rss}: which figure was followed
     * @param bytesPer1kRequests growth per 1000 requests over the phases after the first (least squares)
     * @param growthBytes        growth from the end of the first phase to the end of the last
     */
    public record LeakCheck(String verdict, String basis, double bytesPer1kRequests, long growthBytes, int phasesUsed) {
        public static final String PLATEAU = "plateau";
        public static final String GROWING = "growing";
    }
}
