package org.fwbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.fwbench.analysis.MetricChange;
import org.fwbench.analysis.RunDiff;
import org.fwbench.report.ChangeReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fwbench compare OLD.json NEW.json}: what changed between two runs, and whether it is more than noise. */
@Command(name = "compare", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        description = {"Compares two saved runs: per target x scenario, the change of throughput, p50, p99, memory "
                + "after the load and server CPU per request, with its 95%% interval and whether it is significant.",
                "Exit codes: 0 ok; 1 --fail-on-regression was exceeded; 2 usage error."})
public final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD.json", description = "The baseline results.json.")
    Path before;

    @Parameters(index = "1", paramLabel = "NEW.json", description = "The results.json to judge.")
    Path after;

    @Option(names = "--fail-on-regression", paramLabel = "PCT",
            description = "Exit 1 when a regression (its whole interval beyond the metric's noise floor) is worse "
                    + "than PCT percent (e.g. 10: 10%% less throughput, or 10%% more latency, memory or CPU).")
    Double failOnRegression;

    @Override
    public Integer call() {
        if (failOnRegression != null && (failOnRegression < 0 || failOnRegression.isNaN())) {
            throw new UsageException("--fail-on-regression must be a percentage of 0 or more, not " + failOnRegression);
        }
        RunDiff diff = RunDiff.of(Results.read(before), Results.read(after));
        PrintWriter out = spec.commandLine().getOut();
        out.println("Comparing " + before + " (old) with " + after + " (new)");
        ChangeReport.print(diff, out);
        if (failOnRegression == null) {
            return 0;
        }
        List<MetricChange> beyond = diff.regressionsBeyond(failOnRegression);
        PrintWriter err = spec.commandLine().getErr();
        beyond.forEach(c -> err.println("regression beyond " + failOnRegression + "%: " + ChangeReport.line(c)));
        err.flush();
        return beyond.isEmpty() ? 0 : Main.EXIT_FAILED;
    }
}
