package org.fwbench.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.fwbench.result.Cell;
import org.fwbench.result.Measurement;
import org.fwbench.result.ScenarioResult;
import org.fwbench.result.TargetResult;
import org.fwbench.stats.Estimate;
import org.fwbench.stats.TwoLevel;

/**
 * Every figure fwbench judges targets by, in one list: the rankings, {@code compare}, the {@code --fail-if}
 * thresholds and the renderers all take their metrics, names, units and directions from here. A figure with
 * one sample per repeat is summarised by the median of the repeats (p50, p95, p99 among them); p90, p99.9, p99.99 and max come from the
 * merged histograms of all repeats. A memory or server-CPU figure of a target whose process could not be read is
 * null, so that target is left out of that figure's rankings, comparisons and thresholds.
 */
public enum Metric {
    THROUGHPUT(Unit.RATE, true, "throughput", "throughput", "throughput", "Throughput (req/s, higher is better)",
            m -> m.load().throughput(), null),
    P50(Unit.MILLIS, false, "p50Ms", "p50", "p50", "p50 latency (ms)", m -> m.load().latencyMs().p50(), null),
    P90(Unit.MILLIS, false, null, null, "p90", null, null, c -> OptionalDouble.of(c.summary().latencyMs().p90())),
    /** k6's default threshold; median of the repeats' p95, like p50 and p99. */
    P95(Unit.MILLIS, false, "p95Ms", "p95", "p95", "p95 latency (ms)", m -> m.load().latencyMs().p95(), null),
    P99(Unit.MILLIS, false, "p99Ms", "p99", "p99", "p99 latency (ms)", m -> m.load().latencyMs().p99(), null),
    P999(Unit.MILLIS, false, null, null, "p999", null, null, c -> OptionalDouble.of(c.summary().latencyMs().p999())),
    P9999(Unit.MILLIS, false, null, null, "p9999", null, null,
            c -> OptionalDouble.of(c.summary().latencyMs().p9999())),
    MAX(Unit.MILLIS, false, null, null, "max", null, null, c -> OptionalDouble.of(c.summary().latencyMs().max())),
    ERRORS(Unit.COUNT, false, null, null, "errors", null, null, c -> OptionalDouble.of(c.summary().failed())),
    /** {@code errors>1%}: failed attempts as a share of all attempts, over all repeats. */
    ERROR_PERCENT(Unit.PERCENT, false, null, null, "errors", null, null,
            c -> OptionalDouble.of(c.summary().requests() == 0 ? 0
                    : 100.0 * c.summary().failed() / c.summary().requests())),
    /** PSS after the load where the system tells it, else RSS: the figure memory is ranked by. */
    MEMORY_AFTER(Unit.BYTES, false, "memoryAfterBytes", null, null, "Memory after the load (MiB)",
            Measurement::memoryAfter, null),
    RSS_AFTER(Unit.BYTES, false, null, "rss after", "rss", null, m -> m.after() == null ? null : (double) m.after().rssBytes(), null),
    PSS_AFTER(Unit.BYTES, false, null, "pss after", "pss", null, m -> m.after() == null ? null : toDouble(m.after().pssBytes()), null),
    PEAK_RSS(Unit.BYTES, false, null, null, "peak-rss", null, m -> m.peak() == null ? null : (double) m.peak().rssBytes(), null),
    PEAK_PSS(Unit.BYTES, false, null, null, "peak-pss", null, m -> m.peak() == null ? null : toDouble(m.peak().pssBytes()), null),
    CPU(Unit.MICROS, false, "serverCpuMicrosPerRequest", "cpu/request", "cpu", "Server CPU per request (µs)",
            Measurement::serverCpuMicrosPerRequest, null),
    /** Server CPU per request at the scenario's fixed sub-saturation rate: the cost of the same work for all. */
    FIXED_RATE_CPU(Unit.MICROS, false, "fixedRateCpuMicrosPerRequest", "cpu/request at fixed rate", "fixed-cpu",
            "Server CPU per request at a fixed rate (µs)", m -> m.fixedRate() == null ? null
                    : m.fixedRate().serverCpuMicrosPerRequest(), null),
    /** p99 at the fixed rate, from each request's intended start (corrected for coordinated omission). */
    FIXED_RATE_P99(Unit.MILLIS, false, "fixedRateP99Ms", "p99 at fixed rate", "fixed-p99",
            "p99 latency at a fixed rate (ms)", m -> m.fixedRate() == null ? null : m.fixedRate().p99Ms(), null),
    STARTUP(Unit.SECONDS, false, null, null, "startup", null, null, c -> startups(c.target().starts()));

    /** The metrics each scenario's targets are ranked by, in the order the reports show them. */
    public static final List<Metric> RANKED = List.of(THROUGHPUT, P99, MEMORY_AFTER, CPU, FIXED_RATE_CPU,
            FIXED_RATE_P99);

    private final Unit unit;
    private final boolean higherIsBetter;
    private final String rankingKey;
    private final String compareName;
    private final String thresholdName;
    private final String title;
    private final Function<Measurement, Double> perRepeat;
    private final Function<Cell, OptionalDouble> overAll;

    Metric(Unit unit, boolean higherIsBetter, String rankingKey, String compareName, String thresholdName,
            String title, Function<Measurement, Double> perRepeat, Function<Cell, OptionalDouble> overAll) {
        this.unit = unit;
        this.higherIsBetter = higherIsBetter;
        this.rankingKey = rankingKey;
        this.compareName = compareName;
        this.thresholdName = thresholdName;
        this.title = title;
        this.perRepeat = perRepeat;
        this.overAll = overAll;
    }

    public Unit unit() {
        return unit;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** The name a ranking is saved under in results.json, e.g. {@code p99Ms}; null for metrics not ranked. */
    public String rankingKey() {
        return rankingKey;
    }

    /** The name {@code compare} shows, e.g. {@code pss after}; null for metrics not compared. */
    public String compareName() {
        return compareName;
    }

    /** The name typed after {@code --fail-if}, e.g. {@code p99}; null for metrics no threshold names. */
    public String thresholdName() {
        return thresholdName;
    }

    /** A heading with the unit, e.g. {@code p99 latency (ms)}; the ranking key for metrics without one. */
    public String title() {
        return title != null ? title : rankingKey;
    }

    /** How a sentence names the metric: {@code req/s}, {@code p99}, {@code memory}, {@code CPU per request}. */
    public String shortName() {
        return switch (this) {
            case THROUGHPUT -> "req/s";
            case MEMORY_AFTER -> "memory";
            case CPU -> "CPU per request";
            default -> thresholdName != null ? thresholdName : name().toLowerCase(Locale.ROOT);
        };
    }

    /** The metric a ranking was saved under, if any. */
    public static Optional<Metric> ofRankingKey(String key) {
        return Arrays.stream(values()).filter(m -> key.equals(m.rankingKey)).findFirst();
    }

    /** The metrics {@code --fail-if} takes under this name ({@code errors} is a count or a share). */
    static List<Metric> ofThresholdName(String name) {
        return Arrays.stream(values()).filter(m -> name.equals(m.thresholdName)).toList();
    }

    /** The names {@code --fail-if} takes, for its help and error messages. */
    static String thresholdNames() {
        return String.join(", ", Arrays.stream(values()).map(m -> m.thresholdName).filter(Objects::nonNull)
                .distinct().toList());
    }

    /**
     * The figure's values grouped by the start they were measured on (in start order), leaving out measurements
     * that lack it (the fixed-rate figures exist only from round 2 on); empty when no measurement has it.
     */
    public Optional<List<double[]>> byStart(ScenarioResult s) {
        if (perRepeat == null) {
            return Optional.empty();
        }
        List<double[]> groups = groupByStart(s.measurements(), perRepeat);
        return groups.isEmpty() ? Optional.empty() : Optional.of(groups);
    }

    /** Values grouped by start, in start order; measurements for which {@code value} is null are left out. */
    static List<double[]> groupByStart(List<Measurement> ms, Function<Measurement, Double> value) {
        return starts(ms, value).stream()
                .map(g -> g.stream().mapToDouble(m -> value.apply(m).doubleValue()).toArray()).toList();
    }

    /** The measurements that have {@code value}, grouped by start, in start order. */
    private static List<List<Measurement>> starts(List<Measurement> ms, Function<Measurement, Double> value) {
        Map<Integer, List<Measurement>> groups = new TreeMap<>();
        for (Measurement m : ms) {
            if (value.apply(m) != null) {
                groups.computeIfAbsent(m.conditions().start(), k -> new ArrayList<>()).add(m);
            }
        }
        return List.copyOf(groups.values());
    }

    /**
     * The figure's two-level summary (see {@link TwoLevel}) over the cell's starts; empty when no measurement
     * has it.
     */
    public Optional<TwoLevel> twoLevel(ScenarioResult s) {
        return byStart(s).map(TwoLevel::of);
    }

    /**
     * The samples rankings and {@code compare} test with: one per start (its mean) when there are several
     * starts, so that measurements sharing a start's luck count once; the measurements themselves with a single
     * start, where nothing better exists (the run is then labelled less certain).
     */
    public Optional<double[]> rankingSamples(ScenarioResult s) {
        return rankingGroups(s).map(groups -> groups.stream()
                .mapToDouble(g -> g.stream().mapToDouble(m -> perRepeat.apply(m).doubleValue()).average().orElseThrow())
                .toArray());
    }

    /**
     * The round of each of {@link #rankingSamples}, in the same order (every start of a run is made in one round);
     * empty when no measurement has the figure.
     */
    public Optional<int[]> rankingRounds(ScenarioResult s) {
        return rankingGroups(s).map(groups -> groups.stream()
                .mapToInt(g -> g.getFirst().conditions().round()).toArray());
    }

    /**
     * What names each of {@link #rankingSamples} in a note, in the same order: its start's number (not 1, 2, 3 where a
     * make-up start took one's place), or with a single start the measurement's place among them (1, 2, ...); empty
     * when no measurement has the figure.
     */
    public Optional<int[]> sampleNumbers(ScenarioResult s) {
        return rankingGroups(s).map(groups -> {
            int[] starts = groups.stream().mapToInt(g -> g.getFirst().conditions().start()).toArray();
            return Arrays.stream(starts).distinct().count() == starts.length ? starts
                    : IntStream.rangeClosed(1, starts.length).toArray();
        });
    }

    /** The measurements behind each ranking sample: a start's, or each alone with a single start. */
    private Optional<List<List<Measurement>>> rankingGroups(ScenarioResult s) {
        if (perRepeat == null) {
            return Optional.empty();
        }
        List<List<Measurement>> starts = starts(s.measurements(), perRepeat);
        if (starts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(starts.size() == 1 ? starts.getFirst().stream().map(List::of).toList() : starts);
    }

    /**
     * The cell's figure: the median over its starts' means (its measurements' with one start), or the figure over
     * all of them; empty when unknown.
     */
    public OptionalDouble valueOf(Cell cell) {
        if (overAll != null) {
            return overAll.apply(cell);
        }
        return rankingSamples(cell.scenario()).filter(v -> v.length > 0).map(Metric::median)
                .orElse(OptionalDouble.empty());
    }

    /** The median startup; none when the target never started or was already running. */
    private static OptionalDouble startups(List<TargetResult.Start> starts) {
        double[] seconds = starts.stream().map(TargetResult.Start::startupSeconds).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).toArray();
        return seconds.length == 0 ? OptionalDouble.empty() : median(seconds);
    }

    private static OptionalDouble median(double[] samples) {
        return OptionalDouble.of(Estimate.of(samples).median());
    }

    private static Double toDouble(Long bytes) {
        return bytes == null ? null : bytes.doubleValue();
    }

    /** How a metric's values are typed (in a threshold) and shown. */
    public enum Unit {
        /** Requests per second. */
        RATE("req/s"),
        /** A plain count, e.g. of failed requests. */
        COUNT(""),
        PERCENT("%"),
        MILLIS("ms"),
        MICROS("us"),
        SECONDS("s"),
        /** Compared and limited in bytes, shown in MiB. */
        BYTES("MiB");

        private final String symbol;

        Unit(String symbol) {
            this.symbol = symbol;
        }

        /** What follows a value shown in this unit. */
        public String symbol() {
            return symbol;
        }
    }
}
