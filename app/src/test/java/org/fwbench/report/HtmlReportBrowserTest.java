package org.fwbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fwbench.result.Measurement;
import org.fwbench.result.TargetResult;
import org.fwbench.run.SampleRuns;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a generated report in a real browser (Debian's chromium, headless) and checks that its scripts ran
 * without errors and drew every chart. Keeps the page and a screenshot under target/browser-test/ as artifacts.
 */
class HtmlReportBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path ARTIFACTS = Path.of("target/browser-test");
    /** Five charts per measured scenario: throughput, spectrum, CPU, memory, memory timeline. */
    private static final int CHARTS = 5 * 2;
    private static final Pattern CANVAS = Pattern.compile("<canvas id=\"([a-z]+-\\d+)\"[^>]*\\swidth=\"(\\d+)\"[^>]*\\sheight=\"(\\d+)\"");

    @TempDir
    static Path profile;

    private static Path page;

    @BeforeAll
    static void writeReport() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM), "no browser at " + CHROMIUM + " (apt-get install -y chromium)");
        Files.createDirectories(ARTIFACTS);
        page = ARTIFACTS.resolve("report.html").toAbsolutePath();
        Files.writeString(page, HtmlReport.render(HtmlReportTest.evil()), StandardCharsets.UTF_8);
    }

    @Test
    void rendersEveryChartWithoutScriptErrors() throws Exception {
        Browser run = chromium(page, "--dump-dom");
        String dom = run.stdout();
        assertThat(run.consoleMessages()).as("console errors").isEmpty();
        assertThat(dom).as("the page's error hook").doesNotContain("data-errors=");
        assertThat(dom).contains("data-rendered=\"" + CHARTS + "\"");
        List<String> sized = new ArrayList<>();
        Matcher m = CANVAS.matcher(dom);
        while (m.find()) {
            if (Integer.parseInt(m.group(2)) > 0 && Integer.parseInt(m.group(3)) > 0) {
                sized.add(m.group(1));
            }
        }
        assertThat(sized).hasSize(CHARTS).contains("throughput-0", "spectrum-0", "cpu-0", "memory-0", "timeline-1");
        // The hostile target name arrived in the DOM as text, not as an element.
        assertThat(dom).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<img src=\"x\"");
    }

    @Test
    void keepsAScreenshot() throws Exception {
        Path png = ARTIFACTS.resolve("report.png").toAbsolutePath();
        Files.deleteIfExists(png);
        Browser run = chromium(page, "--screenshot=" + png, "--window-size=1400,2600", "--hide-scrollbars");
        assertThat(run.consoleMessages()).isEmpty();
        assertThat(png).exists();
        assertThat(Files.size(png)).isGreaterThan(20_000);
    }

    /**
     * The default suite's seven targets with their long versions and wide "median ± half-width" figures: every
     * summary table must fit a 1400 px window (nothing scrolls sideways, no column is cut off).
     */
    @Test
    void theSummaryTablesFitA1400PixelWindow() throws Exception {
        String[][] targets = {{"jdk-httpserver", "jdk.httpserver 25.0.3+9-LTS"}, {"jetty", "Jetty 12.1.14"},
                {"undertow", "Undertow 2.4.4.Final"}, {"netty", "Netty 4.2.18.Final"}, {"vertx", "Vert.x 5.1.6"},
                {"javalin", "Javalin 7.2.3"}, {"helidon", "Helidon 4.4.0"}};
        List<TargetResult> results = new ArrayList<>();
        for (int t = 0; t < targets.length; t++) {
            List<Measurement> ms = new ArrayList<>();
            for (int r = 1; r <= 3; r++) {
                // Noisy repeats make the widest cells: "14,822 ± 15,910 *".
                ms.add(SampleRuns.measurement(r, 14_822.0 * (t + 1) * r, 0.9 * r, 100 + 7 * r, true, 1_447.0 * r, r));
            }
            results.add(SampleRuns.target(targets[t][0], targets[t][1], 85, List.of(SampleRuns.scenario("plaintext", ms))));
        }
        String html = HtmlReport.render(SampleRuns.run("java", results));
        // Counts the scrolling table containers once the page has loaded.
        Path wide = ARTIFACTS.resolve("report-seven-targets.html").toAbsolutePath();
        Files.writeString(wide, html.replace("</body>", "<script>window.addEventListener('load', function () {"
                + "var s = document.querySelectorAll('.scroll'); var n = 0; for (var i = 0; i < s.length; i++) {"
                + "if (s[i].scrollWidth > s[i].clientWidth) n++; }"
                + "document.documentElement.setAttribute('data-tables', s.length + ' ' + n); });</script></body>"),
                StandardCharsets.UTF_8);
        Browser run = chromium(wide, "--dump-dom", "--window-size=1400,900");
        assertThat(run.stdout()).as("one table, none wider than the window").contains("data-tables=\"1 0\"");
        chromium(wide, "--screenshot=" + ARTIFACTS.resolve("report-seven-targets.png").toAbsolutePath(),
                "--window-size=1400,900", "--hide-scrollbars");
    }

    @Test
    void theseChecksSeeAFailingScript() throws Exception {
        Path broken = profile.resolve("broken.html");
        Files.writeString(broken,
                "<html><body><script>console.error('bad'); throw new Error('boom')</script></body></html>");
        assertThat(chromium(broken, "--dump-dom").consoleMessages()).hasSize(2)
                .anyMatch(l -> l.contains("Uncaught Error: boom"));
    }

    private record Browser(String stdout, List<String> stderr) {

        /**
         * Chromium logs everything the page's console receives as {@code INFO:CONSOLE} lines, whatever the level
         * (console.error and uncaught exceptions alike); the report logs nothing, so every such line counts.
         */
        List<String> consoleMessages() {
            return stderr.stream().filter(l -> l.contains(":CONSOLE")).toList();
        }
    }

    private static Browser chromium(Path file, String... mode) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile.resolve("p" + System.nanoTime()),
                "--enable-logging=stderr", "--v=0"));
        command.addAll(List.of(mode));
        command.add(file.toUri().toString());
        Path out = Files.createTempFile(profile, "stdout", ".txt");
        Path err = Files.createTempFile(profile, "stderr", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("chromium finished within 30 s").isTrue();
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        return new Browser(Files.readString(out), Files.readAllLines(err));
    }
}
