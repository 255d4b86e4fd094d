package org.fwbench.analysis;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.fwbench.result.MeasuredLoad;
import org.fwbench.result.Measurement;
import org.fwbench.result.MemoryBasis;
import org.fwbench.result.Summary;
import org.fwbench.result.Warmup;
import org.fwbench.stats.Estimate;
import org.fwbench.stats.TwoLevel;
import org.fwbench.units.ByteSizes;

/**
 * The figures of one target x scenario over its measurements, each a two-level estimate grouped by the start the
 * measurements came from ({@link TwoLevel}): measurements of one start share its luck and count as one sample.
 */
public final class Summaries {

    private Summaries() {
    }

    public static Summary of(List<Measurement> ms) {
        // A target whose process could not be read has no memory or server CPU: those figures stay null.
        boolean memory = ms.stream().allMatch(Measurement::hasMemory);
        // The measurements' loads taken as one: counts add up, latency histograms merge (percentiles never averaged).
        MeasuredLoad all = MeasuredLoad.merge(ms.stream().map(Measurement::load).toList());
        List<Measurement> fixed = ms.stream().filter(m -> m.fixedRate() != null).toList();
        return new Summary(ms.size(), (int) ms.stream().map(m -> m.conditions().start()).distinct().count(),
                all.requests(), all.ok(), all.failed(), all.statuses(), all.errors(),
                all.latencyMs(),
                estimate(ms, m -> m.load().throughput()),
                estimate(ms, m -> m.load().latencyMs().p50()),
                estimate(ms, m -> m.load().latencyMs().p95()),
                estimate(ms, m -> m.load().latencyMs().p99()),
                estimate(ms, m -> m.load().successPercent()),
                memory ? estimate(ms, Measurement::memoryAfter) : null,
                memory ? estimate(ms, m -> MemoryBasis.preferred(m.peak().pssBytes(), m.peak().rssBytes())) : null,
                memory ? MemoryBasis.of(ms.stream().map(m -> m.after().pssBytes()).toList()) : null,
                memory ? estimate(ms, Measurement::serverCpuMicrosPerRequest) : null,
                memory ? estimate(ms, m -> m.load().throughput() <= 0 ? 0
                        : m.memoryAfter() / ByteSizes.MIB / (m.load().throughput() / 1000)) : null,
                all.client().saturated(),
                fixed.isEmpty() || !memory ? null
                        : estimate(fixed, m -> m.fixedRate().serverCpuMicrosPerRequest()),
                fixed.isEmpty() ? null : estimate(fixed, m -> m.fixedRate().p99Ms()),
                conditions(ms));
    }

    /** The two-level estimate of a figure every given measurement has. */
    private static Estimate estimate(List<Measurement> ms, ToDoubleFunction<Measurement> metric) {
        return TwoLevel.of(Metric.groupByStart(ms, metric::applyAsDouble)).estimate();
    }

    private static Summary.Conditions conditions(List<Measurement> ms) {
        List<Warmup> warmups = ms.stream().map(m -> m.conditions().warmup())
                .filter(w -> w.state() == Warmup.State.STEADY || w.state() == Warmup.State.UNSTEADY).toList();
        double[] seconds = warmups.stream().filter(w -> w.state() == Warmup.State.STEADY)
                .mapToDouble(Warmup::steadyAfterSeconds).toArray();
        double[] requests = warmups.stream().filter(w -> w.state() == Warmup.State.STEADY)
                .mapToDouble(Warmup::steadyAfterRequests).toArray();
        return new Summary.Conditions(warmups.size(), (int) warmups.stream().filter(Warmup::neverSteady).count(),
                seconds.length == 0 ? null : Estimate.of(seconds), requests.length == 0 ? null : Estimate.of(requests),
                ms.stream().mapToInt(m -> m.conditions().remeasured()).sum(),
                (int) ms.stream().filter(m -> m.conditions().disturbed()).count(),
                (int) ms.stream().filter(m -> m.conditions().compiling()).count());
    }
}
