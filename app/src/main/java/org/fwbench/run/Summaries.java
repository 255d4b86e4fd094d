package org.fwbench.run;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.fwbench.load.LoadResult;
import org.fwbench.result.Measurement;
import org.fwbench.result.Summary;
import org.fwbench.stats.Estimate;
import org.fwbench.stats.Histograms;
import org.fwbench.stats.LatencySummary;

/** The figures of one target x scenario over its repeats. */
final class Summaries {

    private static final double MIB = 1024.0 * 1024.0;

    private Summaries() {
    }

    static Summary of(List<Measurement> ms) {
        boolean pss = ms.stream().allMatch(m -> m.after().pssBytes() != null);
        Map<String, Long> statuses = new HashMap<>();
        Map<String, Long> errors = new HashMap<>();
        long requests = 0;
        long ok = 0;
        long failed = 0;
        for (Measurement m : ms) {
            LoadResult l = m.load();
            requests += l.requests();
            ok += l.ok();
            failed += l.failed();
            l.statuses().forEach((k, v) -> statuses.merge(k, v, Long::sum));
            l.errors().forEach((k, v) -> errors.merge(k, v, Long::sum));
        }
        LatencySummary latency = LatencySummary.ofMicros(
                Histograms.merge(ms.stream().map(m -> m.load().latencyHistogram()).toList()));
        ToDoubleFunction<Measurement> after = Summaries::memoryAfter;
        ToDoubleFunction<Measurement> peak = m -> m.peak().pssBytes() != null ? m.peak().pssBytes() : m.peak().rssBytes();
        return new Summary(ms.size(), requests, ok, failed, statuses, errors, latency,
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
                ms.stream().anyMatch(m -> m.load().client().saturated()));
    }

    /** PSS after the load where the system tells it, else RSS: the figure memory is ranked by. */
    static double memoryAfter(Measurement m) {
        return m.after().pssBytes() != null ? m.after().pssBytes() : m.after().rssBytes();
    }

    private static Estimate estimate(List<Measurement> ms, ToDoubleFunction<Measurement> metric) {
        return Estimate.of(ms.stream().mapToDouble(metric).toArray());
    }
}
