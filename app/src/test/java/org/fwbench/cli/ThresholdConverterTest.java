package org.fwbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThresholdConverterTest {

    @Test
    void runRejectsABadThresholdBeforeStartingAnything() {
        CliRun run = CliRun.of("run", "--fail-if", "rss>200", "--no-pin", "--out", "/nonexistent/never-created");
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(run.err().strip()).isEqualTo("fwbench: Invalid value for option '--fail-if' (EXPR): 'rss>200' is "
                + "not a threshold: '200' is not a size (examples: 200MiB, 1.5GiB, 300MB) (metrics: throughput, p50, "
                + "p90, p95, p99, p999, p9999, max, errors, rss, pss, peak-rss, peak-pss, cpu, fixed-cpu, fixed-p99, startup)");
    }
}
