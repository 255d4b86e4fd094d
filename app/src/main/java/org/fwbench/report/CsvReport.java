package org.fwbench.report;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.fwbench.result.MemoryReading;
import org.fwbench.result.RunResult;
import org.fwbench.result.ScenarioResult;
import org.fwbench.result.Summary;
import org.fwbench.result.TargetResult;

/**
 * One row per target x scenario, plain numbers in base units (bytes, ms, µs), for spreadsheets and scripts; a
 * figure not measured is an empty field, never a zero.
 */
public final class CsvReport {

    /** One target x scenario; the figures are empty when it was not measured. */
    private record Row(TargetResult target, ScenarioResult scenario) {
        Summary summary() {
            return scenario.summary();
        }
    }

    private static final List<Column<Row>> COLUMNS = List.of(
            new Column<>("target", r -> r.target().name()),
            new Column<>("version", r -> r.target().version()),
            new Column<>("target_status", r -> r.target().status().toString()),
            new Column<>("scenario", r -> r.scenario().scenario()),
            new Column<>("status", r -> r.scenario().status().toString()),
            new Column<>("reason", r -> r.scenario().reason() == null
                    ? (r.target().ok() ? "" : r.target().reason()) : r.scenario().reason()),
            measured("repeats", s -> String.valueOf(s.repeats())),
            measured("requests", s -> String.valueOf(s.requests())),
            measured("ok", s -> String.valueOf(s.ok())),
            measured("failed", s -> String.valueOf(s.failed())),
            measured("success_pct", s -> num(s.successPercent().median())),
            measured("throughput_median", s -> num(s.throughput().median())),
            measured("throughput_ci_low", s -> num(s.throughput().ciLow())),
            measured("throughput_ci_high", s -> num(s.throughput().ciHigh())),
            measured("throughput_cv", s -> num(s.throughput().cv())),
            measured("p50_ms", s -> num(s.latencyMs().p50())),
            measured("p90_ms", s -> num(s.latencyMs().p90())),
            measured("p95_ms", s -> num(s.latencyMs().p95())),
            measured("p99_ms", s -> num(s.latencyMs().p99())),
            measured("p999_ms", s -> num(s.latencyMs().p999())),
            measured("max_ms", s -> num(s.latencyMs().max())),
            new Column<>("memory_not_measured", r -> r.target().memoryMeasured() ? ""
                    : r.target().notMeasured().reason().toString()),
            memory("memory_basis", s -> s.memoryBasis().toString()),
            new Column<>("memory_idle_bytes", CsvReport::idle),
            memory("memory_after_bytes", s -> num(s.memoryAfterBytes().median())),
            memory("memory_peak_bytes", s -> num(s.memoryPeakBytes().median())),
            memory("server_cpu_us_per_request", s -> num(s.serverCpuMicrosPerRequest().median())),
            new Column<>("startup_s", r -> r.summary() == null ? ""
                    : r.target().firstStart().map(TargetResult.Start::startupSeconds).map(CsvReport::num).orElse("")),
            measured("client_saturated", s -> String.valueOf(s.clientSaturated())),
            measured("statuses", s -> Text.counts(s.statuses())),
            measured("errors", s -> Text.counts(s.errors())));

    static final List<String> HEADER = Column.headers(COLUMNS);

    private CsvReport() {
    }

    public static String render(RunResult result) {
        StringBuilder b = new StringBuilder();
        line(b, HEADER);
        for (TargetResult t : result.targets()) {
            for (ScenarioResult s : t.scenarios()) {
                line(b, Column.values(COLUMNS, new Row(t, s)));
            }
        }
        return b.toString();
    }

    /** A column of the summary's figures: empty for a target x scenario that was not measured. */
    private static Column<Row> measured(String header, Function<Summary, String> value) {
        return new Column<>(header, r -> r.summary() == null ? "" : value.apply(r.summary()));
    }

    /**
     * A column of the target's memory or server CPU: empty, like any figure not measured, for a target whose
     * process could not be read ({@code memory_not_measured} says why).
     */
    private static Column<Row> memory(String header, Function<Summary, String> value) {
        return measured(header, s -> s.memoryAfterBytes() == null ? "" : value.apply(s));
    }

    /** Idle memory of the first start by the scenario's memory basis; empty when unknown or not measured. */
    private static String idle(Row r) {
        if (r.summary() == null || r.summary().memoryBasis() == null) {
            return "";
        }
        MemoryReading idle = r.target().starts().getFirst().idle();
        Long v = idle == null ? null : idle.bytes(r.summary().memoryBasis());
        return v == null ? "" : String.valueOf(v);
    }

    private static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static void line(StringBuilder b, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            b.append(i == 0 ? "" : ",").append(quote(cells.get(i)));
        }
        b.append('\n');
    }

    /** RFC 4180: quote fields holding separators, quotes or line breaks; double the quotes. */
    private static String quote(String s) {
        if (s == null) {
            return "";
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
