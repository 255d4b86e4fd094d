package org.fwbench.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.fwbench.load.LoadModel;
import org.fwbench.result.Json;
import org.junit.jupiter.api.Test;

class SuiteLoaderTest {

    private static final Path SUITES = Path.of("src/test/resources/suites");

    @Test
    void readsEveryKey() throws Exception {
        Suite suite = SuiteLoader.load(SUITES.resolve("full.yaml"));

        assertThat(suite.name()).isEqualTo("full");
        assertThat(suite.description()).isEqualTo("Every key once");
        assertThat(suite.vars()).containsExactly(
                Map.entry("jvm", List.of("-Xms16m", "-Xmx32m")),
                Map.entry("greeting", List.of("Hello")),
                Map.entry("jar", List.of("${suiteDir}/app.jar")),
                Map.entry("all", List.of("${jvm}", "-jar", "${jar}")));
        assertThat(suite.load()).isEqualTo(LoadSettings.builder().duration(Duration.ofSeconds(3))
                .warmup(Duration.ofMillis(500)).connections(4).rate(100.5).requests(0L).timeout(Duration.ofSeconds(1))
                .keepAlive(false).spawnRate(2.0).thinkTime(Duration.ofMillis(10)).arrivals(LoadModel.Arrivals.POISSON)
                .build());

        ScenarioDef plaintext = suite.scenario("plaintext").orElseThrow();
        assertThat(plaintext.method()).isEqualTo("GET");
        assertThat(plaintext.body()).isEmpty();
        assertThat(plaintext.headers()).isEmpty();
        assertThat(plaintext.load()).isEqualTo(LoadSettings.EMPTY);
        assertThat(plaintext.expect()).isEqualTo(new Expect(200, "text/plain; charset=utf-8", "Hello, World!", null,
                null, null, null, null, Map.of("Server", "*")));

        ScenarioDef echo = suite.scenario("echo").orElseThrow();
        assertThat(echo.method()).isEqualTo("POST");
        assertThat(echo.path()).isEqualTo("/echo");
        assertThat(echo.headers()).containsExactly(Map.entry("Content-Type", "application/json"),
                Map.entry("X-Trace", "1"));
        assertThat(echo.body()).isEqualTo("{\"a\": 1}");
        JsonNode json = Json.MAPPER.readTree("{\"a\": 1, \"list\": [true, null, 2.5], \"text\": \"x\"}");
        assertThat(echo.expect()).isEqualTo(new Expect(201, null, null, "a", json,
                SUITES.resolve("page.html").toAbsolutePath().normalize(), "0123abcd", 8L, Map.of()));
        assertThat(echo.load()).isEqualTo(LoadSettings.builder().duration(Duration.ofSeconds(1)).connections(2)
                .keepAlive(true).build());

        TargetDef first = suite.target("first").orElseThrow();
        assertThat(first).isEqualTo(TargetDef.builder("first").command(List.of("${java}", "${all}", "${port}", "$${port}"))
                .cwd("sub/${greeting}").env(Map.of("GREETING", "${greeting}, ${port}", "PLAIN", "plain")).port(8123)
                .ready(new Readiness("/health", Duration.ofSeconds(5))).version(new VersionSource("1.2.3", null))
                .requires(List.of("${python}", "-c", "import sys")).paths(Map.of("echo", "/other-echo")).build());
        assertThat(first.pathFor(echo)).isEqualTo("/other-echo");
        assertThat(first.pathFor(plaintext)).isEqualTo("/plaintext");

        TargetDef second = suite.target("second").orElseThrow();
        assertThat(second.version()).isEqualTo(new VersionSource(null, List.of("${java}", "-version")));
        assertThat(second.cwd()).isEqualTo(".");
        assertThat(second.port()).isNull();
        assertThat(second.requires()).isEmpty();
        assertThat(second.ready()).as("the first scenario's path for this target")
                .isEqualTo(new Readiness("/text", Duration.ofSeconds(30)));
        assertThat(suite.target("third")).isEmpty();
        assertThat(suite.scenario("third")).isEmpty();
    }

    @Test
    void fillsDefaultsForWhatAMinimalSuiteLeavesOut() {
        Suite suite = SuiteLoader.load(SUITES.resolve("minimal.yaml"));

        assertThat(suite.description()).isNull();
        assertThat(suite.vars()).isEmpty();
        assertThat(suite.load()).isEqualTo(LoadSettings.EMPTY);
        ScenarioDef root = suite.scenarios().get(0);
        assertThat(root).isEqualTo(new ScenarioDef("root", "GET", "/", Map.of(), "", Expect.status(200),
                LoadSettings.EMPTY, HttpProtocol.HTTP_1_1));
        assertThat(suite.targets().get(0)).isEqualTo(TargetDef.builder("only").command(List.of("server", "${port}"))
                .ready(new Readiness("/", Duration.ofSeconds(30))).build());
        assertThat(suite.loadFor(root, LoadSettings.EMPTY)).isEqualTo(LoadSettings.DEFAULTS);
    }

    @Test
    void loadSettingsLayerDefaultsThenSuiteThenScenarioThenCommandLine() {
        Suite suite = SuiteLoader.load(SUITES.resolve("full.yaml"));
        ScenarioDef echo = suite.scenario("echo").orElseThrow();
        LoadSettings commandLine = LoadSettings.builder().connections(64).requests(1000L).build();

        assertThat(suite.loadFor(echo, commandLine)).isEqualTo(LoadSettings.builder()
                .duration(Duration.ZERO) // a request count on the command line, with no duration there, means exactly that many
                .warmup(Duration.ofMillis(500)) // suite over default
                .connections(64) // command line over scenario
                .rate(100.5).requests(1000L).timeout(Duration.ofSeconds(1))
                .keepAlive(true) // scenario over suite
                .spawnRate(2.0).thinkTime(Duration.ofMillis(10)).streams(1).arrivals(LoadModel.Arrivals.POISSON).build());
        LoadSettings both = LoadSettings.builder().duration(Duration.ofSeconds(3)).requests(1000L).build();
        assertThat(suite.loadFor(echo, both).duration()).as("duration and count given together: whichever ends first")
                .isEqualTo(Duration.ofSeconds(3));
        assertThat(LoadSettings.DEFAULTS.overriddenBy(LoadSettings.EMPTY)).isEqualTo(LoadSettings.DEFAULTS);
        assertThat(LoadSettings.EMPTY.overriddenBy(LoadSettings.DEFAULTS)).isEqualTo(LoadSettings.DEFAULTS);
    }

    @Test
    void theHttp2SuitesAskForH2OverTlsAndH2cInCleartext() {
        Suite h2 = SuiteLoader.load(Path.of("../suites/java-h2.yaml"));
        Suite h2c = SuiteLoader.load(Path.of("../suites/java-h2c.yaml"));

        List<String> five = List.of("jetty", "undertow", "netty", "vertx", "helidon");
        assertThat(h2.targets()).extracting(TargetDef::name).containsExactlyElementsOf(five);
        assertThat(h2.targets()).allSatisfy(t -> assertThat(t.tls()).isTrue())
                .allSatisfy(t -> assertThat(t.command()).endsWith("${port}", "--tls"));
        assertThat(h2.scenarios()).extracting(ScenarioDef::protocol).containsExactly(HttpProtocol.H2, HttpProtocol.H2,
                HttpProtocol.H2, HttpProtocol.H2, HttpProtocol.H2, HttpProtocol.HTTP_1_1);
        assertThat(h2.loadFor(h2.scenarios().get(0), LoadSettings.EMPTY).streams()).isEqualTo(8);
        assertThat(h2c.targets()).extracting(TargetDef::name).containsExactlyElementsOf(five);
        assertThat(h2c.targets()).allSatisfy(t -> assertThat(t.tls()).isFalse())
                .allSatisfy(t -> assertThat(t.command()).endsWith("${port}", "--h2c"));
        assertThat(h2c.scenarios()).extracting(ScenarioDef::protocol).containsExactly(HttpProtocol.H2C,
                HttpProtocol.H2C, HttpProtocol.H2C, HttpProtocol.H2C, HttpProtocol.H2C, HttpProtocol.HTTP_1_1);
        assertThat(SuiteLoader.load(Path.of("../suites/python-h2.yaml")).targets())
                .allSatisfy(t -> assertThat(t.tls()).isTrue());
    }

    @Test
    void anHttpsUrlServesTls() {
        assertThat(TargetDef.builder("web").url("https://127.0.0.1:8443").build().tls()).isTrue();
        assertThat(TargetDef.builder("web").url("http://127.0.0.1:8080").build().tls()).isFalse();
        assertThat(TargetDef.builder("web").command(List.of("run", "--tls")).tls(true).build().scheme()).isEqualTo("https");
        assertThat(TargetUrl.problem("https://127.0.0.1:8443/api")).isEmpty();
    }

    @Test
    void theBuiltInJavaSuiteLoadsAndExpandsToTheTargetJars() {
        Suite suite = SuiteLoader.load(Path.of("../suites/java.yaml"));

        assertThat(suite.targets()).extracting(TargetDef::name)
                .containsExactly("jdk-httpserver", "jetty", "undertow", "netty", "vertx", "javalin", "helidon");
        assertThat(suite.scenarios()).extracting(ScenarioDef::name)
                .containsExactly("plaintext", "json", "hello", "template", "static");
        Path home = Path.of("..").toAbsolutePath().normalize();
        Placeholders placeholders = Placeholders.of(suite, home, "python3").withPort(9000);
        assertThat(placeholders.argv(suite.target("jetty").orElseThrow().command())).containsExactly(
                Placeholders.javaCommand(), "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-Xss512k", "-jar",
                home + "/targets/java/jetty/target/fwbench-target-jetty.jar", "9000");
        assertThat(suite.scenario("template").orElseThrow().expect().html())
                .isEqualTo(home.resolve("targets/common/template-expected.html"));
        LoadSettings settings = suite.loadFor(suite.scenarios().get(0), LoadSettings.EMPTY);
        // Each start: one warm-up (its maximum) and the five measured loads; a round starts the seven targets once.
        // Three rounds in about 6 minutes (docs/agreement.md: 336-371 s on 2 cores).
        assertThat(settings.warmup().plus(settings.duration().multipliedBy(5)).multipliedBy(7))
                .as("longest load time of a round, leaving room for the JVM starts and the fixed rate")
                .isLessThanOrEqualTo(Duration.ofSeconds(125));
    }
}
