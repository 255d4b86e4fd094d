package org.fwbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** The results folder of {@code fwbench run}: made only for a valid plan, never mixing two runs. */
class OutFolderTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"--scenarios=smal", "--targets=ngnix", "--repeat=0", "--mode=nope"})
    void aRefusedRunLeavesNoResultsFolder(String badOption) {
        Path out = dir.resolve("results");
        CliRun r = CliRun.of("run", "../suites/java.yaml", badOption, "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(out).doesNotExist();
    }
}
