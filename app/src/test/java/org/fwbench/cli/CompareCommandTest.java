package org.fwbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.fwbench.result.Json;
import org.fwbench.run.SampleRuns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {

    @TempDir
    Path dir;

    private String old;
    private String now;

    @BeforeEach
    void save() throws Exception {
        Json.write(dir.resolve("old.json"), SampleRuns.standard());
        Json.write(dir.resolve("new.json"), SampleRuns.fastSlowedDown());
        old = dir.resolve("old.json").toString();
        now = dir.resolve("new.json").toString();
    }

    @Test
    void showsEachChangeAndSummarisesTheRegression() {
        CliRun run = CliRun.of("compare", old, now);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("fast +hello +throughput req/s +40,000 +32,000 +-20\\.0% +-2\\d\\.\\d% to "
                        + "-1\\d\\.\\d% +worse")
                .containsPattern("slow +hello +p99 ms +2\\.53 +2\\.53 +\\+0\\.0% .* ~")
                .contains("1 regression, 0 improvements, 17 unchanged (not significant)",
                        "  worse:  fast hello throughput: 40,000 -> 32,000 req/s, -20.0% (",
                        "  ! broken hello: not measured in the old run");
    }

    @Test
    void failOnRegressionExitsWith1OnlyBeyondTheGivenPercent() {
        CliRun beyond = CliRun.of("compare", old, now, "--fail-on-regression", "10");
        assertThat(beyond.exitCode()).isEqualTo(Main.EXIT_FAILED);
        assertThat(beyond.err()).startsWith("regression beyond 10.0%: fast hello throughput: 40,000 -> 32,000");
        assertThat(CliRun.of("compare", old, now, "--fail-on-regression", "25").exitCode()).isZero();
        assertThat(CliRun.of("compare", now, old, "--fail-on-regression", "0").exitCode()).isZero();
    }

    @Test
    void failIfChecksTheNewRunsFigures() {
        // fast hello fell from 40,000 to 32,000 req/s: only the new run breaks a limit of 35,000.
        CliRun broken = CliRun.of("compare", old, now, "--fail-if", "throughput < 35000");
        assertThat(broken.exitCode()).isEqualTo(Main.EXIT_FAILED);
        assertThat(broken.err()).contains("threshold violated: fast hello: throughput is 32,000 req/s")
                .contains("threshold violated: slow json: not measured");
        CliRun reversed = CliRun.of("compare", now, old, "--fail-if", "throughput < 35000");
        assertThat(reversed.err()).doesNotContain("fast hello: throughput");
        CliRun kept = CliRun.of("compare", old, now, "--fail-if", "p95 > 5 ms");
        assertThat(kept.err()).doesNotContain("p95 is");
    }

    @Test
    void badInputIsOneLineAndExit2() {
        CliRun negative = CliRun.of("compare", old, now, "--fail-on-regression", "-5");
        assertThat(negative.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(negative.err().strip()).isEqualTo("fwbench: --fail-on-regression must be a percentage of 0 or more, not -5.0");
        CliRun missing = CliRun.of("compare", old);
        assertThat(missing.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(missing.err()).startsWith("fwbench: Missing required parameter: 'NEW.json'");
        CliRun badLimit = CliRun.of("compare", old, now, "--fail-if", "p95>5");
        assertThat(badLimit.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(badLimit.err()).startsWith("fwbench: Invalid value for option '--fail-if' (EXPR): 'p95>5' is not a threshold");
    }
}
