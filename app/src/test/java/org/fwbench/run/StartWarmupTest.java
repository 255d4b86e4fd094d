package org.fwbench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.fwbench.config.LoadSettings;
import org.fwbench.config.Mode;
import org.fwbench.config.Suite;
import org.fwbench.config.SuiteLoader;
import org.fwbench.load.LoadEngine;
import org.fwbench.result.Warmup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One warm-up per start over all its scenarios, in turn, against a real target process. */
class StartWarmupTest {

    @TempDir
    Path dir;

    private Process target;

    @AfterEach
    void stop() {
        if (target != null) {
            target.destroyForcibly();
        }
    }

    @Test
    void theScenariosAreLoadedInTurnAndEachSaysHowItsWarmupWent() throws Exception {
        int port = MeasurerTest.freePort();
        target = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-cp", System.getProperty("java.class.path"), TestTarget.class.getName(), String.valueOf(port), "ok")
                .redirectErrorStream(true).redirectOutput(dir.resolve("target.log").toFile()).start();
        URI base = URI.create("http://127.0.0.1:" + port);
        MeasurerTest.awaitAnswer(base.resolve("/plaintext"));
        List<RunPlan.PlannedScenario> scenarios = scenarios();
        List<StartWarmup.Route> routes = scenarios.stream()
                .map(s -> new StartWarmup.Route(s, base.resolve(s.def().path()))).toList();
        Map<String, Integer> progressBy = new ConcurrentHashMap<>();

        Map<String, Warmup> warmups;
        try (LoadEngine engine = new LoadEngine()) {
            warmups = StartWarmup.run(engine, OptionalLong.of(target.pid()), routes, (name, p) -> {
                assertThat(p.warmup()).isTrue();
                progressBy.merge(name, 1, Integer::sum);
            });
        }

        assertThat(warmups).containsOnlyKeys("plaintext", "json", "cold");
        Warmup plaintext = warmups.get("plaintext");
        Warmup json = warmups.get("json");
        // Loaded in turn: neither route got more than one interval ahead of the other.
        assertThat(plaintext.intervals()).isPositive();
        assertThat(Math.abs(plaintext.intervals() - json.intervals())).isLessThanOrEqualTo(1);
        // One warm-up of the start: both report its total time and attempts.
        assertThat(plaintext.seconds()).isEqualTo(json.seconds());
        assertThat(plaintext.requests()).isEqualTo(json.requests()).isPositive();
        for (Warmup w : List.of(plaintext, json)) {
            assertThat(w.state()).isIn(Warmup.State.STEADY, Warmup.State.UNSTEADY);
            if (w.state() == Warmup.State.STEADY) {
                assertThat(w.steadyAfterSeconds()).isLessThan(w.seconds());
                assertThat(w.steadyAfterRequests()).isLessThan(w.requests());
            }
        }
        // A scenario with no warm-up is not loaded at all.
        assertThat(warmups.get("cold")).isEqualTo(Warmup.NONE);
        // Progress comes about once a second of a load, so a 250 ms interval may report none; what came was named.
        assertThat(progressBy.keySet()).isSubsetOf("plaintext", "json");
    }

    @Test
    void withNoWarmupAnywhereNothingIsLoaded() throws Exception {
        List<StartWarmup.Route> routes = scenarios().stream().filter(s -> s.name().equals("cold"))
                .map(s -> new StartWarmup.Route(s, URI.create("http://127.0.0.1:9/"))).toList();
        try (LoadEngine engine = new LoadEngine()) {
            assertThat(StartWarmup.run(engine, OptionalLong.empty(), routes, (n, p) -> { }))
                    .containsExactly(Map.entry("cold", Warmup.NONE));
        }
    }

    private List<RunPlan.PlannedScenario> scenarios() throws IOException {
        Path file = dir.resolve("suite.yaml");
        Files.writeString(file, """
                name: test
                load:
                  warmup: 2s
                  connections: 4
                  timeout: 1s
                scenarios:
                  - name: plaintext
                    path: /plaintext
                  - name: json
                    path: /json
                  - name: cold
                    path: /json
                    load: {warmup: 0s}
                targets:
                  - name: t
                    command: [x]
                """);
        Suite suite = SuiteLoader.load(file);
        return new ArrayList<>(Plans.scenarios(suite, suite.scenarios(), Mode.STANDARD, LoadSettings.EMPTY));
    }
}
