package org.fwbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fwbench.run.SampleRuns;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

    @Test
    void matchesTheGoldenFile() throws Exception {
        Golden.assertMatches(MarkdownReport.render(SampleRuns.standard()), "results.md");
    }

    @Test
    void textFromTargetsCannotBecomeMarkupOrBreakTheTable() {
        String md = MarkdownReport.render(SampleRuns.run("s", List.of(SampleRuns.failedTarget("a|b<i>",
                "died: <b>boom</b> | *x*", List.of(), List.of("hello")))));
        assertThat(md).contains("a\\|b&lt;i&gt;").contains("died: &lt;b&gt;boom&lt;/b&gt; \\| \\*x\\*")
                .doesNotContain("<b>");
    }
}
