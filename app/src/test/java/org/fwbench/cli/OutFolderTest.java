package org.fwbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
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

    @Test
    void aFolderWithAnEarlierRunIsRefusedAndLeftAsItWas() throws Exception {
        Path out = earlierRun();
        CliRun r = CliRun.of("run", "../suites/java.yaml", "--scenarios", "plaintext", "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(r.err().strip()).isEqualTo("fwbench: " + out + " holds an earlier run; choose another --out, "
                + "or add --force to replace it");
        assertThat(out.resolve("results.json")).hasContent("{}");
        assertThat(out.resolve("logs/old.log")).exists();
    }

    @Test
    void forceRemovesTheEarlierRunsFilesAndKeepsOthers() throws Exception {
        Path out = earlierRun();
        Files.writeString(out.resolve("notes.txt"), "mine");
        OutFolder.prepare(out, true);
        assertThat(out.resolve("results.json")).doesNotExist();
        assertThat(out.resolve("report.html")).doesNotExist();
        assertThat(out.resolve("logs")).isEmptyDirectory();
        assertThat(out.resolve("notes.txt")).hasContent("mine");
    }

    @Test
    void aFreshOrUnrelatedFolderIsUsedAsItIs() throws Exception {
        Path out = dir.resolve("mine");
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "mine");
        OutFolder.prepare(out, false);
        assertThat(out.resolve("logs")).isEmptyDirectory();
        assertThat(out.resolve("notes.txt")).hasContent("mine");
    }

    private Path earlierRun() throws Exception {
        Path out = dir.resolve("earlier");
        Files.createDirectories(out.resolve("logs"));
        Files.writeString(out.resolve("results.json"), "{}");
        Files.writeString(out.resolve("report.html"), "<html>");
        Files.writeString(out.resolve("logs/old.log"), "old");
        return out;
    }
}
