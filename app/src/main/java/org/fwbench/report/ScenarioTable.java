package org.fwbench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.fwbench.analysis.Metric;
import org.fwbench.analysis.Verdict;
import org.fwbench.analysis.Verdicts;
import org.fwbench.result.Cell;
import org.fwbench.result.Measurement;
import org.fwbench.result.MemoryBasis;
import org.fwbench.result.RunInterference;
import org.fwbench.result.RunResult;
import org.fwbench.result.RunSettings;
import org.fwbench.result.SamplingCost;
import org.fwbench.result.ScenarioRanking;
import org.fwbench.result.ScenarioResult;
import org.fwbench.result.Summary;
import org.fwbench.result.TargetResult;
import org.fwbench.stats.Estimate;
import org.fwbench.units.Format;

/**
 * The main table as rows of text, one table per scenario, shared by the console, Markdown and HTML renderers:
 * targets sorted by throughput, the best of each column marked with {@code *}, tied ranks with {@code =}; a target
 * whose memory and CPU were not measured says {@value #NOT_MEASURED} in those columns.
 */
public final class ScenarioTable {

    /** One target's row, with the other rows of its table (for the best-in-column marks) and the ranking. */
    private record Row(Cell cell, List<Cell> table, Optional<ScenarioRanking> ranking) {
        Summary summary() {
            return cell.summary();
        }

        TargetResult target() {
            return cell.target();
        }

        Optional<TargetResult.Start> first() {
            return target().firstStart();
        }

        /**
         * {@code " *"} when this row holds the best value of its column and there is something to compare: at
         * least two rows, not all alike.
         */
        String mark(ToDoubleFunction<Cell> value, boolean higherIsBetter) {
            if (table.size() < 2 || !table.contains(cell)) {
                return "";
            }
            DoubleSummaryStatistics known = table.stream().mapToDouble(value).filter(v -> !Double.isNaN(v))
                    .summaryStatistics();
            if (known.getCount() < 2 || known.getMin() == known.getMax()) {
                return "";
            }
            return value.applyAsDouble(cell) == (higherIsBetter ? known.getMax() : known.getMin()) ? " *" : "";
        }

        String mark(Metric metric, ToDoubleFunction<Summary> median) {
            return mark(c -> median.applyAsDouble(c.summary()), metric.higherIsBetter());
        }
    }

    private static final List<Column<Row>> COLUMNS = List.of(
            new Column<>("target", r -> r.target().name()),
            new Column<>("version", r -> r.target().version()),
            new Column<>("req/s", r -> Text.estimate(r.summary().throughput())
                    + r.mark(Metric.THROUGHPUT, s -> s.throughput().median())),
            new Column<>("rank", ScenarioTable::rank),
            new Column<>("p50 ms", r -> Text.estimate(r.summary().p50Ms())
                    + r.mark(Metric.P50, s -> s.p50Ms().median())),
            new Column<>("p95 ms", r -> Text.estimate(r.summary().p95Ms())
                    + r.mark(Metric.P95, s -> s.p95Ms().median())),
            new Column<>("p99 ms", r -> Text.estimate(r.summary().p99Ms())
                    + r.mark(Metric.P99, s -> s.p99Ms().median())),
            new Column<>("ok %", r -> Format.percent(r.summary().successPercent().median())),
            new Column<>("statuses", r -> Text.counts(r.summary().statuses())),
            new Column<>("errors", r -> Text.counts(r.summary().errors())),
            memory("mem idle", r -> Format.mib(idle(r.cell())) + r.mark(c -> orNaN(idle(c)), false)),
            memory("mem after", r -> Text.estimateMib(r.summary().memoryAfterBytes())
                    + r.mark(Metric.MEMORY_AFTER, s -> median(s.memoryAfterBytes()))),
            memory("growth", r -> growth(r.cell()) + r.mark(ScenarioTable::growthBytes, false)),
            memory("mem peak", r -> Text.estimateMib(r.summary().memoryPeakBytes())
                    + r.mark(c -> median(c.summary().memoryPeakBytes()), false)),
            memory("CPU us/req", r -> Text.estimate(r.summary().serverCpuMicrosPerRequest())
                    + r.mark(Metric.CPU, s -> median(s.serverCpuMicrosPerRequest()))),
            memory("CPU us/req @rate", r -> fixed(r.summary().fixedRateCpuMicrosPerRequest())
                    + (r.summary().fixedRateCpuMicrosPerRequest() == null ? ""
                            : r.mark(Metric.FIXED_RATE_CPU, s -> median(s.fixedRateCpuMicrosPerRequest())))),
            new Column<>("p99 ms @rate", r -> fixed(r.summary().fixedRateP99Ms())
                    + (r.summary().fixedRateP99Ms() == null ? ""
                            : r.mark(Metric.FIXED_RATE_P99, s -> median(s.fixedRateP99Ms())))),
            new Column<>("startup", r -> r.first().map(s -> s.startupSeconds() == null ? "running"
                    : Format.seconds(s.startupSeconds())
                    + r.mark(ScenarioTable::startup, Metric.STARTUP.higherIsBetter())).orElse("-")),
            memory("leak", r -> leak(r.cell().scenario())));

    public static final List<String> HEADER = Column.headers(COLUMNS);

    /** What a memory or server-CPU cell says for a target whose process could not be read, in place of a figure. */
    static final String NOT_MEASURED = "not measured";

    /**
     * One scenario's table; {@code problems} lists targets that could not be measured, with why, and
     * {@code verdict} says what the table shows and which figures not to take at face value.
     */
    public record Table(String scenario, String caption, List<List<String>> rows, List<String> problems,
            Verdict verdict) {
    }

    private ScenarioTable() {
    }

    public static List<Table> of(RunResult result) {
        List<Table> tables = new ArrayList<>();
        for (String scenario : result.scenarioNames()) {
            tables.add(table(result, scenario));
        }
        return tables;
    }

    private static Table table(RunResult result, String scenario) {
        List<String> problems = new ArrayList<>();
        for (TargetResult t : result.targets()) {
            Optional<ScenarioResult> s = t.scenario(scenario);
            if (!t.ok()) {
                problems.add(t.name() + ": " + t.status() + ": " + t.reason());
            } else if (s.isPresent() && !s.get().ok()) {
                problems.add(t.name() + ": " + s.get().reason());
            }
        }
        List<Cell> measured = new ArrayList<>(result.measured(scenario));
        ScenarioResult.AppliedLoad load = measured.isEmpty() ? null : measured.getLast().scenario().load();
        measured.sort(Comparator.comparingDouble((Cell c) -> c.summary().throughput().median()).reversed());
        Optional<ScenarioRanking> ranking = result.rankings().stream()
                .filter(r -> r.scenario().equals(scenario) && r.metric().equals(Metric.THROUGHPUT.rankingKey()))
                .findFirst();
        // A failed cell (no successful response, a target that died) is shown but never marked best.
        List<Cell> comparable = measured.stream().filter(c -> c.scenario().ok()).toList();
        List<List<String>> rows = new ArrayList<>();
        for (Cell c : measured) {
            rows.add(Column.values(COLUMNS, new Row(c, comparable, ranking)));
        }
        return new Table(scenario, caption(scenario, load, result, measured), rows, problems,
                Verdicts.of(result, scenario));
    }

    private static String caption(String scenario, ScenarioResult.AppliedLoad load, RunResult result,
            List<Cell> measured) {
        MemoryBasis basis = measured.stream().map(c -> c.summary().memoryBasis()).filter(Objects::nonNull).findFirst()
                .orElse(MemoryBasis.PSS);
        StringBuilder b = new StringBuilder("Scenario ").append(scenario);
        if (load != null) {
            b.append(" (").append(load.rate() > 0 ? Format.number(load.rate()) + " req/s offered, " : "")
                    .append(load.connections()).append(" connections, ")
                    .append(load.requests() > 0 ? load.requests() + " requests" : Format.number(load.durationSeconds()) + " s")
                    .append(load.keepAlive() ? "" : ", no keep-alive")
                    .append(", ").append(result.settings().restart()
                            ? result.settings().repeats() + (result.settings().repeats() == 1 ? " start" : " starts")
                            : result.settings().repeats() + " repeats on one start")
                    .append(fixedRate(measured)).append(")");
        }
        if (result.settings().quick()) {
            b.append(" [").append(quickLook(result.settings())).append("; less certain than a full run]");
        }
        long once = measured.stream().filter(c -> c.summary().repeats() < 2).count();
        b.append(": memory is ").append(basis.toString().toUpperCase(Locale.ROOT)).append(" in MiB; ")
                .append(once > 0 && once == measured.size() ? "one repeat: no interval, no ranks; * best in column"
                        : once > 0 ? "± is the 95% confidence half-width; * best in column; no ranks, as a target "
                                + "was measured once"
                        : "± is the 95% confidence half-width; * best in column; = tied rank");
        return b.toString();
    }

    /** {@code ", fixed rate 1,234 req/s"} when the scenario had an efficiency measurement at a fixed rate. */
    private static String fixedRate(List<Cell> measured) {
        return measured.stream().flatMap(c -> c.scenario().measurements().stream()).map(Measurement::fixedRate)
                .filter(Objects::nonNull).findFirst().map(f -> ", @rate = " + Format.number(f.rate()) + " req/s fixed")
                .orElse("");
    }

    /**
     * A column of the target's memory or server CPU: {@value #NOT_MEASURED} for a target whose process could not be
     * read (its row's note says why), never a zero; such a row has no figure to be marked best either.
     */
    private static Column<Row> memory(String header, Function<Row, String> value) {
        return new Column<>(header, r -> r.target().memoryMeasured() ? value.apply(r) : NOT_MEASURED);
    }

    private static String fixed(Estimate e) {
        return e == null ? "-" : Text.estimate(e);
    }

    private static double median(Estimate e) {
        return e == null ? Double.NaN : e.median();
    }

    /** Memory after the load against idle: {@code +12.3 (+25%)} in MiB. */
    private static String growth(Cell c) {
        double delta = growthBytes(c);
        if (Double.isNaN(delta)) {
            return "-";
        }
        long idle = idle(c);
        return (delta >= 0 ? "+" : "") + Format.mib(delta) + " (" + (delta >= 0 ? "+" : "")
                + String.format(Locale.ROOT, "%.0f%%", 100 * delta / idle) + ")";
    }

    /** The leak verdicts of a phased run, e.g. {@code plateau} or {@code growing 812 KiB/1k req}; "-" without phases. */
    private static String leak(ScenarioResult s) {
        List<Measurement.LeakCheck> checks = s.measurements().stream().map(Measurement::leak)
                .filter(Objects::nonNull).toList();
        if (checks.isEmpty()) {
            return "-";
        }
        return checks.stream().anyMatch(l -> l.verdict() == Measurement.LeakCheck.Verdict.GROWING)
                ? "growing " + Format.number(checks.stream().mapToDouble(Measurement.LeakCheck::bytesPer1kRequests)
                        .max().orElse(0) / 1024) + " KiB/1k req"
                : Measurement.LeakCheck.Verdict.PLATEAU.toString();
    }

    /**
     * What a quick look measured, as its tables' headers and its run note say it: one start per target unless
     * {@code --repeat} asked for more.
     */
    private static String quickLook(RunSettings s) {
        String starts = !s.restart()
                ? s.repeats() + (s.repeats() == 1 ? " repeat" : " repeats") + " on one start of each target"
                : s.repeats() == 1 ? "one start per target" : s.repeats() + " starts per target";
        return "QUICK LOOK: " + starts + ", short loads";
    }

    /**
     * Notes on the whole run: what sampling the targets' memory cost fwbench, so a reader can judge
     * whether it disturbed anything.
     */
    public static List<String> runNotes(RunResult result) {
        List<SamplingCost> costs = result.targets().stream().flatMap(t -> t.scenarios().stream())
                .flatMap(s -> s.measurements().stream()).map(Measurement::sampler).filter(Objects::nonNull)
                .toList();
        List<String> notes = new ArrayList<>();
        if (result.settings().quick()) {
            RunSettings s = result.settings();
            notes.add(quickLook(s) + ", warm-ups too short to be found steady; "
                    + (s.repeats() * s.measurementsPerStart() == 1 ? "one measurement a cell gives no interval and no rank"
                            : "its intervals understate how far another run could land")
                    + ". Run without --quick before deciding.");
        }
        List<String> madeUp = result.targets().stream().flatMap(t -> t.scenarios().stream()
                .flatMap(sc -> Stream.concat(sc.measurements().stream(), sc.setAside().stream()))
                .filter(m -> m.conditions().madeUpFor() > 0).map(m -> t.name() + " (for start "
                        + m.conditions().madeUpFor() + ")").distinct()).toList();
        if (!madeUp.isEmpty()) {
            notes.add("Make-up starts after the rounds, for starts that stayed disturbed after their retries: "
                    + String.join(", ", madeUp) + "; see each cell's note for which start was kept.");
        }
        RunInterference i = result.interference();
        if (i != null && i.measurements() > 0) {
            notes.add(String.format(Locale.ROOT, "Interference: other processes, steal and fwbench's own JIT "
                    + "compilers took %.2f of a core on average (at most %.2f), %.1f s stolen; %d of %d measurements "
                    + "taken again (above %.2f of a core, or the target's own JIT compilers above %.2f of a core), "
                    + "%d kept although disturbed%s.",
                    i.meanCoresTaken(), i.maxCoresTaken(), i.stealSeconds(), i.remeasured(), i.measurements(),
                    i.threshold(), Measurement.Conditions.COMPILING_CORES, i.disturbed(),
                    // a quick look's note above already says its warm-ups are too short
                    result.settings().quick() ? "" : ", " + i.compiling() + " although compiling"));
        }
        if (result.settings().rounds().size() > 1) {
            notes.add("Rounds: " + result.settings().rounds().size() + ", orders shuffled with --seed "
                    + result.settings().seed() + ".");
        }
        long samples = costs.stream().mapToLong(SamplingCost::samples).sum();
        if (samples == 0) {
            return notes;
        }
        double meanMicros = costs.stream().mapToDouble(o -> o.meanMicrosPerSample() * o.samples()).sum() / samples;
        double cpu = costs.stream().map(SamplingCost::cpuSeconds).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).sum();
        notes.add(String.format(Locale.ROOT, "Memory sampling: %d samples of the targets' /proc, %.0f us each on "
                + "average, %.2f s of fwbench's CPU in all.", samples, meanMicros, cpu));
        return notes;
    }

    /** Idle memory of the first start by the scenario's basis; null when unknown. */
    private static Long idle(Cell c) {
        return c.target().firstStart().map(s -> s.idle() == null ? null : s.idle().bytes(c.summary().memoryBasis()))
                .orElse(null);
    }

    /** Memory after the load minus idle memory, in bytes; NaN when idle memory is unknown. */
    private static double growthBytes(Cell c) {
        Long idle = idle(c);
        return idle == null || idle == 0 ? Double.NaN : c.summary().memoryAfterBytes().median() - idle;
    }

    private static double orNaN(Long bytes) {
        return bytes == null ? Double.NaN : bytes;
    }

    private static double startup(Cell c) {
        // A target found running has no startup: NaN, like one that never started, takes no part in the best mark.
        return c.target().firstStart().map(TargetResult.Start::startupSeconds).orElse(null) instanceof Double d
                ? d : Double.NaN;
    }

    private static String rank(Row r) {
        return r.ranking().flatMap(x -> x.ranks().stream().filter(k -> k.target().equals(r.target().name()))
                        .findFirst())
                .map(x -> x.rank() + (x.tied() ? "=" : ""))
                .orElse("-");
    }
}
