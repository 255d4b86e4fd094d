package org.fwbench.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.fwbench.result.Cell;
import org.fwbench.result.Measurement;
import org.fwbench.result.RunResult;
import org.fwbench.result.ScenarioRanking;
import org.fwbench.stats.Estimate;
import org.fwbench.stats.RatioTest;
import org.fwbench.units.Format;

/**
 * The verdict of each scenario, one logic for the console, Markdown and HTML: the fastest target against the
 * next with the ratio's interval (as hyperfine says "1.9 times faster than"), the slowest, and the best on
 * latency, memory and CPU where one target is ahead of all others. A tie is named with its cause: repeats that
 * disagree (which target's, which start stands apart, and whether interference was measured in it) or figures
 * that are simply close.
 */
public final class Verdicts {

    /** A ranked metric besides throughput, as the answer names its best. */
    private record Best(Metric metric, String label) {
    }

    private static final List<Best> BESTS = List.of(new Best(Metric.P99, "lowest p99"),
            new Best(Metric.MEMORY_AFTER, "least memory"), new Best(Metric.CPU, "least CPU per request"));

    /**
     * Interference up to this share of a core is what a quiet machine shows (0.01 on average on the development VM,
     * 0.05 in a few measurements): not called a disturbance.
     */
    static final double SEEN_CORES = 0.10;

    private Verdicts() {
    }

    /** One verdict per scenario, in suite order. */
    public static List<Verdict> of(RunResult run) {
        return run.scenarioNames().stream().map(s -> of(run, s)).toList();
    }

    public static Verdict of(RunResult run, String scenario) {
        List<Cell> cells = run.measured(scenario).stream().filter(c -> c.scenario().ok()).toList();
        // In the tables' order: most req/s first.
        List<String> notes = run.measured(scenario).stream()
                .sorted(Comparator.comparingDouble((Cell c) -> c.summary().throughput().median()).reversed())
                .flatMap(c -> TargetNotes.of(c, run.settings().quick(), run.environment().targetCpuCount()).stream())
                .toList();
        Optional<ScenarioRanking> throughput = ranking(run, scenario, Metric.THROUGHPUT);
        if (cells.isEmpty()) {
            return new Verdict(scenario, "", false, notes);
        }
        if (cells.size() == 1) {
            return new Verdict(scenario, "only " + cells.getFirst().targetName() + " was measured: nothing to compare it "
                    + "with", false, notes);
        }
        if (throughput.isEmpty()) {
            return new Verdict(scenario, unranked(cells), false, notes);
        }
        List<String> parts = new ArrayList<>();
        parts.add(fastest(throughput.get(), cells));
        List<ScenarioRanking.Rank> ranks = throughput.get().ranks();
        ScenarioRanking.Rank last = ranks.getLast();
        if (ranks.size() >= 3 && !last.tied()) {
            parts.add(last.target() + " slowest");
        }
        // "lowest p99 and least memory: helidon": one phrase per target that is ahead of all others somewhere.
        Map<String, List<String>> bests = new LinkedHashMap<>();
        BESTS.forEach(b -> best(run, scenario, b.metric())
                .ifPresent(t -> bests.computeIfAbsent(t, k -> new ArrayList<>()).add(b.label())));
        bests.forEach((target, labels) -> parts.add(names(labels) + ": " + target));
        return new Verdict(scenario, String.join("; ", parts), true, notes);
    }

    /** "undertow: 1.90x (1.62-2.23) the req/s of netty", or the targets tied for the most req/s and why. */
    private static String fastest(ScenarioRanking ranking, List<Cell> cells) {
        List<ScenarioRanking.Rank> ranks = ranking.ranks();
        List<String> leaders = ranks.stream().filter(r -> r.rank() == 1).map(ScenarioRanking.Rank::target).toList();
        if (leaders.size() == 1) {
            return leaders.getFirst() + ": " + ratio(ranks.getFirst().vsNext()) + " the req/s of " + ranks.get(1).target();
        }
        String who = leaders.size() == ranks.size() ? "no difference in req/s between " + names(leaders)
                : "most req/s: " + names(leaders) + ", tied";
        return who + " (" + tieCause(leaders, cells) + ")";
    }

    /**
     * Why targets tie: the noisiest one's disturbed start when its starts disagree, otherwise how close their
     * medians are.
     */
    private static String tieCause(List<String> tied, List<Cell> cells) {
        List<Cell> group = cells.stream().filter(c -> tied.contains(c.targetName())).toList();
        Optional<Cell> noisiest = group.stream()
                .filter(c -> TargetNotes.estimate(Metric.THROUGHPUT, c).map(Estimate::noisy).orElse(false))
                .max(Comparator.comparingDouble(c -> TargetNotes.estimate(Metric.THROUGHPUT, c).orElseThrow().cv()));
        if (noisiest.isPresent()) {
            Cell c = noisiest.get();
            double[] samples = Metric.THROUGHPUT.rankingSamples(c.scenario()).orElseThrow();
            Estimate e = Estimate.of(samples);
            if (samples.length == 2) {
                // Two starts are equally far from their median: which one was disturbed cannot be told.
                return String.format(Locale.ROOT, "noise: %s's two starts disagree, %s and %s req/s", c.targetName(),
                        Format.number(samples[0]), Format.number(samples[1]));
            }
            int worst = 0;
            for (int i = 1; i < samples.length; i++) {
                if (Math.abs(samples[i] - e.median()) > Math.abs(samples[worst] - e.median())) {
                    worst = i;
                }
            }
            // The samples are the starts' means in start order, or with a single start its measurements.
            List<Measurement> ms = c.scenario().measurements();
            boolean byStart = c.summary().starts() > 1;
            int start = Metric.THROUGHPUT.sampleNumbers(c.scenario()).orElseThrow()[worst];
            List<Measurement.Conditions> its = (byStart ? ms.stream().filter(m -> m.conditions().start() == start)
                    : Stream.of(ms.get(worst))).map(Measurement::conditions).toList();
            double taken = its.stream().mapToDouble(m -> m.disturbance().coresTaken()).max().orElse(0);
            boolean compiling = its.stream().anyMatch(Measurement.Conditions::compiling);
            double compilers = its.stream().mapToDouble(Measurement.Conditions::compilerCores).max().orElse(0);
            // "Disturbed" only where interference was measured: a start can stand apart on its own (JIT, the machine).
            String what = taken > SEEN_CORES
                    ? String.format(Locale.ROOT, "was disturbed (%.2f of a core taken by steal, other processes or "
                            + "fwbench's compilers)", taken)
                    : compiling
                    ? String.format(Locale.ROOT, "was still compiling (%.2f of a core taken by its JIT compilers)",
                            compilers)
                    : "stands apart with no interference measured";
            return String.format(Locale.ROOT, "noise: %s's %s %d %s, %s req/s against a median of %s; "
                    + "its %ss vary by %.0f%%", c.targetName(), byStart ? "start" : "measurement", start, what,
                    Format.number(samples[worst]), Format.number(e.median()), byStart ? "start" : "measurement",
                    100 * e.cv());
        }
        double[] medians = group.stream().mapToDouble(c -> c.summary().throughput().median()).toArray();
        double high = Arrays.stream(medians).max().orElse(0);
        double low = Arrays.stream(medians).min().orElse(0);
        return String.format(Locale.ROOT, "their medians are within %.1f%% of each other", 100 * (high / low - 1));
    }

    /** Measured once: the order by req/s, said to be untested. */
    private static String unranked(List<Cell> cells) {
        List<Cell> byThroughput = cells.stream()
                .sorted(Comparator.comparingDouble((Cell c) -> c.summary().throughput().median()).reversed()).toList();
        Cell top = byThroughput.getFirst();
        Cell bottom = byThroughput.getLast();
        List<String> once = cells.stream().filter(c -> c.summary().repeats() < 2).map(Cell::targetName).toList();
        String why = once.size() == cells.size() ? "one repeat" : names(once) + " measured once";
        return why + ": no interval, no ranks; most req/s " + top.targetName() + " ("
                + Format.number(top.summary().throughput().median()) + "), least " + bottom.targetName() + " ("
                + Format.number(bottom.summary().throughput().median()) + "); --repeat 3 or more tells them apart";
    }

    /** The target ranked ahead of all others on the metric, if one is. */
    private static Optional<String> best(RunResult run, String scenario, Metric metric) {
        return ranking(run, scenario, metric).map(ScenarioRanking::ranks)
                .filter(r -> r.stream().filter(x -> x.rank() == 1).count() == 1)
                .map(r -> r.getFirst().target());
    }

    private static Optional<ScenarioRanking> ranking(RunResult run, String scenario, Metric metric) {
        return run.rankings().stream()
                .filter(r -> r.scenario().equals(scenario) && r.metric().equals(metric.rankingKey())).findFirst();
    }

    /** "1.90x (1.62-2.23)": the ratio of means with Fieller's 95% interval. */
    private static String ratio(RatioTest t) {
        String high = Double.isInfinite(t.ratioHigh()) ? "no upper bound"
                : String.format(Locale.ROOT, "%.2f", t.ratioHigh());
        return String.format(Locale.ROOT, "%.2fx (%.2f-%s)", t.ratio(), t.ratioLow(), high);
    }

    private static String names(List<String> targets) {
        return targets.size() == 1 ? targets.getFirst()
                : String.join(", ", targets.subList(0, targets.size() - 1)) + " and " + targets.getLast();
    }
}
