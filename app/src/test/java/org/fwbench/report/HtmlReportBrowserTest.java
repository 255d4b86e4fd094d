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
