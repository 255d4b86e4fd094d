package org.fwbench.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.fwbench.analysis.Interferences;
import org.fwbench.analysis.Rankings;
import org.fwbench.analysis.Summaries;
import org.fwbench.result.Disturbance;
import org.fwbench.result.Environment;
import org.fwbench.result.MeasuredLoad;
import org.fwbench.result.Measurement;
import org.fwbench.result.MemoryReading;
import org.fwbench.result.NotMeasured;
import org.fwbench.result.RunResult;
import org.fwbench.result.RunSettings;
import org.fwbench.result.SamplingCost;
import org.fwbench.result.ScenarioResult;
import org.fwbench.result.TargetResult;
import org.fwbench.result.Warmup;
import org.fwbench.stats.Histograms;
import org.fwbench.stats.LatencySummary;

/**
 * Results built from records with fixed figures, for the tests of everything that reads results (reports,
 * compare, thresholds). Summaries and rankings come from the runner's own code, so the fixtures hold what a
 * real run would.
 */
public final class SampleRuns {

    public static final long MIB = 1024 * 1024;
    private static final long T0 = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
    private static final ScenarioResult.AppliedLoad LOAD = new ScenarioResult.AppliedLoad(10, 2, 16, 0, null, 0, 5, true, 0, 0);

    private SampleRuns() {
    }

    /**
     * One repeat: {@code throughput} req/s over 10 s, latency spread evenly from {@code latencyMs} to 3x that,
     * memory after the load {@code rssMiB} (PSS 80% of it, or unknown when {@code pss} is false).
     */
    public static Measurement measurement(int repeat, double throughput, double latencyMs, long rssMiB, boolean pss,
            double cpuMicros, long failed) {
        return build(repeat, repeat, throughput, latencyMs, 3 * latencyMs, rssMiB, pss, cpuMicros, failed, 0.15);
    }

    /**
     * One repeat as {@link #measurement(int, double, double, long, boolean, double, long)} (0.4 ms, 100 MiB, no
     * failures) with the load engine at {@code clientUtilization} of its CPUs: saturated from 0.9, as the engine
     * judges itself.
     */
    public static Measurement measurementWithClient(int repeat, double throughput, double cpuMicros,
            double clientUtilization) {
        return build(repeat, repeat, throughput, 0.4, 1.2, 100, true, cpuMicros, 0, clientUtilization);
    }

    /** {@link #measurement(int, double, double, long, boolean, double, long)} on the given start (and round). */
    public static Measurement measurement(int repeat, int start, double throughput, double latencyMs, long rssMiB,
            boolean pss, double cpuMicros, long failed) {
        return build(repeat, start, throughput, latencyMs, 3 * latencyMs, rssMiB, pss, cpuMicros, failed, 0.15);
    }

    /** One repeat as above, its latencies spread evenly from {@code lowMs} to {@code highMs}. */
    public static Measurement measurementSpread(int repeat, double throughput, double lowMs, double highMs, long rssMiB,
            boolean pss, double cpuMicros, long failed) {
        return build(repeat, repeat, throughput, lowMs, highMs, rssMiB, pss, cpuMicros, failed, 0.15);
    }

    private static Measurement build(int repeat, int start, double throughput, double lowMs, double highMs, long rssMiB,
            boolean pss, double cpuMicros, long failed, double clientUtilization) {
        Histogram h = Histograms.newMicros();
        for (int i = 0; i < 1000; i++) {
            h.recordValue(Math.round(1000 * (lowMs + (highMs - lowMs) * i / 999)));
        }
        long ok = Math.round(throughput * 10);
        LatencySummary latency = LatencySummary.ofMicros(h);
        Map<String, Long> errors = failed > 0 ? Map.of("timeout", failed) : Map.of();
        MeasuredLoad load = new MeasuredLoad("closed", 16, ok + failed, ok, failed, Map.of("200", ok), errors, 10,
                throughput, (ok + failed) / 10.0, ok * 120, ok * 12.0, latency, null, null,
                new MeasuredLoad.ClientCpu(10 * clientUtilization, 1e6 * 10 * clientUtilization / (ok + failed),
                        clientUtilization, clientUtilization >= 0.9), T0, T0 + 10_000, List.of(),
                Histograms.encode(h), null);
        long rss = rssMiB * MIB;
        Long pssBytes = pss ? rss * 8 / 10 : null;
        List<Measurement.MemoryPoint> timeline = new ArrayList<>();
        for (int i = 0; i <= 10; i++) {
            long r = rss - (10 - i) * MIB;
            timeline.add(new Measurement.MemoryPoint(i, r, pss ? r * 8 / 10 : null, null, 0.1 * i));
        }
        return new Measurement(repeat, load, memory(rss - 10 * MIB, pss), memory(rss, pss),
                new Measurement.Peak(rss + 5 * MIB, pss ? pssBytes + 4 * MIB : null, null), timeline,
                new SamplingCost(100, 0.01, 40), cpuMicros * (ok + failed) / 1e6, cpuMicros, List.of(), null,
                Measurement.Conditions.of(start, start, Warmup.steady(1.5, 30_000, 6, 0.5, 10_000),
                        Disturbance.of(10, 0.1, 0.4, 0), 0.02), null);
    }

    public static MemoryReading memory(long rssBytes, boolean pss) {
        return new MemoryReading(T0, rssBytes, 4 * rssBytes, pss ? rssBytes * 7 / 10 : null,
                pss ? rssBytes * 8 / 10 : null, pss ? 0L : null, rssBytes, 20, 1.0, List.of());
    }

    public static ScenarioResult scenario(String name, List<Measurement> ms) {
        return new ScenarioResult(name, "GET", "http://127.0.0.1:8080/" + name, ScenarioResult.Status.OK, null, LOAD, ms,
                Summaries.of(ms), List.of());
    }

    public static ScenarioResult failedScenario(String name, String reason) {
        return new ScenarioResult(name, "GET", "http://127.0.0.1:8080/" + name, ScenarioResult.Status.FAILED, reason, LOAD,
                List.of(), null, List.of());
    }

    public static TargetResult target(String name, String version, long idleRssMiB, List<ScenarioResult> scenarios) {
        List<TargetResult.Start> starts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            starts.add(new TargetResult.Start(1000L + i, 8080, 0.5 + 0.1 * i, memory(idleRssMiB * MIB, true),
                    memory((idleRssMiB + 30) * MIB, true)));
        }
        return new TargetResult(name, version, TargetResult.Status.OK, null, List.of(), List.of("java", "-jar", name + ".jar"),
                "logs/" + name + ".log", starts, scenarios, null);
    }

    public static TargetResult failedTarget(String name, String reason, List<String> logTail, List<String> scenarios) {
        return new TargetResult(name, "", TargetResult.Status.FAILED, reason, logTail, List.of("python3", name + ".py"),
                "logs/" + name + ".log", List.of(), scenarios.stream().map(s -> new ScenarioResult(s, "GET", "",
                        ScenarioResult.Status.NOT_RUN, reason, LOAD, List.of(), null, List.of())).toList(), null);
    }

    public static RunResult run(String suite, List<TargetResult> targets) {
        return run(suite, 3, targets);
    }

    /** A run of these targets, {@code repeats} as the run's setting (each scenario holds what it measured). */
    public static RunResult run(String suite, int repeats, List<TargetResult> targets) {
        Environment env = new Environment("0.1.0", "Linux", "6.1.0-test", "Test CPU @ 3.0GHz", 2, 8192 * MIB,
                "OpenJDK 25 (Temurin)", "0", "1", 1, true, "linux-proc");
        RunResult run = new RunResult(RunResult.SCHEMA_VERSION, suite, "suites/" + suite + ".yaml", T0, T0 + 95_000,
                List.of("fwbench", "run", "suites/" + suite + ".yaml", "--repeat", String.valueOf(repeats)), env,
                new RunSettings("standard", repeats, true, 1, false, 1, 42,
                        List.of(names(targets), names(targets), names(targets).reversed()), false),
                targets, List.of(), null);
        return run.withAnalysis(Rankings.of(run), Interferences.of(run));
    }

    private static List<String> names(List<TargetResult> targets) {
        return targets.stream().map(TargetResult::name).toList();
    }

    /**
     * Two frameworks told apart on throughput (fast ~40k, slow ~20k req/s) on two scenarios, and a third that
     * never started.
     */
    public static RunResult standard() {
        return run("sample", List.of(
                target("fast", "1.2.3", 40, List.of(
                        scenario("hello", List.of(measurement(1, 40_000, 0.4, 100, true, 20, 0),
                                measurement(2, 41_000, 0.42, 102, true, 21, 0),
                                measurement(3, 39_500, 0.41, 101, true, 19, 0))),
                        scenario("json", List.of(measurement(1, 30_000, 0.5, 110, true, 30, 0),
                                measurement(2, 29_000, 0.52, 111, true, 31, 0),
                                measurement(3, 31_000, 0.5, 112, true, 29, 0))))),
                target("slow", "4.5", 60, List.of(
                        scenario("hello", List.of(measurement(1, 20_000, 0.8, 150, true, 50, 2),
                                measurement(2, 21_000, 0.9, 152, true, 52, 0),
                                measurement(3, 19_000, 0.85, 149, true, 49, 1))),
                        failedScenario("json", "response 1: expected status 200, got 500"))),
                failedTarget("broken", "exited with code 1 before it answered", List.of("Traceback:", "ImportError"),
                        List.of("hello", "json"))));
    }

    /**
     * {@link #standard()} with a fourth target, "remote", found running on another host: its load measured (the
     * fastest on hello), its memory and CPU not.
     */
    public static RunResult withRemote() {
        List<Measurement> loads = new ArrayList<>();
        double[] throughputs = {45_000, 46_000, 44_000};
        for (int i = 0; i < throughputs.length; i++) {
            Measurement m = measurement(i + 1, throughputs[i], 0.3, 1, true, 1, 0);
            loads.add(Measurement.loadOnly(m.repeat(), m.load(), m.conditions()));
        }
        List<TargetResult.Start> starts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            starts.add(new TargetResult.Start(null, 8080, null, null, null));
        }
        TargetResult remote = new TargetResult("remote", "", TargetResult.Status.OK, null, List.of(), List.of(),
                "logs/remote.log", starts, List.of(scenario("hello", loads)),
                NotMeasured.remoteHost("192.0.2.7 is not an address of this machine: fwbench reads the memory and CPU "
                        + "of local processes only"));
        List<TargetResult> targets = new ArrayList<>(standard().targets());
        targets.add(2, remote);
        return run("sample", targets);
    }

    /** Three frameworks measured once each on one scenario, as {@code --repeat 1} gives. */
    public static RunResult oneRepeat() {
        return run("sample", 1, List.of(
                target("undertow", "2.4", 70, List.of(scenario("hello", List.of(measurement(1, 29_647, 0.3, 90, true, 20, 0))))),
                target("netty", "4.2", 80, List.of(scenario("hello", List.of(measurement(1, 25_000, 0.4, 100, true, 25, 0))))),
                target("javalin", "7.2", 90, List.of(scenario("hello", List.of(measurement(1, 1_871, 5, 150, true, 200, 0)))))));
    }

    /** {@link #standard()} again, with fast's hello throughput 20% lower and everything else the same. */
    public static RunResult fastSlowedDown() {
        RunResult old = standard();
        TargetResult fast = old.targets().get(0);
        ScenarioResult hello = scenario("hello", List.of(measurement(1, 32_000, 0.4, 100, true, 20, 0),
                measurement(2, 32_800, 0.42, 102, true, 21, 0), measurement(3, 31_600, 0.41, 101, true, 19, 0)));
        TargetResult changed = target("fast", fast.version(), 40, List.of(hello, fast.scenarios().get(1)));
        return run("sample", List.of(changed, old.targets().get(1), old.targets().get(2)));
    }
}
