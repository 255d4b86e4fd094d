package org.fwbench.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fwbench.analysis.Metric;
import org.fwbench.analysis.MetricChange;
import org.fwbench.analysis.RunDiff;
import org.fwbench.stats.Change;
import org.fwbench.units.Format;

/** A run-to-run comparison as text: one aligned table of changes, then the regressions and improvements. */
public final class ChangeReport {

    static final List<String> HEADER = List.of("target", "scenario", "metric", "old", "new", "change",
            "95% interval", "verdict");

    private ChangeReport() {
    }

    public static void print(RunDiff comparison, PrintWriter out) {
        if (!comparison.changes().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            rows.add(HEADER);
            for (MetricChange c : comparison.changes()) {
                rows.add(List.of(c.target(), c.scenario(), c.metric().compareName() + " " + c.metric().unit().symbol(),
                        value(c, c.before()), value(c, c.after()), percent(c.change().relative()),
                        interval(c.change()), verdict(c)));
            }
            ConsoleReport.align(rows, 3).forEach(out::println);
        }
        comparison.unmatched().forEach(u -> out.println("  ! " + u));
        out.println();
        List<MetricChange> regressions = comparison.regressions();
        List<MetricChange> improvements = comparison.improvements();
        out.println(String.format(Locale.ROOT, "%d regression%s, %d improvement%s, %d unchanged (not significant)",
                regressions.size(), regressions.size() == 1 ? "" : "s", improvements.size(),
                improvements.size() == 1 ? "" : "s",
                comparison.changes().size() - regressions.size() - improvements.size()));
        regressions.forEach(c -> out.println("  worse:  " + line(c)));
        improvements.forEach(c -> out.println("  better: " + line(c)));
        out.flush();
    }

    /** {@code netty hello throughput: 40,500 -> 33,233 req/s, -17.9% (-21.6% to -14.2%)}. */
    public static String line(MetricChange c) {
        return c.target() + " " + c.scenario() + " " + c.metric().compareName() + ": " + value(c, c.before()) + " -> "
                + value(c, c.after()) + " " + c.metric().unit().symbol() + ", " + percent(c.change().relative()) + " ("
                + interval(c.change()) + ")";
    }

    private static String verdict(MetricChange c) {
        return switch (c.verdict()) {
            case REGRESSION -> "worse";
            case IMPROVEMENT -> "better";
            case UNCHANGED -> "~";
        };
    }

    private static String value(MetricChange c, double v) {
        return c.metric().unit() == Metric.Unit.BYTES ? Format.mib(v) : Format.number(v);
    }

    private static String interval(Change c) {
        if (Double.isInfinite(c.relativeHigh())) {
            return "unbounded";
        }
        return percent(c.relativeLow()) + " to " + percent(c.relativeHigh());
    }

    private static String percent(double relative) {
        return String.format(Locale.ROOT, "%+.1f%%", 100 * relative);
    }
}
