package org.fwbench.compare;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.fwbench.result.Measurement;

/**
 * A metric compared between runs, with one value per repeat and the direction that counts as better.
 *
 * @param unit shown after values; memory is compared in bytes and shown in MiB
 */
public record CompareMetric(String name, String unit, boolean higherIsBetter, ToDoubleFunction<Measurement> value) {

    public static final CompareMetric THROUGHPUT = new CompareMetric("throughput", "req/s", true,
            m -> m.load().throughput());
    public static final CompareMetric P50 = new CompareMetric("p50", "ms", false, m -> m.load().latencyMs().p50());
    public static final CompareMetric P99 = new CompareMetric("p99", "ms", false, m -> m.load().latencyMs().p99());
    public static final CompareMetric PSS_AFTER = new CompareMetric("pss after", "MiB", false,
            m -> m.after().pssBytes());
    public static final CompareMetric RSS_AFTER = new CompareMetric("rss after", "MiB", false,
            m -> m.after().rssBytes());
    public static final CompareMetric CPU = new CompareMetric("cpu/request", "us", false,
            Measurement::serverCpuMicrosPerRequest);

    /**
     * The metrics compared for cells whose repeats all have PSS on both sides; RSS otherwise, so that both
     * runs are measured the same way.
     */
    static List<CompareMetric> all(boolean pss) {
        return List.of(THROUGHPUT, P50, P99, pss ? PSS_AFTER : RSS_AFTER, CPU);
    }
}
