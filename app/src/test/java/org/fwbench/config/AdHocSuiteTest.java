package org.fwbench.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdHocSuiteTest {

    @TempDir
    Path dir;

    @Test
    void buildsTheSuiteASuiteFileWouldGive() {
        Suite suite = new AdHocSuite().server("flask=python3 app.py ${port}").url("nginx=http://127.0.0.1:8080/")
                .pid("nginx=42").path("/hello").path("/api/users?id=1").path("/hello").method("post")
                .header("Accept: text/plain").body("x=1").expectStatus(201).expectBody("ok").build();

        assertThat(suite.name()).isEqualTo(AdHocSuite.NAME);
        assertThat(suite.directory()).as("${suiteDir} and relative paths: the current folder")
                .isEqualTo(Path.of("").toAbsolutePath());
        assertThat(suite.scenarios()).extracting(ScenarioDef::name).containsExactly("hello", "api-users-id-1", "hello-2");
        ScenarioDef first = suite.scenarios().getFirst();
        assertThat(first.method()).isEqualTo("POST");
        assertThat(first.headers()).containsExactly(Map.entry("Accept", "text/plain"));
        assertThat(first.body()).isEqualTo("x=1");
        assertThat(first.expect()).isEqualTo(new Expect(201, null, "ok", null, null, null, null, null, Map.of()));
        Readiness ready = new Readiness("/hello", Readiness.DEFAULT_TIMEOUT);
        assertThat(suite.targets()).containsExactly(
                TargetDef.builder("flask").command(List.of("python3", "app.py", "${port}")).ready(ready).build(),
                TargetDef.builder("nginx").url("http://127.0.0.1:8080").pid(42L).ready(ready).build());
    }

    @Test
    void withoutAPathTheRootIsTheScenario() {
        Suite suite = new AdHocSuite().url("a=http://127.0.0.1:1").build();
        assertThat(suite.scenarios()).extracting(ScenarioDef::name, ScenarioDef::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple("root", "/"));
    }

    @Test
    void eachMistakeIsOneLineNamingTheOption() {
        assertMessage(new AdHocSuite().path("/"), "name at least one server: --server NAME=COMMAND (started by "
                + "fwbench) or --url NAME=URL (already running)");
        assertMessage(new AdHocSuite().server("python3 app.py ${port}"), "--server 'python3 app.py ${port}': expected "
                + "NAME=COMMAND, e.g. --server 'flask=python3 app.py ${port}'");
        assertMessage(new AdHocSuite().server("flask=  "), "--server flask: the command is empty");
        assertMessage(new AdHocSuite().server("fl ask=x ${port}"), "--server 'fl ask=x ${port}': 'fl ask' is not a "
                + "target name (letters, digits, '.', '_' and '-')");
        assertMessage(new AdHocSuite().server("a=x ${prot}"), "--server a: unknown placeholder ${prot} (did you mean "
                + "${port}?); known: port, java, python, home, suiteDir, files");
        assertMessage(new AdHocSuite().server("a=x 'y"), "--server a: unclosed ' in: x 'y");
        assertThatThrownBy(() -> new AdHocSuite().server("a=python3 app.py 8080").build())
                .hasMessageStartingWith("--server a: the command has no ${port}");
        assertMessage(new AdHocSuite().server("a=x ${port}").server("a=y ${port}"),
                "--server a: a target named 'a' is given twice");
        assertMessage(new AdHocSuite().url("a=ftp://example.org:21"),
                "--url a: 'ftp://example.org:21' must start with http:// or https://");
        assertMessage(new AdHocSuite().url("a=http://127.0.0.1"),
                "--url a: 'http://127.0.0.1' must name a host and a port, e.g. http://127.0.0.1:8080");
        assertMessage(new AdHocSuite().url("a=http://127.0.0.1:1").pid("b=12"),
                "--pid b: no --url b=... to name the process of");
        assertMessage(new AdHocSuite().url("a=http://127.0.0.1:1").pid("a=x"),
                "--pid a: 'x' is not a process ID (or none, to measure its load only)");
        assertMessage(new AdHocSuite().url("a=http://127.0.0.1:1").path("hello"), "--path must start with /, not 'hello'");
        assertMessage(new AdHocSuite().url("a=http://127.0.0.1:1").header("Accept text"),
                "-H 'Accept text': expected 'Name: value', e.g. -H 'Accept: text/plain'");
        assertMessage(new AdHocSuite().url("a=http://127.0.0.1:1").expectStatus(99),
                "--expect-status must be an HTTP status from 100 to 599, not 99");
        assertThatThrownBy(() -> new AdHocSuite().url("a=http://127.0.0.1:1").expectJson("{x").build())
                .hasMessageStartingWith("--expect-json is not JSON: ");
    }

    private static void assertMessage(AdHocSuite suite, String message) {
        assertThatThrownBy(suite::build).isInstanceOf(SuiteException.class).hasMessage(message);
    }

    @Test
    void writtenAsASuiteFileItReadsBackAsTheSameSuite() throws Exception {
        LoadSettings load = LoadSettings.builder().duration(Duration.ofMillis(1500)).warmup(Duration.ZERO)
                .connections(8).rate(100.5).keepAlive(false).build();
        Suite adHoc = new AdHocSuite()
                .server("py=${python} -m http.server ${port} --bind 127.0.0.1")
                .server("odd=sh -c 'echo \"a: b\" # yes' ${port} true 1 null '{x}' '- y' '${port}x'")
                .url("nginx=http://127.0.0.1:8080").pid("nginx=7").url("far=http://127.0.0.1:8081").pid("far=none")
                .path("/").path("/a b?c=1#d").method("PUT")
                .header("X-A: 1").header("Accept: */*").body("yes").expectStatus(204).expectBody("true")
                .expectJson("{\"a\": [1, \"2\", \"yes\", null, true, 1.50], \"b\": {\"c\": \"${port}\"}}")
                .load(load).build();
        Path file = dir.resolve("mine.yaml");
        Files.writeString(file, SuiteWriter.write(adHoc));

        Suite read = SuiteLoader.load(file);

        assertThat(read.name()).isEqualTo(adHoc.name());
        assertThat(read.load()).isEqualTo(load);
        assertThat(read.scenarios()).isEqualTo(adHoc.scenarios());
        assertThat(read.targets()).isEqualTo(adHoc.targets());
        assertThat(read.targets()).filteredOn(TargetDef::pidNone).extracting(TargetDef::name).containsExactly("far");
        assertThat(Files.readString(file)).contains("# Servers fwbench starts", "# Each scenario is a request",
                "pid: none");
    }
}
