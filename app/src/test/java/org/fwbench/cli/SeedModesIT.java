package org.fwbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seeds' three experiments, each end to end against built-in Java targets. */
class SeedModesIT {

    private static final Duration LIMIT = Duration.ofMinutes(3);

    @TempDir
    Path dir;

    @Test
    void seedCompareHammersEachTargetWithNewConnectionsAndPrintsTheSeedsLines() throws Exception {
        // The mode's default: calls arriving at the seed loop's pace, a new connection each, no cap in flight.
        // 1000 calls at 800/s: a window of 1.25 s, so that the engine's JIT compilation of its first calls (a few
        // hundred milliseconds of CPU) does not fill it; 300 calls filled a window of 0.37 s: "SATURATED".
        FwbenchProcess.Result r = FwbenchProcess.run(dir, LIMIT, "run", "--mode", "seed-compare", "-n", "1000",
                "--targets", "jdk-httpserver,netty", "--scenarios", "hello", "--out", dir.resolve("out").toString());

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout())
                .contains("Started these independent subprocesses: jdk-httpserver (", "MEM(rss,vms)=(")
                .contains("Now hammering each of those servers  1000 times, with a 1.000 seconds timeout:  jdk-httpserver netty - Done."
                        + "   [arriving at 800/s at random moments (Poisson), a new connection each, no cap on those in flight]")
                .containsPattern("jdk-httpserver .*/hello/World +took \\d+\\.\\d{4} seconds/call, with 100\\.0% success - Counter\\(\\{200: 1000\\}\\)")
                .containsPattern("fwbench's own CPU \\d+ us/call\\]")
                .doesNotContain("SATURATED")
                .contains("Now after all those calls, measure memory again", "Killing PIDs: ");
    }

    @Test
    void abRunsTheSameServerRepeatedlyAndShowsEachRunAndTheMean() throws Exception {
        FwbenchProcess.Result r = FwbenchProcess.run(dir, LIMIT, "run", "--mode", "ab", "-n", "200", "--repeat", "3",
                "--targets", "netty", "--scenarios", "template", "--out", dir.resolve("out").toString());

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).containsPattern("netty: +\\d+ +\\d+ +\\d+ +mean \\S+, median \\S+, 95% CI \\S+-\\S+, cv \\d+%");
    }

    @Test
    void rampAddsUsersAndReportsWhereFailuresBegan() throws Exception {
        FwbenchProcess.Result r = FwbenchProcess.run(dir, LIMIT, "run", "--mode", "ramp", "-d", "2s", "--users", "20",
                "--spawn-rate", "20", "--think-time", "50ms", "--targets", "netty", "--scenarios", "plaintext",
                "--out", dir.resolve("out").toString());

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("Users at first failure")
                .containsPattern("netty +\\d+ +\\S+ +\\d+\\.\\d\\d +0 +none");
    }
}
