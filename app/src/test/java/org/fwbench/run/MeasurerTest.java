package org.fwbench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.fwbench.config.LoadSettings;
import org.fwbench.config.Mode;
import org.fwbench.config.Suite;
import org.fwbench.config.SuiteLoader;
import org.fwbench.load.LoadEngine;
import org.fwbench.memory.MemoryProbe;
import org.fwbench.proc.ProcFs;
import org.fwbench.result.Disturbance;
import org.fwbench.result.FixedRate;
import org.fwbench.result.Measurement;
import org.fwbench.result.Warmup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The measurer's interference accounting and remeasurement against a real target and real neighbours. */
class MeasurerTest {

    private static final LoadSettings SHORT = LoadSettings.builder().duration(Duration.ofMillis(400))
            .warmup(Duration.ZERO).connections(4).timeout(Duration.ofSeconds(1)).build();

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void aNeighbourSpinningIsOthersCpuAndTheTargetsAndOurOwnAreNot() throws Exception {
        assumeThat(ProcFs.isPresent()).isTrue();
        InterferenceWindow window = InterferenceWindow.open();
        Process spinner = spin(500);
        assertThat(spinner.waitFor(10, TimeUnit.SECONDS)).isTrue();
        Disturbance unexplained = window.close(0);
        // The spinner is neither fwbench nor the target: about half a CPU-second of others' time, at least.
        assertThat(unexplained.othersCpuSeconds()).isGreaterThan(0.2);
        assertThat(unexplained.coresTaken()).isGreaterThan(Disturbance.LIMIT_CORES);

        InterferenceWindow again = InterferenceWindow.open();
        // The same CPU said to be the target's: subtracted, never below zero.
        assertThat(again.close(1000).othersCpuSeconds()).isZero();
        // fwbench's own compilers are read apart from the rest of its CPU (which is the load's)
        assertThat(unexplained.engineCompilerSeconds()).isBetween(0.0, unexplained.seconds());
    }

    @Test
    void fwbenchsOwnCompilersTakeFromTheLoadAsOthersDo() {
        // 0.1 of a core to a neighbour and 0.2 to the engine's JIT: together beyond the limit, so measured again
        Disturbance d = Disturbance.of(2, 0, 0.2, 0.4);
        assertThat(d.coresTaken()).isCloseTo(0.3, within(1e-9));
        assertThat(d.exceeds(Disturbance.LIMIT_CORES)).isTrue();
        assertThat(Disturbance.of(2, 0, 0.2, 0).exceeds(Disturbance.LIMIT_CORES)).isFalse();
    }

    @Test
    void aMeasurementDisturbedByNeighboursIsMeasuredAgainOnceAndSaysSo() throws Exception {
        assumeThat(ProcFs.isPresent()).isTrue();
        Answering target = answering("ok");
        URI url = target.json();
        RunPlan.PlannedScenario json = scenario();
        // Two spinners for longer than both attempts (and the engine's own warm-up before the first, which takes
        // seconds on a busy machine): each attempt loses far more than a quarter of a core. Stopped after the test.
        spin(30_000);
        spin(30_000);
        try (LoadEngine engine = new LoadEngine()) {
            Measurer measurer = new Measurer(engine, MemoryProbe.forThisSystem(), 1, true);
            Warmup warmup = measurer.warmUp(OptionalLong.of(target.pid()), List.of(new StartWarmup.Route(json, url)),
                    (s, p) -> { }).get("json");
            Measurement m = measurer.measure(OptionalLong.of(target.pid()), json, url, 1, 1, 1, warmup, p -> { });

            assertThat(warmup).isEqualTo(Warmup.NONE);
            assertThat(m.conditions().remeasured()).isEqualTo(Measurer.MAX_REMEASURE);
            assertThat(m.conditions().disturbance().exceeds(Disturbance.LIMIT_CORES)).isTrue();
            assertThat(m.load().ok()).isPositive();
        }
    }

    @Test
    void aMeasurementDuringWhichTheTargetsCompilersTookACoreIsMeasuredAgainOnceAndSaysSo() throws Exception {
        assumeThat(ProcFs.isPresent()).isTrue();
        // Its "compiler" spins for as long as it runs: every attempt finds it compiling.
        Answering target = answering("compiling");
        try (LoadEngine engine = new LoadEngine()) {
            Measurer measurer = new Measurer(engine, MemoryProbe.forThisSystem(), 1, true);
            Measurement m = measurer.measure(OptionalLong.of(target.pid()), scenario(), target.json(), 1, 1, 1,
                    Warmup.NONE, p -> { });

            assertThat(m.conditions().remeasured()).isEqualTo(Measurer.MAX_REMEASURE);
            assertThat(m.conditions().compiling()).isTrue();
            assertThat(m.conditions().compilerCores()).isGreaterThan(Measurement.Conditions.COMPILING_CORES);
            assertThat(m.load().ok()).isPositive();
        }
    }

    @Test
    void atAFixedRateTheTargetsCompilersAreCountedApartFromItsCpuPerRequest() throws Exception {
        assumeThat(ProcFs.isPresent()).isTrue();
        // Its "compiler" spins through the whole window, far more CPU than the 40 requests cost the server.
        Answering target = answering("compiling");
        try (LoadEngine engine = new LoadEngine()) {
            Measurer measurer = new Measurer(engine, MemoryProbe.forThisSystem(), 1, true);
            FixedRate f = measurer.fixedRate(OptionalLong.of(target.pid()), scenario(), target.json(), 100, p -> { });

            assertThat(f.ok()).isPositive();
            assertThat(f.serverCpuMicrosPerRequest()).isNotNull().isNotNegative();
            assertThat(f.compilerCpuMicrosPerRequest()).isGreaterThan(f.serverCpuMicrosPerRequest());
        }
    }

    private RunPlan.PlannedScenario scenario() throws IOException {
        Path file = dir.resolve("suite.yaml");
        Files.writeString(file, """
                name: test
                scenarios:
                  - name: json
                    path: /json
                targets:
                  - name: t
                    command: [x]
                """);
        Suite suite = SuiteLoader.load(file);
        return Plans.scenarios(suite, suite.scenarios(), Mode.STANDARD, SHORT).getFirst();
    }

    /** A {@link TestTarget} process answering on {@code json}. */
    private record Answering(Process process, URI json) {
        long pid() {
            return process.pid();
        }
    }

    /** A {@link TestTarget} JVM in this mode, once it answers on /json; its output in the test's directory. */
    private Answering answering(String mode) throws IOException, InterruptedException {
        int port = freePort();
        Process p = start(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", System.getProperty("java.class.path"), TestTarget.class.getName(),
                String.valueOf(port), mode).redirectErrorStream(true).redirectOutput(dir.resolve("target.log").toFile()));
        URI json = URI.create("http://127.0.0.1:" + port + "/json");
        awaitAnswer(json);
        return new Answering(p, json);
    }

    /** A shell busy-looping for about {@code millis}, then exiting by itself. */
    private Process spin(long millis) throws IOException {
        return start(new ProcessBuilder("sh", "-c", "end=$(($(date +%s%N) + " + millis * 1_000_000 + ")); "
                + "while [ $(date +%s%N) -lt $end ]; do :; done"));
    }

    private Process start(ProcessBuilder pb) throws IOException {
        Process p = pb.start();
        started.add(p);
        return p;
    }

    /** Polls {@code url} until it answers 200; the other tests of this package that start a target use it too. */
    static void awaitAnswer(URI url) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try {
                HttpURLConnection c = (HttpURLConnection) url.toURL().openConnection();
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the test target never answered on " + url);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
