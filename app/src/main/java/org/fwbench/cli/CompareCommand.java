package org.fwbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.fwbench.analysis.MetricChange;
import org.fwbench.analysis.RunDiff;
import org.fwbench.report.ChangeReport;
import org.fwbench.result.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fwbench compare OLD.json NEW.json}: what changed between two runs, and whether it is more than noise. */
@Command(name = "compare", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        description = {"Compares two saved runs: per target x scenario, the change of throughput, p50, p95, p99, memory "
                + "after the load and server CPU per request, with its 95%% interval and whether it is significant.",
                "--fail-if limits apply to the new run's figures, as 'fwbench report NEW.json --fail-if' would; "
                        + "changes are judged by --fail-on-regression.",
                "Exit codes: 0 ok; 1 --fail-on-regression was exceeded or a --fail-if limit broken; 2 usage error."})
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

    @Mixin
    FailIfOption failIf = new FailIfOption();

    @Override
    public Integer call() {
        if (failOnRegression != null && (failOnRegression < 0 || failOnRegression.isNaN())) {
            throw new UsageException("--fail-on-regression must be a percentage of 0 or more, not " + failOnRegression);
        }
        RunResult newer = Results.read(after);
        RunDiff diff = RunDiff.of(Results.read(before), newer);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Comparing " + before + " (old) with " + after + " (new)");
        ChangeReport.print(diff, out);
        PrintWriter err = spec.commandLine().getErr();
        List<MetricChange> beyond = failOnRegression == null ? List.of() : diff.regressionsBeyond(failOnRegression);
        beyond.forEach(c -> err.println("regression beyond " + failOnRegression + "%: " + ChangeReport.line(c)));
        err.flush();
        boolean violated = failIf.violated(newer, err);
        return beyond.isEmpty() && !violated ? 0 : Main.EXIT_FAILED;
    }
}
