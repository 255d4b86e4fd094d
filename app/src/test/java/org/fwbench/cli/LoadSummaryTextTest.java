package org.fwbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.fwbench.load.LoadResult.ClientCpu;
import org.fwbench.load.LoadResult;
import org.fwbench.stats.LatencySummary;
import org.junit.jupiter.api.Test;

class LoadSummaryTextTest {

    private static LoadResult result(String model, boolean saturated) {
        LatencySummary l = new LatencySummary(1000, 1.5, 0.5, 0.8, 1.2, 2.0, 5.0, 12.5, 250, 900, 1500);
        return new LoadResult(model, 50, 1000, 990, 10, Map.of("200", 990L, "503", 5L),
                Map.of("timeout", 5L, "connect", 0L, "status", 5L), 10, 99, 100, 3 << 20, 314572.8, l,
                model.equals("open") ? l : null, model.equals("open") ? l : null, new ClientCpu(2, 2000, saturated ? 0.97 : 0.2, saturated),
                0, 10_000, List.of(), "", "http://127.0.0.1:8080/", null, List.of(0), null, null, false, null, null, null);
    }

    @Test
    void showsTheFiguresPeopleLookFor() {
        String text = LoadSummaryText.render(result("closed", false));
        assertThat(text).contains("closed model, 50 connections, 10.00s measured")
                .contains("800us").contains("12.50ms").contains("1.50s")
                .contains("1000 (ok 990, failed 10, 99.00% ok): 100.0 req/s, throughput 99.0 ok/s")
                .contains("3.00 MiB read, 307.20 KiB/s")
                .contains("Statuses   200 990, 503 5")
                .contains("Errors     status 5, timeout 5")
                .contains("CPU 2.00s, 2000.0 us/request, 20% of the CPUs it may use")
                .doesNotContain("WARNING").doesNotContain("Service");
    }

    @Test
    void warnsWhenTheEngineWasSaturatedAndShowsTheOpenModelsParts() {
        String text = LoadSummaryText.render(result("open", true));
        assertThat(text).contains("WARNING: the load engine itself was saturated (97% of its CPUs)")
                .contains("Latency*").contains("Service").contains("Wait").contains("coordinated omission");
    }
}
