package org.fwbench.analysis;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.fwbench.result.MeasuredLoad;
import org.fwbench.result.Measurement;
import org.fwbench.result.MemoryBasis;
import org.fwbench.result.Summary;
import org.fwbench.stats.Estimate;
import org.fwbench.units.ByteSizes;

/** The figures of one target x scenario over its repeats. */
public final class Summaries {

    private Summaries() {
    }

    public static Summary of(List<Measurement> ms) {
        MemoryBasis basis = MemoryBasis.of(ms.stream().map(m -> m.after().pssBytes()).toList());
        // The repeats' loads taken as one: counts add up, latency histograms merge (percentiles never averaged).
        MeasuredLoad all = MeasuredLoad.merge(ms.stream().map(Measurement::load).toList());
        return new Summary(ms.size(), all.requests(), all.ok(), all.failed(), all.statuses(), all.errors(),
                all.latencyMs(),
                estimate(ms, m -> m.load().throughput()),
                estimate(ms, m -> m.load().latencyMs().p50()),
                estimate(ms, m -> m.load().latencyMs().p95()),
                estimate(ms, m -> m.load().latencyMs().p99()),
                estimate(ms, m -> m.load().successPercent()),
                estimate(ms, Measurement::memoryAfter),
                estimate(ms, m -> MemoryBasis.preferred(m.peak().pssBytes(), m.peak().rssBytes())),
                basis,
                estimate(ms, Measurement::serverCpuMicrosPerRequest),
                estimate(ms, m -> m.load().throughput() <= 0 ? 0
                        : m.memoryAfter() / ByteSizes.MIB / (m.load().throughput() / 1000)),
                all.client().saturated());
    }

    private static Estimate estimate(List<Measurement> ms, ToDoubleFunction<Measurement> metric) {
        return Estimate.of(ms.stream().mapToDouble(metric).toArray());
    }
}
