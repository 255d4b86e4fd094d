package org.fwbench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fwbench.result.RunResult;
import org.fwbench.result.ScenarioResult;
import org.fwbench.result.Summary;
import org.fwbench.result.TargetResult;
import org.fwbench.stats.Estimate;

/** One row per target x scenario, plain numbers in base units (bytes, ms, µs), for spreadsheets and scripts. */
public final class CsvReport {

    static final List<String> HEADER = List.of("target", "version", "target_status", "scenario", "status", "reason",
            "repeats", "requests", "ok", "failed", "success_pct",
            "throughput_median", "throughput_ci_low", "throughput_ci_high", "throughput_cv",
            "p50_ms", "p90_ms", "p99_ms", "p999_ms", "max_ms",
            "memory_basis", "memory_idle_bytes", "memory_after_bytes", "memory_peak_bytes",
            "server_cpu_us_per_request", "startup_s", "client_saturated", "statuses", "errors");

    private CsvReport() {
    }

    public static String render(RunResult result) {
        StringBuilder b = new StringBuilder();
        line(b, HEADER);
        for (TargetResult t : result.targets()) {
            Double startup = t.starts().isEmpty() ? null : t.starts().getFirst().startupSeconds();
            for (ScenarioResult s : t.scenarios()) {
                List<String> row = new ArrayList<>(List.of(t.name(), t.version(), t.status(), s.scenario(), s.status(),
                        s.reason() == null ? (t.ok() ? "" : t.reason()) : s.reason()));
                Summary m = s.summary();
                if (m == null) {
                    while (row.size() < HEADER.size()) {
                        row.add("");
                    }
                } else {
                    Estimate tp = m.throughput();
                    TargetResult.Start first = t.starts().getFirst();
                    row.addAll(List.of(
                            String.valueOf(m.repeats()), String.valueOf(m.requests()), String.valueOf(m.ok()),
                            String.valueOf(m.failed()), num(m.successPercent().median()),
                            num(tp.median()), num(tp.ciLow()), num(tp.ciHigh()), num(tp.cv()),
                            num(m.latencyMs().p50()), num(m.latencyMs().p90()), num(m.latencyMs().p99()),
                            num(m.latencyMs().p999()), num(m.latencyMs().max()),
                            m.memoryBasis(), idle(first, m.memoryBasis()),
                            num(m.memoryAfterBytes().median()), num(m.memoryPeakBytes().median()),
                            num(m.serverCpuMicrosPerRequest().median()),
                            startup == null ? "" : num(startup), String.valueOf(m.clientSaturated()),
                            Format.counts(m.statuses()), Format.counts(m.errors())));
                }
                line(b, row);
            }
        }
        return b.toString();
    }

    private static String idle(TargetResult.Start first, String basis) {
        Long v = ComparisonTable.memory(first.idle(), basis);
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
