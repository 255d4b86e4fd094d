package org.fwbench.cli;

import java.io.PrintWriter;
import java.util.List;
import org.fwbench.analysis.Threshold;
import org.fwbench.analysis.Violation;
import org.fwbench.result.RunResult;
import picocli.CommandLine.Option;

/**
 * {@code --fail-if}, as {@code run}, {@code report} and {@code compare} take it: limits checked on one run's
 * results (on {@code compare}, the new run's).
 */
final class FailIfOption {

    @Option(names = "--fail-if", paramLabel = "EXPR", converter = ThresholdConverter.class,
            description = "Exit 1 when a target x scenario breaks this limit, e.g. 'p99>50ms', 'errors>0', "
                    + "'rss>200MiB', 'throughput<1000' (repeatable; see docs/report.md).")
    List<Threshold> thresholds = List.of();

    /** Prints each violated threshold; true when there was any. */
    boolean violated(RunResult result, PrintWriter out) {
        List<Violation> violations = Threshold.checkAll(thresholds, result);
        violations.forEach(v -> out.println("threshold violated: " + v.describe()));
        out.flush();
        return !violations.isEmpty();
    }
}
