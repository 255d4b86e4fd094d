package org.fwbench.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.fwbench.result.Measurement;
import org.fwbench.result.MemoryBasis;
import org.fwbench.result.NotMeasured;
import org.fwbench.result.RunResult;
import org.fwbench.result.ScenarioResult;
import org.fwbench.result.TargetResult;
import org.fwbench.stats.Change;
import org.fwbench.stats.Estimate;

/**
 * Two runs side by side ({@code fwbench compare}): the change of every compared metric of every target x
 * scenario measured in both, and the cells found in only one of them (named, not silently dropped). Each side
 * contributes one sample per start of the target, so the variation between starts (and with interleaved rounds,
 * between moments of a run) is in the interval of the change, and the spread between the two runs, learned from
 * how all targets' cells moved, is added to it. A target whose memory and CPU one run could not
 * read is compared on its load figures and named among the unmatched with why.
 *
 * @param unmatched one line per cell that could not be compared, with why
 */
public record RunDiff(List<MetricChange> changes, List<String> unmatched) {

    /** Fixed rates within 1 % of each other are the same rate (they are rounded to whole requests per second). */
    static final double SAME_RATE = 0.01;

    public RunDiff {
        changes = List.copyOf(changes);
        unmatched = List.copyOf(unmatched);
    }

    public static RunDiff of(RunResult before, RunResult after) {
        List<MetricChange> changes = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        Map<String, String> otherRates = new LinkedHashMap<>(); // per scenario: the rate is the same for all its targets
        for (TargetResult t : after.targets()) {
            for (ScenarioResult s : t.scenarios()) {
                Optional<ScenarioResult> old = before.cell(t.name(), s.scenario());
                String name = t.name() + " " + s.scenario();
                if (old.isEmpty()) {
                    unmatched.add(name + ": only in the new run");
                } else if (!measured(old.get())) {
                    unmatched.add(name + ": not measured in the old run");
                } else if (!measured(s)) {
                    unmatched.add(name + ": not measured in the new run"
                            + (s.reason() == null ? "" : " (" + s.reason() + ")"));
                } else {
                    Optional<String> rates = differentFixedRates(s.scenario(), old.get(), s);
                    changes.addAll(compare(t.name(), old.get(), s, rates.isEmpty()));
                    unmeasured(before, t, old.get(), s).ifPresent(unmatched::add);
                    rates.ifPresent(r -> otherRates.putIfAbsent(s.scenario(), r));
                }
            }
        }
        for (TargetResult t : before.targets()) {
            for (ScenarioResult s : t.scenarios()) {
                if (after.cell(t.name(), s.scenario()).isEmpty()) {
                    unmatched.add(t.name() + " " + s.scenario() + ": only in the old run");
                }
            }
        }
        unmatched.addAll(otherRates.values());
        return new RunDiff(withRunSpread(changes), unmatched);
    }

    /**
     * Every change with the run-to-run spread of its metric added to its interval (see {@link Change#widened}):
     * the larger of the spread over all the cells of that metric and over the cells of its scenario, each learned
     * from the changes of all the targets compared (see {@link Change#runSpread}). Three starts a side show how a
     * run's starts differ, not how two runs do: in three A/A pairs of default runs the cells' req/s moved
     * from one run to the other with a spread of 13-16 %, and the figures of the 100 kB static file at the fixed
     * rate (about 110 requests) by 27 % and more, and each pair's compare found a "regression" of 34-88 % in one
     * of them. One target that really changed stands out from the others, whose median spread it does not move.
     */
    private static List<MetricChange> withRunSpread(List<MetricChange> changes) {
        Map<Metric, Double> byMetric = runSpreads(changes, MetricChange::metric);
        Map<MetricInScenario, Double> byScenario = runSpreads(changes, MetricInScenario::of);
        return changes.stream().map(c -> new MetricChange(c.target(), c.scenario(), c.metric(), c.before(), c.after(),
                c.change().widened(Math.max(byMetric.get(c.metric()), byScenario.get(MetricInScenario.of(c))))))
                .toList();
    }

    /** The run-to-run spread of each group of changes. */
    private static <K> Map<K, Double> runSpreads(List<MetricChange> changes, Function<MetricChange, K> group) {
        Map<K, Double> spreads = new HashMap<>();
        changes.stream().collect(Collectors.groupingBy(group, Collectors.mapping(MetricChange::change, Collectors.toList())))
                .forEach((key, cells) -> spreads.put(key, Change.runSpread(cells)));
        return spreads;
    }

    /** One metric's changes in one scenario: the group whose spread is learned apart from the metric's overall. */
    private record MetricInScenario(Metric metric, String scenario) {
        static MetricInScenario of(MetricChange c) {
            return new MetricInScenario(c.metric(), c.scenario());
        }
    }

    public List<MetricChange> regressions() {
        return changes.stream().filter(c -> c.verdict() == MetricChange.Verdict.REGRESSION).toList();
    }

    public List<MetricChange> improvements() {
        return changes.stream().filter(c -> c.verdict() == MetricChange.Verdict.IMPROVEMENT).toList();
    }

    /**
     * Regressions (beyond their interval and the noise floor, see {@link MetricChange#verdict()}) whose point
     * estimate is worse than {@code percent} (10 means 10% slower, larger, or less throughput).
     */
    public List<MetricChange> regressionsBeyond(double percent) {
        return regressions().stream().filter(c -> c.worsePercent() > percent).toList();
    }

    /**
     * The metrics compared: memory as PSS where every repeat on both sides has it, RSS otherwise, so that
     * both runs are measured the same way.
     */
    static List<Metric> compared(MemoryBasis basis) {
        return List.of(Metric.THROUGHPUT, Metric.P50, Metric.P95, Metric.P99,
                basis == MemoryBasis.PSS ? Metric.PSS_AFTER : Metric.RSS_AFTER, Metric.CPU, Metric.FIXED_RATE_CPU,
                Metric.FIXED_RATE_P99);
    }

    /**
     * "json: fixed rates differ (2065 and 1599 req/s): ...": the fixed rate is half the slowest target's
     * capacity in each run, so two runs may serve different rates, and CPU per request and p99 at different
     * rates are not the same figure (a lower rate batches less and costs more per request). A run made with
     * {@code --fixed-rates-from} the old one's results serves the old rates.
     */
    private static Optional<String> differentFixedRates(String scenario, ScenarioResult before, ScenarioResult after) {
        OptionalDouble a = before.fixedRate();
        OptionalDouble b = after.fixedRate();
        if (a.isEmpty() || b.isEmpty() || Math.abs(b.getAsDouble() / a.getAsDouble() - 1) <= SAME_RATE) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%s: fixed rates differ (%.0f and %.0f req/s): CPU per request "
                + "and p99 at the fixed rate not compared for any target (run --fixed-rates-from OLD/results.json "
                + "measures at the old run's rates)", scenario, a.getAsDouble(), b.getAsDouble()));
    }

    private static List<MetricChange> compare(String target, ScenarioResult before, ScenarioResult after,
            boolean sameFixedRate) {
        MemoryBasis basis = MemoryBasis.of(Stream.of(before, after).flatMap(s -> s.measurements().stream())
                .filter(Measurement::hasMemory).map(m -> m.after().pssBytes()).toList());
        List<MetricChange> changes = new ArrayList<>();
        for (Metric metric : compared(basis)) {
            if (!sameFixedRate && (metric == Metric.FIXED_RATE_CPU || metric == Metric.FIXED_RATE_P99)) {
                continue;
            }
            // One sample per start on each side: the between-start level is what differs from run to run.
            Optional<double[]> oldSamples = metric.rankingSamples(before);
            Optional<double[]> newSamples = metric.rankingSamples(after);
            if (oldSamples.isEmpty() || newSamples.isEmpty()) {
                continue; // a fixed-rate figure that one run did not measure, or memory and CPU not read (said apart)
            }
            double[] old = oldSamples.get();
            double[] now = newSamples.get();
            changes.add(new MetricChange(target, after.scenario(), metric, Estimate.of(old).median(),
                    Estimate.of(now).median(), Change.of(old, now)));
        }
        return changes;
    }

    /**
     * "nginx json: memory and CPU not measured in the new run (remote host)": a cell compared on its load
     * figures only, because one side (or both) could not read the target's process.
     */
    private static Optional<String> unmeasured(RunResult before, TargetResult now, ScenarioResult old,
            ScenarioResult s) {
        boolean oldHas = old.measurements().stream().allMatch(Measurement::hasMemory);
        boolean newHas = s.measurements().stream().allMatch(Measurement::hasMemory);
        if (oldHas && newHas) {
            return Optional.empty();
        }
        String name = now.name() + " " + s.scenario() + ": memory and CPU not measured in ";
        Optional<NotMeasured> oldWhy = before.targets().stream().filter(t -> t.name().equals(now.name())).findFirst()
                .map(TargetResult::notMeasured);
        String why = (!newHas ? Optional.ofNullable(now.notMeasured()) : oldWhy)
                .map(n -> " (" + n.reason() + ")").orElse("");
        return Optional.of(name + (!oldHas && !newHas ? "either run" : oldHas ? "the new run" : "the old run") + why
                + ": compared on load figures only");
    }

    private static boolean measured(ScenarioResult s) {
        return s.ok() && !s.measurements().isEmpty();
    }
}
