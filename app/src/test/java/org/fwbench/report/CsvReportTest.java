package org.fwbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fwbench.run.SampleRuns;
import org.junit.jupiter.api.Test;

class CsvReportTest {

    @Test
    void matchesTheGoldenFile() throws Exception {
        Golden.assertMatches(CsvReport.render(SampleRuns.standard()), "results.csv");
    }

    @Test
    void everyRowHasTheHeadersColumnsAndQuotesAreDoubled() {
        String csv = CsvReport.render(SampleRuns.run("s", List.of(SampleRuns.failedTarget("x",
                "said \"no\", twice\nthen died", List.of(), List.of("hello")))));
        assertThat(csv.lines().toList().getFirst().split(",")).hasSize(CsvReport.HEADER.size());
        assertThat(csv).contains("\"said \"\"no\"\", twice\nthen died\"");
    }
}
