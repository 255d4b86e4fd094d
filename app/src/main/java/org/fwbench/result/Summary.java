package org.fwbench.result;

import java.util.Map;
import org.fwbench.stats.Estimate;
import org.fwbench.stats.LatencySummary;

/**
 * One target x scenario over all its repeats. Each {@link Estimate} has one sample per repeat; the
 * latency percentiles come from the merged histograms of all repeats, never from averaged percentiles.
 *
 * @param memoryAfterBytes   PSS after the load where known, else RSS (see {@code memoryBasis})
 * @param memoryPeakBytes    the same figure's peak during the load
 * @param memoryBasis        which figure the memory estimates follow
 * @param mibPer1kRps        memory after, in MiB, per 1000 successful requests per second
 */
public record Summary(
        int repeats,
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
        boolean clientSaturated) {

    public Summary {
        statuses = Map.copyOf(statuses);
        errors = Map.copyOf(errors);
    }
}
