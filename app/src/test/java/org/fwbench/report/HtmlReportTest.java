package org.fwbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fwbench.result.Json;
import org.fwbench.result.RunResult;
import org.fwbench.run.SampleRuns;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    private static final String EVIL = "<script>alert(1)</script>";
    private static final Pattern DATA = Pattern.compile(
            "<script type=\"application/json\" id=\"fwbench-data\">(.*?)</script>", Pattern.DOTALL);

    /** A target, a version, a suite, a reason and a log line that try to put markup into the page. */
    static RunResult evil() {
        RunResult sample = SampleRuns.standard();
        var fast = sample.targets().get(0);
        var renamed = SampleRuns.target(EVIL, "1.0\" onmouseover=\"x()", 40, fast.scenarios());
        var failed = SampleRuns.failedTarget("<img src=x onerror=alert(2)>", "died: <b>boom</b> & </script>\u2028",
                List.of("<iframe src=\"http://example.invalid\">"), List.of("hello"));
        return SampleRuns.run("suite <i>x</i>", List.of(renamed, sample.targets().get(1), failed));
    }

    @Test
    void everythingFromResultsAppearsAsText() {
        String html = HtmlReport.render(evil());
        assertThat(html).doesNotContain(EVIL, "<img src=x", "<b>boom", "<iframe", "<i>x</i>", "\" onmouseover")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src&#x3D;x onerror&#x3D;alert(2)&gt;",
                        "died: &lt;b&gt;boom&lt;/b&gt; &amp; &lt;/script&gt;", "suite &lt;i&gt;x&lt;/i&gt;");
        // Exactly the page's own four script elements: the error hook, the data, Chart.js and the page's script.
        assertThat(Pattern.compile("<script", Pattern.CASE_INSENSITIVE).matcher(html).results().count()).isEqualTo(4);
    }

    @Test
    void chartDataIsScriptSafeJsonThatReadsBackToTheNames() throws Exception {
        String html = HtmlReport.render(evil());
        Matcher m = DATA.matcher(html);
        assertThat(m.find()).isTrue();
        String json = m.group(1);
        assertThat(json).doesNotContain("<", ">", "\u2028");
        Map<?, ?> data = Json.MAPPER.readValue(json, Map.class);
        assertThat(data.get("targets")).isEqualTo(List.of(EVIL, "slow", "<img src=x onerror=alert(2)>"));
    }

    @Test
    void theFileNeedsNoNetwork() {
        String html = HtmlReport.render(SampleRuns.standard());
        assertThat(html).doesNotContainPattern("(?i)<(script|img|iframe)[^>]*\\ssrc=")
                .doesNotContainPattern("(?i)<link\\b").doesNotContain("@import", "sourceMappingURL");
        assertThat(html).contains("Chart.js v4", "id=\"throughput-0\"", "id=\"spectrum-1\"", "id=\"timeline-0\"");
    }

    @Test
    void showsTheSummaryFailuresEnvironmentAndCommandLine() {
        String html = HtmlReport.render(SampleRuns.standard());
        assertThat(html).contains("<td>fast</td>", "1.2.3",
                "broken: failed: exited with code 1 before it answered",
                "slow: response 1: expected status 200, got 500",
                "Test CPU @ 3.0GHz", "6.1.0-test", "OpenJDK 25 (Temurin)",
                "load engine on CPUs 0, targets on CPUs 1", "fwbench run suites/sample.yaml --repeat 3",
                "Traceback:\nImportError");
        assertThat(html).containsPattern("2\\.\\d\\dx \\(\\d\\.\\d\\d–\\d\\.\\d\\d\\) slow, significant");
    }

    @Test
    void aRunWhereNothingWasMeasuredStillRendersWithItsReasons() throws Exception {
        RunResult r = SampleRuns.run("s", List.of(SampleRuns.failedTarget("only", "port 8080 already in use",
                List.of(), List.of("hello"))));
        String html = HtmlReport.render(r);
        assertThat(html).contains("No target was measured on this scenario.", "only: failed: port 8080 already in use")
                .doesNotContain("<canvas");
        Matcher m = DATA.matcher(html);
        assertThat(m.find()).isTrue();
        assertThat(Json.MAPPER.readTree(m.group(1)).get("scenarios").get(0).get("throughput").get("targets")).isEmpty();
    }
}
