package org.fwbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.fwbench.analysis.RunDiff;
import org.fwbench.result.Json;
import org.fwbench.result.RunResult;
import org.fwbench.result.RunSettings;
import org.fwbench.run.SampleRuns;
import org.junit.jupiter.api.Test;

/**
 * Every renderer's output on the sample run, byte for byte: a change in any of them is a change of behaviour
 * and shows as a diff of its golden file.
 */
class GoldenRenderersTest {

    /** Chart.js is inlined from its WebJar: the golden file keeps the page without the library's 200 KB. */
    private static final Pattern CHART_JS = Pattern.compile("<script>/\\*!\\s*\\* Chart\\.js.*?</script>", Pattern.DOTALL);

    @Test
    void consoleTable() throws Exception {
        Golden.assertMatches(printed(out -> ConsoleReport.print(SampleRuns.standard(), out)), "console.txt");
    }

    /** --repeat 1: no interval and no ranks, and the caption and the answer say so instead of ranking all 1=. */
    @Test
    void consoleTableOfOneRepeat() throws Exception {
        String text = printed(out -> ConsoleReport.print(SampleRuns.oneRepeat(), out));
        Golden.assertMatches(text, "console-one-repeat.txt");
    }

    /** A quick look says how many starts it measured: one unless --repeat asked for more, and then it has intervals. */
    @Test
    void aQuickLookSaysHowManyStartsItMeasured() {
        String one = printed(out -> ConsoleReport.print(quick(SampleRuns.oneRepeat()), out));
        assertThat(one).contains("[QUICK LOOK: one start per target, short loads; less certain than a full run]")
                .contains("QUICK LOOK: one start per target, short loads, warm-ups too short to be found steady; one "
                        + "measurement a cell gives no interval and no rank. Run without --quick before deciding.");
        String three = printed(out -> ConsoleReport.print(quick(SampleRuns.standard()), out));
        assertThat(three).contains("[QUICK LOOK: 3 starts per target, short loads; less certain than a full run]")
                .contains("QUICK LOOK: 3 starts per target, short loads, warm-ups too short to be found steady; its "
                        + "intervals understate how far another run could land.")
                .doesNotContain("one start");
    }

    private static RunResult quick(RunResult r) {
        RunSettings s = r.settings();
        return new RunResult(r.schemaVersion(), r.suite(), r.suiteFile(), r.startedAtMillis(), r.endedAtMillis(),
                r.commandLine(), r.environment(), new RunSettings(s.mode(), s.repeats(), s.restart(), s.phases(),
                        s.together(), s.measurementsPerStart(), s.seed(), s.rounds(), true),
                r.targets(), r.rankings(), r.interference());
    }

    /**
     * A target whose memory and CPU were not measured (a remote host): "not measured" in those columns with the
     * reason in its note, never a zero, and left out of the memory and CPU rankings and best marks.
     */
    @Test
    void targetWithoutMemory() throws Exception {
        Golden.assertMatches(printed(out -> ConsoleReport.print(SampleRuns.withRemote(), out)),
                "console-not-measured.txt");
        Golden.assertMatches(MarkdownReport.render(SampleRuns.withRemote()), "results-not-measured.md");
        Golden.assertMatches(CsvReport.render(SampleRuns.withRemote()), "results-not-measured.csv");
        assertThat(HtmlReport.render(SampleRuns.withRemote())).contains("<td>remote</td>")
                .contains("memory and CPU not measured (remote host)");
    }

    @Test
    void htmlPage() throws Exception {
        String html = HtmlReport.render(SampleRuns.standard());
        Golden.assertMatches(CHART_JS.matcher(html).replaceFirst("<script>[chart.js]</script>"), "report.html");
    }

    @Test
    void runToRunChanges() throws Exception {
        Golden.assertMatches(printed(out -> ChangeReport.print(
                RunDiff.of(SampleRuns.standard(), SampleRuns.fastSlowedDown()), out)), "compare.txt");
    }

    @Test
    void seedLayouts() throws Exception {
        Golden.assertMatches(printed(out -> SeedReports.seedCompare(SampleRuns.standard(), out)), "seed-compare.txt");
        Golden.assertMatches(printed(out -> SeedReports.ramp(SampleRuns.standard(), out)), "seed-ramp.txt");
        Golden.assertMatches(printed(out -> SeedReports.ab(SampleRuns.standard(), out)), "seed-ab.txt");
    }

    @Test
    void resultsJson() throws Exception {
        Golden.assertMatches(Json.MAPPER.writeValueAsString(SampleRuns.standard()), "results.json");
    }

    private static String printed(Consumer<PrintWriter> renderer) {
        StringWriter s = new StringWriter();
        renderer.accept(new PrintWriter(s));
        return s.toString();
    }
}
