package org.fwbench.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.HdrHistogram.Histogram;
import org.fwbench.result.Cell;
import org.fwbench.result.Measurement;
import org.fwbench.result.MemoryBasis;
import org.fwbench.result.MemoryReading;
import org.fwbench.result.RunResult;
import org.fwbench.result.Summary;
import org.fwbench.result.TargetResult;
import org.fwbench.stats.Estimate;
import org.fwbench.stats.Histograms;
import org.fwbench.units.ByteSizes;

/**
 * What the HTML report's charts draw, taken from the results: per scenario the throughput and CPU bars with
 * their intervals, the latency spectrum from the merged histograms, memory per target and the memory timeline.
 * Memory is in MiB, latency in ms; a figure the system could not measure (PSS) is null, and a target whose memory
 * and CPU were not measured is left out of those charts.
 *
 * @param targets every target in run order: a target keeps its colour in every chart
 */
public record ChartData(List<String> targets, List<ScenarioCharts> scenarios) {

    /** Points of the latency spectrum: x is 1 / (1 - percentile), from p50 (2) to p99.99 (10000), log-spaced. */
    static final int SPECTRUM_POINTS = 48;
    static final double SPECTRUM_LAST_X = 10_000;

    public record ScenarioCharts(String name, Bars throughput, Bars cpu, List<Series> spectrum, Memory memory,
            MemoryBasis timelineBasis, List<Series> timeline) {
    }

    /** One bar per target: the median, with the 95% interval of the mean as a whisker. */
    public record Bars(List<String> targets, List<Double> median, List<Double> low, List<Double> high) {
    }

    /** A line: {@code [x, y]} points; {@code repeat} is 1-based, 0 where the line merges all repeats. */
    public record Series(String target, int repeat, List<double[]> points) {
    }

    /** Medians over the repeats (idle: over the starts) per target, in MiB. */
    public record Memory(List<String> targets, List<Double> idleRss, List<Double> idlePss, List<Double> afterRss,
            List<Double> afterPss, List<Double> peakRss, List<Double> peakPss) {
    }

    public static ChartData of(RunResult result) {
        List<ScenarioCharts> scenarios = new ArrayList<>();
        for (String name : result.scenarioNames()) {
            List<Cell> cells = result.measured(name);
            // A target whose process could not be read has no bar or line in the memory and CPU charts.
            List<Cell> read = cells.stream().filter(c -> c.summary().memoryAfterBytes() != null).toList();
            scenarios.add(new ScenarioCharts(name, bars(cells, Summary::throughput),
                    bars(read, Summary::serverCpuMicrosPerRequest), spectrum(cells), memory(read),
                    timelineBasis(read), timeline(read)));
        }
        return new ChartData(result.targets().stream().map(TargetResult::name).toList(), scenarios);
    }

    private static Bars bars(List<Cell> cells, Function<Summary, Estimate> metric) {
        List<Estimate> es = cells.stream().map(c -> metric.apply(c.summary())).toList();
        return new Bars(names(cells), es.stream().map(Estimate::median).toList(),
                es.stream().map(Estimate::ciLow).toList(), es.stream().map(Estimate::ciHigh).toList());
    }

    private static List<Series> spectrum(List<Cell> cells) {
        List<Series> lines = new ArrayList<>();
        for (Cell c : cells) {
            List<String> encoded = c.scenario().measurements().stream().map(m -> m.load().latencyHistogram())
                    .filter(Objects::nonNull).toList();
            Histogram h = Histograms.merge(encoded);
            if (h.getTotalCount() == 0) {
                continue;
            }
            List<double[]> points = new ArrayList<>();
            for (int i = 0; i <= SPECTRUM_POINTS; i++) {
                double x = 2 * Math.pow(SPECTRUM_LAST_X / 2, (double) i / SPECTRUM_POINTS);
                double percentile = 100 * (1 - 1 / x);
                points.add(new double[] {round(x), h.getValueAtPercentile(percentile) / 1000.0});
            }
            lines.add(new Series(c.target().name(), 0, points));
        }
        return lines;
    }

    private static Memory memory(List<Cell> cells) {
        return new Memory(names(cells),
                perTarget(cells, c -> medianOf(c.target().starts().stream().map(TargetResult.Start::idle)
                        .map(m -> m == null ? null : (Long) m.rssBytes()).toList())),
                perTarget(cells, c -> medianOf(c.target().starts().stream().map(TargetResult.Start::idle)
                        .map(m -> m == null ? null : m.pssBytes()).toList())),
                perTarget(cells, c -> medianOf(after(c, MemoryReading::rssBytes))),
                perTarget(cells, c -> medianOf(after(c, MemoryReading::pssBytes))),
                perTarget(cells, c -> medianOf(c.scenario().measurements().stream()
                        .map(m -> (Long) m.peak().rssBytes()).toList())),
                perTarget(cells, c -> medianOf(c.scenario().measurements().stream()
                        .map(m -> m.peak().pssBytes()).toList())));
    }

    private static List<Long> after(Cell c, Function<MemoryReading, Long> figure) {
        return c.scenario().measurements().stream().map(Measurement::after).map(figure).toList();
    }

    private static List<Double> perTarget(List<Cell> cells, Function<Cell, Double> figure) {
        return cells.stream().map(figure).toList();
    }

    /** The median in MiB; null when there is nothing, or when any value is unknown (a partial median misleads). */
    private static Double medianOf(List<Long> bytes) {
        if (bytes.isEmpty() || bytes.contains(null)) {
            return null;
        }
        return round(Estimate.of(bytes.stream().mapToDouble(Long::doubleValue).toArray()).median() / ByteSizes.MIB);
    }

    /**
     * PSS where every timeline has it (the sampler reads it on every fifth point, RSS on all), else
     * RSS for all, so that lines compare.
     */
    private static MemoryBasis timelineBasis(List<Cell> cells) {
        boolean pss = cells.stream().flatMap(c -> c.scenario().measurements().stream())
                .allMatch(m -> m.timeline().stream().anyMatch(p -> p.pssBytes() != null));
        return pss ? MemoryBasis.PSS : MemoryBasis.RSS;
    }

    private static List<Series> timeline(List<Cell> cells) {
        boolean pss = timelineBasis(cells) == MemoryBasis.PSS;
        List<Series> lines = new ArrayList<>();
        for (Cell c : cells) {
            for (Measurement m : c.scenario().measurements()) {
                List<double[]> points = m.timeline().stream()
                        .filter(p -> !pss || p.pssBytes() != null)
                        .map(p -> new double[] {round(p.t()), round((pss ? p.pssBytes() : p.rssBytes()) / ByteSizes.MIB)})
                        .toList();
                if (!points.isEmpty()) {
                    lines.add(new Series(c.target().name(), m.repeat(), points));
                }
            }
        }
        return lines;
    }

    private static List<String> names(List<Cell> cells) {
        return cells.stream().map(c -> c.target().name()).toList();
    }

    /** Three decimals are more than a chart can show and keep the page small. */
    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
