package org.fwbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.fwbench.result.AtomicFiles;
import org.fwbench.report.ConsoleReport;
import org.fwbench.report.CsvReport;
import org.fwbench.report.HtmlReport;
import org.fwbench.report.MarkdownReport;
import org.fwbench.result.RunResult;
import org.fwbench.threshold.Threshold;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fwbench report RESULTS.json}: the reports of a saved run, again or in another form. */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
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

    @Option(names = "--fail-if", paramLabel = "EXPR", converter = ThresholdConverter.class,
            description = "Exit 1 when a target x scenario breaks this limit, e.g. 'p99>50ms', 'errors>0', "
                    + "'rss>200MiB', 'throughput<1000' (repeatable; see docs/report.md).")
    List<Threshold> failIf = List.of();

    @Override
    public Integer call() throws IOException {
        RunResult result = Results.read(results);
        PrintWriter out = spec.commandLine().getOut();
        if (html == null && markdown == null && csv == null) {
            ConsoleReport.print(result, out);
        }
        write(html, () -> HtmlReport.render(result), out);
        write(markdown, () -> MarkdownReport.render(result), out);
        write(csv, () -> CsvReport.render(result), out);
        return Results.violated(failIf, result, spec.commandLine().getErr()) ? Main.EXIT_FAILED : 0;
    }

    private static void write(Path file, Supplier<String> renderer, PrintWriter out) throws IOException {
        if (file != null) {
            AtomicFiles.write(file, renderer.get());
            out.println("Wrote " + file);
            out.flush();
        }
    }
}
