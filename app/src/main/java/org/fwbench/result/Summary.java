package org.fwbench.result;

import java.util.Map;
import org.fwbench.stats.Estimate;
import org.fwbench.stats.LatencySummary;

/**
 * One target x scenario over all its measurements. Each {@link Estimate} is two-level (see {@code TwoLevel}):
 * its n is the number of starts, its interval that of the mean over the starts' means, so it includes the
 * variation between starts (and, with interleaved rounds, between moments of the run). The latency
 * percentiles come from the merged histograms of all measurements, never from averaged percentiles.
 *
 * @param repeats            measurements in all
 * @param starts             starts of the target the measurements came from
 * @param memoryAfterBytes   PSS after the load where known, else RSS (see {@code memoryBasis}); this and every
 *                           other memory and server-CPU figure is null for a target whose process could not be
 *                           read (see {@link NotMeasured})
 * @param memoryPeakBytes    the same figure's peak during the load
 * @param memoryBasis        which figure the memory estimates follow
 * @param mibPer1kRps        memory after, in MiB, per 1000 successful requests per second
 * @param fixedRateCpuMicrosPerRequest server CPU per request at the scenario's fixed rate; null when not measured
 * @param fixedRateP99Ms     p99 at that rate; null when not measured
 * @param conditions         how the warm-ups went and what disturbed the measurements
 */
public record Summary(
        int repeats,
        int starts,
        long requests,
        long ok,
        long failed,
        Map<String, Long> statuses,
        Map<String, Long> errors,
        LatencySummary latencyMs,
        Estimate throughput,
        Estimate p50Ms,
        Estimate p95Ms,
        Estimate p99Ms,
        Estimate successPercent,
        Estimate memoryAfterBytes,
        Estimate memoryPeakBytes,
        MemoryBasis memoryBasis,
        Estimate serverCpuMicrosPerRequest,
        Estimate mibPer1kRps,
        boolean clientSaturated,
        Estimate fixedRateCpuMicrosPerRequest,
        Estimate fixedRateP99Ms,
        Conditions conditions) {

    public Summary {
        statuses = Map.copyOf(statuses);
        errors = Map.copyOf(errors);
    }

    /**
     * @param warmups          warm-ups run (one per start, unless none was asked for)
     * @param unsteady         of which ended at their maximum without the load becoming steady
     * @param secondsToSteady  time to steady state over the warm-ups that got steady; null when none did
     * @param requestsToSteady the requests sent in that time; null when none did
     * @param remeasured       measurements taken again because they were disturbed or the target was compiling
     * @param disturbed        measurements kept although still disturbed beyond the threshold
     * @param compiling        measurements kept although the target's compilers still took more than
     *                         {@link Measurement.Conditions#COMPILING_CORES} of a core
     */
    public record Conditions(int warmups, int unsteady, Estimate secondsToSteady, Estimate requestsToSteady,
            int remeasured, int disturbed, int compiling) {

        /** Whether some start of this cell was measured before its load became steady. */
        public boolean anyUnsteady() {
            return unsteady > 0;
        }
    }
}
