package org.fwbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.fwbench.report.CsvReport;
import org.fwbench.result.Json;
import org.fwbench.report.MarkdownReport;
import org.fwbench.run.SampleRuns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

    @TempDir
    Path dir;

    private Path results;

    @BeforeEach
    void save() throws Exception {
        results = dir.resolve("results.json");
        Json.write(results, SampleRuns.standard());
    }

    @Test
    void resultsOfSchemaVersionOneAreReportedAndComparedWithTheirAnalysisDrawnAgain() {
        String v1 = "src/test/resources/schema-1/results.json";
        CliRun run = CliRun.of("report", v1);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Scenario hello", "p95 ms", "40,000 ± 1,897 *", "=> fast: 2.01x");

        CliRun diff = CliRun.of("compare", v1, results.toString());
        assertThat(diff.exitCode()).as(diff.err()).isZero();
        assertThat(diff.out()).contains("fast", "hello");
    }

    @Test
    void withoutOptionsPrintsTheComparisonTable() {
        CliRun run = CliRun.of("report", results.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Scenario hello", "req/s", "40,000 ± 1,897 *", "! broken: failed:");
    }

    @Test
    void writesHtmlMarkdownAndCsvFromSavedResults() throws Exception {
        Path html = dir.resolve("out/report.html");
        CliRun run = CliRun.of("report", results.toString(), "--html", html.toString(), "--md",
                dir.resolve("r.md").toString(), "--csv", dir.resolve("r.csv").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("id=\"throughput-0\"");
        assertThat(Files.readString(dir.resolve("r.md"))).isEqualTo(MarkdownReport.render(SampleRuns.standard()));
        assertThat(Files.readString(dir.resolve("r.csv"))).isEqualTo(CsvReport.render(SampleRuns.standard()));
        assertThat(run.out()).contains("Wrote " + html).doesNotContain("Scenario hello");
    }

    @Test
    void aViolatedThresholdIsPrintedAndExitsWith1() {
        CliRun run = CliRun.of("report", results.toString(), "--fail-if", "p99>2ms", "--fail-if", "errors>0");
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_FAILED);
        assertThat(run.err()).contains("threshold violated: slow hello: p99 is 2.53 ms (--fail-if p99>2ms)",
                "threshold violated: slow hello: errors is 3 (--fail-if errors>0)");
        assertThat(CliRun.of("report", results.toString(), "--fail-if", "p99>1h", "--csv",
                dir.resolve("x.csv").toString()).err()).doesNotContain("fast hello");
    }

    @Test
    void aBadThresholdIsOneLineAndExit2() {
        CliRun run = CliRun.of("report", results.toString(), "--fail-if", "p99>50");
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(run.err().strip()).startsWith("fwbench: Invalid value for option '--fail-if' (EXPR): 'p99>50' is not a "
                + "threshold: p99 needs a time").doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void aMissingOrForeignFileIsOneLineAndExit2() throws Exception {
        CliRun missing = CliRun.of("report", dir.resolve("nope.json").toString());
        assertThat(missing.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(missing.err().strip()).isEqualTo("fwbench: no results file at " + dir.resolve("nope.json"));
        Files.writeString(dir.resolve("bad.json"), "{\"targets\": 5");
        CliRun bad = CliRun.of("report", dir.resolve("bad.json").toString());
        assertThat(bad.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(bad.err().strip()).startsWith("fwbench: " + dir.resolve("bad.json") + " is not fwbench results")
                .doesNotContain("\n");
        Files.writeString(dir.resolve("other.json"), "{\"hello\": 1}");
        assertThat(CliRun.of("report", dir.resolve("other.json").toString()).err().strip())
                .isEqualTo("fwbench: " + dir.resolve("other.json") + " is not fwbench results (it has no schemaVersion)");
        Files.writeString(dir.resolve("future.json"), "{\"schemaVersion\": 99}");
        assertThat(CliRun.of("report", dir.resolve("future.json").toString()).err().strip()).isEqualTo("fwbench: "
                + dir.resolve("future.json") + " has results of schema version 99; this fwbench reads versions 1 and 2");
    }
}
