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

    private static final List<Column<MetricChange>> COLUMNS = List.of(
            new Column<>("target", MetricChange::target),
            new Column<>("scenario", MetricChange::scenario),
            new Column<>("metric", c -> c.metric().compareName() + " " + c.metric().unit().symbol()),
            new Column<>("old", c -> value(c, c.before())),
            new Column<>("new", c -> value(c, c.after())),
            new Column<>("change", c -> percent(c.change().relative())),
            new Column<>("95% interval", c -> interval(c.change())),
            new Column<>("verdict", ChangeReport::verdict));

    private ChangeReport() {
    }

    public static void print(RunDiff diff, PrintWriter out) {
        if (!diff.changes().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            rows.add(Column.headers(COLUMNS));
            diff.changes().forEach(c -> rows.add(Column.values(COLUMNS, c)));
            ConsoleReport.align(rows, 3).forEach(out::println);
        }
        diff.unmatched().forEach(u -> out.println("  ! " + u));
        out.println();
        List<MetricChange> regressions = diff.regressions();
        List<MetricChange> improvements = diff.improvements();
        out.println(String.format(Locale.ROOT, "%d regression%s, %d improvement%s, %d unchanged (not significant)",
                regressions.size(), regressions.size() == 1 ? "" : "s", improvements.size(),
                improvements.size() == 1 ? "" : "s",
                diff.changes().size() - regressions.size() - improvements.size()));
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
