package org.fwbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Mistyped options, commands and URLs: the whole one-line message, as a user sees it (golden wording). */
class MistypedInputTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "hammer --conections 5 http://127.0.0.1:1/|Unknown option: '--conections' (did you mean --connections?)",
        "hammer --duraton=5s http://127.0.0.1:1/|Unknown option: '--duraton=5s' (did you mean --duration?)",
        "hammer --bogus --timout 1s http://127.0.0.1:1/|Unknown options: '--bogus' (did you mean --body?), '--timout'",
        "run --scenaros plaintext|Unknown option: '--scenaros' (did you mean --scenarios?)",
        "hamer http://127.0.0.1:1/|unknown command 'hamer' (did you mean hammer or merge or sample?); the commands are run, init, hammer, merge, sample, k8s-job, report, compare, help",
        "hammer 127.0.0.1:8080/|not an http URL: '127.0.0.1:8080/' has no scheme (did you mean http://127.0.0.1:8080/ ?)",
        "hammer localhost:8080/x|not an http URL: 'localhost:8080/x' has no scheme (did you mean http://localhost:8080/x ?)",
        "hammer http://127.0.0.1:1/ extra|Unmatched argument at index 2: 'extra'",
        "hammer -R 10 --arrivals bursty http://127.0.0.1:1/|--arrivals must be even or poisson, not bursty",
        "hammer --arrivals poisson http://127.0.0.1:1/|--arrivals spaces an open model's arrivals: give -R/--rate too"})
    void saysWhatWasMistypedAndSuggestsTheNearestName(String commandLine, String message) {
        CliRun r = CliRun.of(commandLine.split(" "));
        assertThat(r.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(r.err()).isEqualTo("fwbench: " + message + System.lineSeparator());
    }
}
