package org.fwbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fwbench.report.ConsoleReport;
import org.fwbench.report.ReportFiles;
import org.fwbench.result.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fwbench report RESULTS.json}: the reports of a saved run, again or in another form. */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        description = {"Renders saved results: the comparison table on the console, or HTML, Markdown or CSV files.",
                "Exit codes: 0 ok; 1 a --fail-if threshold was violated; 2 usage error."})
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RESULTS.json", description = "A results.json written by fwbench run.")
    Path results;

    @Option(names = "--html", paramLabel = "FILE", description = "Write the self-contained HTML report (charts included).")
    Path html;

    @Option(names = "--md", paramLabel = "FILE", description = "Write the Markdown report.")
    Path markdown;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write one CSV row per target x scenario.")
    Path csv;

    @Mixin
    FailIfOption failIf = new FailIfOption();

    @Override
    public Integer call() throws IOException {
        RunResult result = Results.read(results);
        PrintWriter out = spec.commandLine().getOut();
        if (html == null && markdown == null && csv == null) {
            ConsoleReport.print(result, out);
        }
        for (Path file : ReportFiles.write(result, html, markdown, csv)) {
            out.println("Wrote " + file);
        }
        out.flush();
        return failIf.violated(result, spec.commandLine().getErr()) ? Main.EXIT_FAILED : 0;
    }
}
