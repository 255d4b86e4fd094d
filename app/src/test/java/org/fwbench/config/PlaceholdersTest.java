package org.fwbench.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    private static final Path FULL = Path.of("src/test/resources/suites/full.yaml");
    private static final Path HOME = Path.of("/opt/fwbench");

    private final Suite suite = SuiteLoader.load(FULL);
    private final Placeholders placeholders = Placeholders.of(suite, HOME, "/usr/bin/python3");
    private final String suiteDir = FULL.toAbsolutePath().normalize().getParent().toString();

    @Test
    void splicesListsExpandsVariablesWithinVariablesAndKeepsEscapedDollars() {
        TargetDef first = suite.target("first").orElseThrow();

        assertThat(placeholders.withPort(8123).argv(first.command())).containsExactly(
                Placeholders.javaCommand(), "-Xms16m", "-Xmx32m", "-jar", suiteDir + "/app.jar", "8123", "${port}");
        assertThat(placeholders.argv(first.requires())).containsExactly("/usr/bin/python3", "-c", "import sys");
    }

    @Test
    void expandsEnvCwdAndSingleStrings() {
        TargetDef first = suite.target("first").orElseThrow();
        Placeholders withPort = placeholders.withPort(9000);

        assertThat(withPort.env(first.env())).containsExactly(Map.entry("GREETING", "Hello, 9000"),
                Map.entry("PLAIN", "plain"));
        assertThat(withPort.cwd(first)).isEqualTo(Path.of(suiteDir, "sub", "Hello"));
        assertThat(withPort.cwd(suite.target("second").orElseThrow())).isEqualTo(Path.of(suiteDir));
        assertThat(withPort.expand("${home}/x $HOME $$ cost ${greeting}")).isEqualTo("/opt/fwbench/x $HOME $ cost Hello");
        assertThat(withPort.expand("")).isEmpty();
    }

    @Test
    void saysWhatIsWrongInOneLine() {
        assertThatThrownBy(() -> placeholders.argv(List.of("${port}")))
                .isInstanceOf(SuiteException.class)
                .hasMessage("${port} is not known until a port is chosen for the target");
        assertThatThrownBy(() -> placeholders.expand("${greting}"))
                .hasMessage("unknown placeholder ${greting} (did you mean ${greeting}?); known: port, java, python, "
                        + "home, suiteDir, files, jvm, greeting, jar, all");
        assertThatThrownBy(() -> placeholders.expand("-D${jvm}"))
                .hasMessage("${jvm} is a list: it can only be a whole command element on its own");
        assertThatThrownBy(() -> placeholders.argv(List.of("x${all}")))
                .hasMessage("${all} is a list: it can only be a whole command element on its own");
        assertThatThrownBy(() -> placeholders.expand("${}")).hasMessage("'${}' is not a placeholder name (letters, digits, _ . -)");
    }

    @Test
    void theJavaPlaceholderRunsTheJdkRunningFwbench() throws Exception {
        List<String> argv = placeholders.argv(List.of("${java}", "-version"));
        Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(output).contains(Integer.toString(Runtime.version().feature()));
    }

    @Test
    void pythonComesFromTheEnvironmentOrTheUsualPlace() {
        assertThat(Placeholders.defaultPython(Map.of("FWBENCH_PYTHON", "/opt/py/bin/python3.12")))
                .isEqualTo("/opt/py/bin/python3.12");
        assertThat(Placeholders.defaultPython(Map.of("FWBENCH_PYTHON", " ")))
                .isEqualTo(Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3");
    }
}
