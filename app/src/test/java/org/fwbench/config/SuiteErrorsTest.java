package org.fwbench.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SuiteErrorsTest {

    /** A valid suite; each case below breaks one thing in it. */
    private static final String VALID = """
            name: t
            scenarios:
              - name: a
                path: /a
            targets:
              - name: x
                command: [run]
            """;

    @TempDir
    Path dir;

    static Stream<Arguments> oneProblem() {
        return Stream.of(
                Arguments.of("malformed YAML", """
                        name: t
                        scenarios: [
                        targets: x
                        """, "4:1: malformed YAML: while parsing a flow sequence, expected ',' or ']', but got <stream end>"),
                Arguments.of("malformed YAML: indentation", "name: t\n  bad: x\n",
                        "2:6: malformed YAML: mapping values are not allowed here"),
                Arguments.of("placeholder unquoted in a flow list", VALID.replace("[run]", "[${java}]"),
                        "7:15: malformed YAML: while parsing a flow sequence, expected ',' or ']', but got { "
                                + "(inside [...] and {...} a placeholder must be quoted: \"${name}\")"),
                Arguments.of("empty file", "# nothing\n", "1:1: the file is empty"),
                Arguments.of("two documents", VALID + "---\nname: u\n",
                        "9:1: a suite is a single YAML document, but another one starts here"),
                Arguments.of("not a mapping", "- a\n- b\n",
                        "1:1: a suite must be a mapping with 'name', 'scenarios' and 'targets', not a list"),
                Arguments.of("alias", VALID.replace("[run]", "&cmd [run]") + "  - name: y\n    command: *cmd\n",
                        "9:14: YAML aliases (*cmd) are not supported: use 'vars' instead"),
                Arguments.of("unknown top-level key", VALID.replace("name: t", "name: t\nscenario: []"),
                        "2:1: unknown key 'scenario' in the suite (did you mean 'scenarios'?)"),
                Arguments.of("unknown key in a target", VALID.replace("command:", "comand:"),
                        "6:5: target 'x' has no 'command'\n@7:5: unknown key 'comand' in target 'x' (did you mean 'command'?)"),
                Arguments.of("both command and url", VALID.replace("command: [run]", "command: [run]\n    url: http://127.0.0.1:8080"),
                        "7:14: target 'x' has both 'command' and 'url': either fwbench starts it, or it is already running at the url"),
                Arguments.of("a start key on a url target", VALID.replace("command: [run]", "url: http://127.0.0.1:8080\n    port: 9"),
                        "8:11: 'port' does not apply to a target given by 'url': fwbench neither starts nor stops it"),
                Arguments.of("a bad url", VALID.replace("command: [run]", "url: 127.0.0.1:8080"),
                        "7:10: '127.0.0.1:8080' must start with http:// or https://"),
                Arguments.of("an unknown protocol", VALID.replace("path: /a", "path: /a\n    protocol: http2"),
                        "5:15: 'protocol' must be one of http1.1, h2c, h2, not \"http2\" (HTTP/2 is h2 over TLS, h2c in "
                                + "cleartext)"),
                Arguments.of("a misspelt protocol", VALID.replace("path: /a", "path: /a\n    protocol: http1"),
                        "5:15: 'protocol' must be one of http1.1, h2c, h2, not \"http1\" (did you mean 'http1.1'?)"),
                Arguments.of("h2 on a cleartext target", VALID.replace("path: /a", "path: /a\n    protocol: h2"),
                        "5:15: scenario 'a' speaks h2, but target 'x' is cleartext: h2 runs over TLS only (give the "
                                + "target 'tls: true' and start it with TLS), h2c is HTTP/2 in cleartext"),
                Arguments.of("h2c on a TLS target", VALID.replace("path: /a", "path: /a\n    protocol: h2c")
                                .replace("[run]", "[run, --tls]\n    tls: true"),
                        "5:15: scenario 'a' speaks h2c, but target 'x' serves TLS: use h2 (or http1.1) with it"),
                Arguments.of("tls that is not a boolean", VALID.replace("[run]", "[run]\n    tls: 1"),
                        "8:10: 'tls' must be true or false, not 1"),
                Arguments.of("tls contradicting the url", VALID.replace("command: [run]",
                                "url: http://127.0.0.1:8080\n    tls: true"),
                        "8:10: 'tls: true' contradicts the url http://127.0.0.1:8080: an https url serves TLS, an http one "
                                + "does not (leave 'tls' out)"),
                Arguments.of("no streams", VALID.replace("path: /a", "path: /a\n    load: {streams: 0}"),
                        "5:21: 'streams' must be a positive whole number, not 0"),
                Arguments.of("a pid without url", VALID.replace("command: [run]", "command: [run]\n    pid: 12"),
                        "8:10: 'pid' names the process of a target given by 'url'"),
                Arguments.of("a missing template file", VALID.replace("command: [run]", "command: [run]\n    files: {a.conf: nope.in}"),
                        "8:21: cannot read the template @DIR/nope.in (no such file)"),
                Arguments.of("a bad file name", VALID.replace("command: [run]", "command: [run]\n    files: {../a: x}"),
                        "8:13: '../a' must be a plain file name (letters, digits, '.', '_', '-')\n@8:19: cannot read the template @DIR/x (no such file)"),
                Arguments.of("unknown key without a close match", VALID.replace("path: /a", "path: /a\n    colour: red"),
                        "5:5: unknown key 'colour' in scenario 'a'"),
                Arguments.of("unknown key in a nested section", VALID.replace("path: /a",
                        "path: /a\n    expect: {stauts: 200}"),
                        "5:14: unknown key 'stauts' in 'expect' of scenario 'a' (did you mean 'status'?)"),
                Arguments.of("unknown load key", VALID.replace("path: /a", "path: /a\n    load:\n      conections: 2"),
                        "6:7: unknown key 'conections' in 'load' of scenario 'a' (did you mean 'connections'?)"),
                Arguments.of("missing suite name", VALID.replace("name: t\n", ""), "1:1: the suite has no 'name'"),
                Arguments.of("missing targets", VALID.substring(0, VALID.indexOf("targets:")),
                        "1:1: the suite has no 'targets'"),
                Arguments.of("missing command", VALID.replace("    command: [run]\n", "    port: 9000\n"),
                        "6:5: target 'x' has no 'command'"),
                Arguments.of("missing path, unnamed scenario", VALID.replace("  - name: a\n    path: /a", "  - method: GET"),
                        "3:5: scenario #1 has no 'name'\n@3:5: scenario #1 has no 'path'"),
                Arguments.of("not a whole number", VALID.replace("name: t", "name: t\nload: {connections: ten}"),
                        "2:21: 'connections' must be a positive whole number, not \"ten\""),
                Arguments.of("zero connections", VALID.replace("name: t", "name: t\nload: {connections: 0}"),
                        "2:21: 'connections' must be a positive whole number, not 0"),
                Arguments.of("fraction of a request", VALID.replace("name: t", "name: t\nload: {requests: 1.5}"),
                        "2:18: 'requests' must be a whole number, 0 or more, not 1.5"),
                Arguments.of("negative rate", VALID.replace("name: t", "name: t\nload: {rate: -1}"),
                        "2:14: 'rate' must be a number, 0 or more, not -1"),
                Arguments.of("unknown arrivals", VALID.replace("name: t", "name: t\nload: {arrivals: bursty}"),
                        "2:18: 'arrivals' must be even or poisson, not \"bursty\""),
                Arguments.of("bad duration", VALID.replace("name: t", "name: t\nload: {duration: 5}"),
                        "2:18: 'duration' must be a duration such as 500ms, 10s or 1m, not 5"),
                Arguments.of("zero timeout", VALID.replace("name: t", "name: t\nload: {timeout: 0s}"),
                        "2:17: 'timeout' must be a duration longer than 0 such as 500ms, 10s or 1m, not \"0s\""),
                Arguments.of("quoted boolean", VALID.replace("name: t", "name: t\nload: {keepAlive: \"no\"}"),
                        "2:19: 'keepAlive' must be true or false, not \"no\""),
                Arguments.of("no way to end", VALID.replace("name: t", "name: t\nload: {duration: 0s}"),
                        "4:5: scenario 'a' has neither a 'duration' nor a request count ('requests') to end it"),
                Arguments.of("port out of range", VALID.replace("[run]", "[run]\n    port: 70000"),
                        "8:11: 'port' must be a port number from 1 to 65535, not 70000"),
                Arguments.of("status out of range", VALID.replace("path: /a", "path: /a\n    expect: {status: 999}"),
                        "5:22: 'status' must be an HTTP status from 100 to 599, not 999"),
                Arguments.of("command as a shell string", VALID.replace("[run]", "java -jar x.jar"),
                        "7:14: 'command' must be a list of strings, not \"java -jar x.jar\""),
                Arguments.of("empty command", VALID.replace("[run]", "[]"), "7:14: 'command' must not be empty"),
                Arguments.of("command item not a string", VALID.replace("[run]", "[run, {a: b}]"),
                        "7:20: each item of 'command' must be a string, not a mapping"),
                Arguments.of("env value not a string", VALID.replace("[run]", "[run]\n    env: {A: [1]}"),
                        "8:14: 'env' value of 'A' must be a string, not a list"),
                Arguments.of("empty value", VALID.replace("name: t", "name:"), "1:6: 'name' must be a string, not empty"),
                Arguments.of("bad scenario name", VALID.replace("name: a", "name: Plain Text"),
                        "3:11: 'name' must be lowercase letters, digits and '-', not \"Plain Text\""),
                Arguments.of("path without slash", VALID.replace("path: /a", "path: a"),
                        "4:11: 'path' must be a path starting with /, not \"a\""),
                Arguments.of("bad method", VALID.replace("path: /a", "path: /a\n    method: GE T"),
                        "5:13: 'method' must be an HTTP method such as GET or POST, not \"GE T\""),
                Arguments.of("bad header name", VALID.replace("path: /a", "path: /a\n    headers: {\"X Y\": z}"),
                        "5:15: \"X Y\" is not a valid header name"),
                Arguments.of("duplicate key", VALID.replace("path: /a", "path: /a\n    path: /b"),
                        "5:5: duplicate key 'path' (first at line 4)"),
                Arguments.of("duplicate scenario", VALID.replace("targets:", "  - name: a\n    path: /b\ntargets:"),
                        "5:11: duplicate scenario name 'a' (first at line 3)"),
                Arguments.of("duplicate target", VALID + "  - name: x\n    command: [other]\n",
                        "8:11: duplicate target name 'x' (first at line 6)"),
                Arguments.of("no scenarios", VALID.replace("  - name: a\n    path: /a\n", "").replace("scenarios:",
                        "scenarios: []"), "2:12: 'scenarios' must list at least one scenario"),
                Arguments.of("scenarios not a list", VALID.replace("scenarios:", "scenarios: a\nx:").replace("  - name: a\n    path: /a\n", ""),
                        "2:12: 'scenarios' must be a list, not \"a\"\n@3:1: unknown key 'x' in the suite"),
                Arguments.of("version of the wrong type", VALID.replace("[run]", "[run]\n    version: [1]"),
                        "8:14: 'version' must be a string or a mapping with 'command', not a list"),
                Arguments.of("version without command", VALID.replace("[run]", "[run]\n    version: {cmd: [v]}"),
                        "8:14: 'version' of target 'x' has no 'command'\n@8:15: unknown key 'cmd' in 'version' of "
                                + "target 'x'"),
                Arguments.of("paths naming no scenario", VALID.replace("[run]", "[run]\n    paths: {b: /b, a: c}"),
                        "8:13: 'paths' names no scenario of this suite: 'b' (did you mean 'a'?)\n"
                                + "@8:23: the path of 'a' must start with /, not \"c\""),
                Arguments.of("ready path without slash", VALID.replace("[run]", "[run]\n    ready: {path: health}"),
                        "8:19: 'path' must be a path starting with /, not \"health\""),
                Arguments.of("zero ready timeout beside a missing command", VALID.replace("command: [run]",
                        "ready: {timeout: 0s}"), "6:5: target 'x' has no 'command'\n@7:22: 'timeout' must be a "
                                + "duration longer than 0 such as 500ms, 10s or 1m, not \"0s\""),
                Arguments.of("unknown placeholder", VALID.replace("[run]", "[run, \"${prot}\"]"),
                        "7:20: unknown placeholder ${prot} (did you mean ${port}?); known: port, java, python, home, suiteDir, files"),
                Arguments.of("unknown placeholder in env", VALID.replace("[run]", "[run]\n    env: {A: \"${jvmm}\"}")
                                .replace("name: t", "name: t\nvars: {jvm: [a, b]}"),
                        "9:14: unknown placeholder ${jvmm} (did you mean ${jvm}?); known: port, java, python, home, "
                                + "suiteDir, files, jvm"),
                Arguments.of("unknown placeholder in a path", VALID.replace("path: /a", "path: /${x}"),
                        "4:11: unknown placeholder ${x}; known: port, java, python, home, suiteDir, files"),
                Arguments.of("list inside a longer string", VALID.replace("[run]", "[run, \"-D${jvm}\"]")
                                .replace("name: t", "name: t\nvars: {jvm: [a, b]}"),
                        "8:20: ${jvm} is a list: it can only be a whole command element on its own"),
                Arguments.of("list as an env value", VALID.replace("[run]", "[run]\n    env: {A: \"${jvm}\"}")
                                .replace("name: t", "name: t\nvars: {jvm: [a, b]}"),
                        "9:14: ${jvm} is a list: it can only be a whole command element on its own"),
                Arguments.of("unclosed placeholder", VALID.replace("[run]", "[run, \"${port\"]"),
                        "7:20: unclosed '${' in \"${port\" (write $$ for a literal dollar)"),
                Arguments.of("variables that refer to each other", VALID.replace("name: t",
                        "name: t\nvars: {a: \"${b}\", b: \"x${a}\"}"),
                        "2:11: ${a} refers to itself: a -> b -> a\n@2:22: ${b} refers to itself: b -> a -> b"),
                Arguments.of("variable naming an unknown placeholder", VALID.replace("name: t",
                        "name: t\nvars: {a: \"${nope}\"}").replace("[run]", "[\"${a}\"]"),
                        "2:11: unknown placeholder ${nope}; known: port, java, python, home, suiteDir, files, a"),
                Arguments.of("variable shadowing a built-in", VALID.replace("name: t", "name: t\nvars: {port: 1}"),
                        "2:8: 'port' is a built-in placeholder: choose another name"),
                Arguments.of("variable of the wrong type", VALID.replace("name: t", "name: t\nvars: {a: {b: c}}"),
                        "2:11: variable 'a' must be a string or a list of strings, not a mapping"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneProblem")
    void reportsEachProblemAsFileLineColumnAndWhatIsWrong(String kind, String yaml, String expected) throws IOException {
        Path file = write(yaml);

        SuiteException e = catchThrowableOfType(SuiteException.class, () -> SuiteLoader.load(file));

        assertThat(e).as(kind).isNotNull();
        assertThat(e.problems()).containsExactly((file + ":" + expected.replace("@DIR", dir.toString()))
                .replace("\n@", "\n" + file + ":").split("\n"));
    }

    @Test
    void reportsEveryProblemOfAFileInFileOrder() throws IOException {
        Path file = write("""
                name: t
                load: {connections: ten}
                scenarios:
                  - name: a
                    path: a
                targets:
                  - name: x
                    comand: [run]
                    env: {A: "${nope}"}
                """);

        SuiteException e = catchThrowableOfType(SuiteException.class, () -> SuiteLoader.load(file));

        assertThat(e.getMessage()).isEqualTo(String.join("\n",
                file + ":2:21: 'connections' must be a positive whole number, not \"ten\"",
                file + ":5:11: 'path' must be a path starting with /, not \"a\"",
                file + ":7:5: target 'x' has no 'command'",
                file + ":8:5: unknown key 'comand' in target 'x' (did you mean 'command'?)",
                file + ":9:14: unknown placeholder ${nope}; known: port, java, python, home, suiteDir, files"));
    }

    @Test
    void aMissingFileIsOneLineWithoutAPosition() {
        Path file = dir.resolve("nowhere.yaml");

        assertThat(catchThrowableOfType(SuiteException.class, () -> SuiteLoader.load(file)))
                .hasMessage(file + ": no such file");
    }

    @Test
    void theExampleSuiteIsValid() throws IOException {
        assertThat(SuiteLoader.load(write(VALID)).targets()).hasSize(1);
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("suite.yaml"), yaml);
    }
}
