package org.fwbench.run;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.fwbench.load.LoadResult;
import org.fwbench.result.Measurement;
import org.fwbench.result.Summary;
import org.fwbench.stats.Estimate;

/** The figures of one target x scenario over its repeats. */
final class Summaries {

    private static final double MIB = 1024.0 * 1024.0;

    private Summaries() {
    }

    static Summary of(List<Measurement> ms) {
        boolean pss = ms.stream().allMatch(m -> m.after().pssBytes() != null);
        // The repeats' loads taken as one: counts add up, latency histograms merge (percentiles never averaged).
        LoadResult all = Loads.combine(ms.stream().map(Measurement::load).toList());
        ToDoubleFunction<Measurement> after = Summaries::memoryAfter;
        ToDoubleFunction<Measurement> peak = m -> m.peak().pssBytes() != null ? m.peak().pssBytes() : m.peak().rssBytes();
        return new Summary(ms.size(), all.requests(), all.ok(), all.failed(), all.statuses(), all.errors(),
                all.latencyMs(),
                estimate(ms, m -> m.load().throughput()),
                estimate(ms, m -> m.load().latencyMs().p50()),
                estimate(ms, m -> m.load().latencyMs().p99()),
                estimate(ms, m -> m.load().successPercent()),
                estimate(ms, after),
                estimate(ms, peak),
                pss ? "pss" : "rss",
                estimate(ms, Measurement::serverCpuMicrosPerRequest),
                estimate(ms, m -> m.load().throughput() <= 0 ? 0
                        : after.applyAsDouble(m) / MIB / (m.load().throughput() / 1000)),
                all.client().saturated());
    }

    /** PSS after the load where the system tells it, else RSS: the figure memory is ranked by. */
    static double memoryAfter(Measurement m) {
        return m.after().pssBytes() != null ? m.after().pssBytes() : m.after().rssBytes();
    }

    private static Estimate estimate(List<Measurement> ms, ToDoubleFunction<Measurement> metric) {
        return Estimate.of(ms.stream().mapToDouble(metric).toArray());
    }
}
