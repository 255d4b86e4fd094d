package org.fwbench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.fwbench.memory.TreeMemory;
import org.fwbench.memory.SamplerOverhead;
import org.fwbench.result.Measurement;
import org.fwbench.result.RunResult;
import org.fwbench.result.ScenarioRanking;
import org.fwbench.result.ScenarioResult;
import org.fwbench.result.Summary;
import org.fwbench.result.TargetResult;
import org.fwbench.stats.Estimate;

/**
 * The comparison as rows of text, one table per scenario, shared by the console and Markdown renderers:
 * targets sorted by throughput, the best of each column marked with {@code *}, tied ranks with {@code =}.
 */
public final class ComparisonTable {

    public static final List<String> HEADER = List.of("target", "version", "req/s", "rank", "p50 ms", "p99 ms",
            "ok %", "statuses", "errors", "mem idle", "mem after", "growth", "mem peak", "CPU us/req", "startup", "leak");

    /**
     * One scenario's table; {@code problems} lists targets that could not be measured, with why, and
     * {@code warnings} figures not to trust (a saturated load engine measures the client, not the server).
     */
    public record Table(String scenario, String caption, List<List<String>> rows, List<String> problems,
            List<String> warnings) {
    }

    private ComparisonTable() {
    }

    public static List<Table> of(RunResult result) {
        List<Table> tables = new ArrayList<>();
        for (String scenario : result.scenarioNames()) {
            tables.add(table(result, scenario));
        }
        return tables;
    }

    private record Cell(TargetResult target, ScenarioResult scenario, Summary summary) {
    }

    private static Table table(RunResult result, String scenario) {
        List<Cell> measured = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        ScenarioResult.AppliedLoad load = null;
        for (TargetResult t : result.targets()) {
            Optional<ScenarioResult> s = t.scenarios().stream().filter(x -> x.scenario().equals(scenario)).findFirst();
            if (s.isPresent() && s.get().summary() != null) {
                measured.add(new Cell(t, s.get(), s.get().summary()));
                load = s.get().load();
            }
            if (!t.ok()) {
                problems.add(t.name() + ": " + t.status() + ": " + t.reason());
            } else if (s.isPresent() && !s.get().ok()) {
                problems.add(t.name() + ": " + s.get().reason());
            }
        }
        measured.sort(Comparator.comparingDouble((Cell c) -> c.summary().throughput().median()).reversed());
        Optional<ScenarioRanking> ranking = result.rankings().stream()
                .filter(r -> r.scenario().equals(scenario) && r.metric().equals("throughput")).findFirst();
        List<List<String>> rows = new ArrayList<>();
        for (Cell c : measured) {
            Summary s = c.summary();
            TargetResult.Start first = c.target().starts().isEmpty() ? null : c.target().starts().getFirst();
            Long idle = first == null ? null : memory(first.idle(), s.memoryBasis());
            warnings.addAll(warnings(c.target().name(), s));
            rows.add(List.of(
                    c.target().name(),
                    c.target().version(),
                    Format.estimate(s.throughput()) + mark(measured, c, x -> x.summary().throughput().median(), true),
                    rank(ranking, c.target().name()),
                    Format.estimate(s.p50Ms()) + mark(measured, c, x -> x.summary().p50Ms().median(), false),
                    Format.estimate(s.p99Ms()) + mark(measured, c, x -> x.summary().p99Ms().median(), false),
                    Format.percent(s.successPercent().median()),
                    Format.counts(s.statuses()),
                    Format.counts(s.errors()),
                    Format.mib(idle),
                    Format.estimateMib(s.memoryAfterBytes())
                            + mark(measured, c, x -> x.summary().memoryAfterBytes().median(), false),
                    growth(idle, s.memoryAfterBytes().median()),
                    Format.estimateMib(s.memoryPeakBytes()),
                    Format.estimate(s.serverCpuMicrosPerRequest())
                            + mark(measured, c, x -> x.summary().serverCpuMicrosPerRequest().median(), false),
                    first == null ? "-" : Format.seconds(first.startupSeconds())
                            + mark(measured, c, ComparisonTable::startup, false),
                    leak(c.scenario())));
        }
        return new Table(scenario, caption(scenario, load, result, measured), rows, problems, warnings);
    }

    private static String caption(String scenario, ScenarioResult.AppliedLoad load, RunResult result,
            List<Cell> measured) {
        String basis = measured.isEmpty() ? "pss" : measured.getFirst().summary().memoryBasis();
        StringBuilder b = new StringBuilder("Scenario ").append(scenario);
        if (load != null) {
            b.append(" (").append(load.rate() > 0 ? Format.number(load.rate()) + " req/s offered, " : "")
                    .append(load.connections()).append(" connections, ")
                    .append(load.requests() > 0 ? load.requests() + " requests" : Format.number(load.durationSeconds()) + " s")
                    .append(load.keepAlive() ? "" : ", no keep-alive")
                    .append(", ").append(result.settings().repeats()).append(" repeats)");
        }
        b.append(": memory is ").append(basis.toUpperCase(Locale.ROOT))
                .append(" in MiB; ± is the 95% confidence half-width; * best in column; = tied rank");
        return b.toString();
    }

    /** The memory figure a table shows for a reading: PSS or RSS as the scenario's basis says; null if unknown. */
    static Long memory(TreeMemory m, String basis) {
        if (m == null) {
            return null;
        }
        return "pss".equals(basis) ? m.pssBytes() : Long.valueOf(m.rssBytes());
    }

    /** Noisy figures and outlier repeats, named rather than hidden, and a load engine that was the limit. */
    private static List<String> warnings(String target, Summary s) {
        List<String> notes = new ArrayList<>();
        note(notes, target, "req/s", s.throughput());
        note(notes, target, "p99", s.p99Ms());
        note(notes, target, "memory after", s.memoryAfterBytes());
        note(notes, target, "CPU/request", s.serverCpuMicrosPerRequest());
        if (s.clientSaturated()) {
            notes.add(target + ": the load engine used nearly all its CPUs: these figures are a limit of the client, "
                    + "not of the server");
        }
        return notes;
    }

    private static void note(List<String> notes, String target, String metric, Estimate e) {
        if (e.noisy()) {
            notes.add(String.format(Locale.ROOT, "%s %s: noisy, the repeats vary by %.0f%% (CV)", target, metric,
                    100 * e.cv()));
        }
        if (!e.outliers().isEmpty()) {
            notes.add(target + " " + metric + ": outlier repeat" + (e.outliers().size() == 1 ? " " : "s ")
                    + String.join(", ", e.outliers().stream().map(i -> String.valueOf(i + 1)).toList())
                    + " (kept in every figure)");
        }
    }

    /** Memory after the load against idle: {@code +12.3 (+25%)} in MiB. */
    private static String growth(Long idle, double after) {
        if (idle == null || idle == 0) {
            return "-";
        }
        double delta = after - idle;
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
        return checks.stream().anyMatch(l -> l.verdict().equals(Measurement.LeakCheck.GROWING))
                ? "growing " + Format.number(checks.stream().mapToDouble(Measurement.LeakCheck::bytesPer1kRequests)
                        .max().orElse(0) / 1024) + " KiB/1k req"
                : Measurement.LeakCheck.PLATEAU;
    }

    /**
     * Notes on the whole run: what sampling the targets' memory cost fwbench, so a reader can judge
     * whether it disturbed anything.
     */
    public static List<String> runNotes(RunResult result) {
        List<SamplerOverhead> overheads = result.targets().stream().flatMap(t -> t.scenarios().stream())
                .flatMap(s -> s.measurements().stream()).map(Measurement::sampler).filter(Objects::nonNull)
                .toList();
        long samples = overheads.stream().mapToLong(SamplerOverhead::samples).sum();
        if (samples == 0) {
            return List.of();
        }
        double meanMicros = overheads.stream().mapToDouble(o -> o.meanMicrosPerSample() * o.samples()).sum() / samples;
        double cpu = overheads.stream().map(SamplerOverhead::cpuSeconds).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).sum();
        return List.of(String.format(Locale.ROOT, "Memory sampling: %d samples of the targets' /proc, %.0f us each on "
                + "average, %.2f s of fwbench's CPU in all.", samples, meanMicros, cpu));
    }

    private static double startup(Cell c) {
        return c.target().starts().isEmpty() ? Double.NaN : c.target().starts().getFirst().startupSeconds();
    }

    private static String rank(Optional<ScenarioRanking> ranking, String target) {
        return ranking.flatMap(r -> r.ranks().stream().filter(x -> x.target().equals(target)).findFirst())
                .map(x -> x.rank() + (x.tied() ? "=" : ""))
                .orElse("-");
    }

    /** {@code " *"} when this cell holds the best value of its column (and there is something to compare). */
    private static String mark(List<Cell> cells, Cell cell, ToDoubleFunction<Cell> value, boolean higherIsBetter) {
        if (cells.size() < 2) {
            return "";
        }
        double best = higherIsBetter
                ? cells.stream().mapToDouble(value).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN)
                : cells.stream().mapToDouble(value).filter(v -> !Double.isNaN(v)).min().orElse(Double.NaN);
        return value.applyAsDouble(cell) == best ? " *" : "";
    }
}
