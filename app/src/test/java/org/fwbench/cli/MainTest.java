package org.fwbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void versionNamesTheToolAndTheJdk() {
        assertThat(execute("--version")).isZero();
        assertThat(out.toString()).startsWith("fwbench ").contains("Java ");
    }

    @Test
    void anUnknownOptionIsOneLineAndExitCode2() {
        assertThat(execute("--bogus")).isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString().strip()).startsWith("fwbench: Unknown option: '--bogus'").doesNotContain("\tat ");
    }

    @Test
    void aResultsFolderThatCannotBeMadeIsOneLineNotAStackTrace() throws Exception {
        Path blocker = Files.createTempFile("fwbench", ".txt");
        try {
            int code = execute("run", "../suites/java.yaml", "--out", blocker.resolve("out").toString());
            assertThat(code).isEqualTo(Main.EXIT_USAGE);
            assertThat(err.toString().strip()).startsWith("fwbench: cannot use " + blocker.resolve("out"))
                    .doesNotContain("\tat ");
            assertThat(err.toString().strip().lines()).hasSize(1);
        } finally {
            Files.deleteIfExists(blocker);
        }
    }

    @Test
    void noCommandIsAUsageError() {
        assertThat(execute()).isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString()).contains("Missing a command");
    }
}
