package org.fwbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.fwbench.result.Measurement;
import org.fwbench.result.Disturbance;
import org.fwbench.result.Environment;
import org.fwbench.result.RunResult;
import org.fwbench.result.TargetResult;
import org.fwbench.run.SampleRuns;
import org.junit.jupiter.api.Test;

class VerdictsTest {

    @Test
    void theFastestAgainstTheNextWithTheIntervalThenTheSlowestAndEachBest() {
        RunResult run = SampleRuns.run("s", List.of(
                target("undertow", 0.4, 200, 20, 60_000, 61_000, 59_000),
                target("netty", 0.5, 100, 25, 30_000, 31_000, 29_500),
                target("javalin", 0.45, 150, 80, 5_000, 5_100, 4_900)));

        Verdict v = Verdicts.of(run, "hello");

        assertThat(v.ranked()).isTrue();
        assertThat(v.answer()).matches("undertow: [12]\\.\\d\\dx \\(1\\.\\d\\d-2\\.\\d\\d\\) the req/s of netty; "
                + "javalin slowest; lowest p99 and least CPU per request: undertow; least memory: netty");
        assertThat(v.notes()).isEmpty();
    }

    @Test
    void aTieCausedByNoiseNamesTheDisturbedRepeat() {
        RunResult run = SampleRuns.run("s", List.of(
                target("netty", 0.4, 100, 20, 40_000, 41_000, 12_000),
                target("vertx", 0.4, 100, 20, 38_000, 39_000, 38_500)));

        assertThat(Verdicts.of(run, "hello").answer()).startsWith("no difference in req/s between netty and vertx "
                + "(noise: netty's start 3 stands apart with no interference measured, 12,000 req/s against a median "
                + "of 40,000; its starts vary by ");
    }

    @Test
    void aStartWithInterferenceMeasuredInItIsCalledDisturbedWithHowMuch() {
        RunResult run = nettysSlowStartMeasuredUnder(Disturbance.of(1, 0.2, 0.22, 0), 0);

        assertThat(Verdicts.of(run, "hello").answer()).contains("(noise: netty's start 3 was disturbed (0.42 of a "
                + "core taken by steal, other processes or fwbench's compilers), 12,000 req/s against a median of "
                + "40,000;");
        // Kept without a retry (as in a quick look, which measures nothing again): said so, not "0 taken again".
        assertThat(Verdicts.of(run, "hello").notes()).anySatisfy(n -> assertThat(n).startsWith("netty: ")
                .contains("1 measurement(s) kept while other processes, steal or fwbench's compilers took over 0.25 "
                        + "of a core").doesNotContain("taken again"));
    }

    @Test
    void aStartWhoseJitWasStillCompilingIsCalledSoWithTheCompilersCores() {
        RunResult run = nettysSlowStartMeasuredUnder(Disturbance.of(1, 0, 0.01, 0), 0.46);

        assertThat(Verdicts.of(run, "hello").answer()).contains("(noise: netty's start 3 was still compiling (0.46 of a "
                + "core taken by its JIT compilers), 12,000 req/s against a median of 40,000;");
        assertThat(Verdicts.of(run, "hello").notes()).anySatisfy(n -> assertThat(n).startsWith("netty: ")
                .contains("1 measurement(s) kept while its JIT compilers still took over 0.25 of a core"));
    }

    /** Netty's third start far below its other two, measured with this interference and its compilers this busy. */
    private static RunResult nettysSlowStartMeasuredUnder(Disturbance disturbance, double compilerCores) {
        TargetResult netty = target("netty", 0.4, 100, 20, 40_000, 41_000, 12_000);
        List<Measurement> ms = new ArrayList<>(netty.scenarios().getFirst().measurements());
        ms.set(2, measuredUnder(ms.get(2), disturbance, compilerCores));
        return SampleRuns.run("s", List.of(
                SampleRuns.target("netty", "1", 40, List.of(SampleRuns.scenario("hello", ms))),
                target("vertx", 0.4, 100, 20, 38_000, 39_000, 38_500)));
    }

    /** The measurement as if taken under this interference, its target's JIT compilers at {@code compilerCores}. */
    private static Measurement measuredUnder(Measurement m, Disturbance disturbance, double compilerCores) {
        Measurement.Conditions c = m.conditions();
        return new Measurement(m.repeat(), m.load(), m.before(), m.after(), m.peak(), m.timeline(), m.sampler(),
                m.serverCpuSeconds(), m.serverCpuMicrosPerRequest(), m.phases(), m.leak(),
                Measurement.Conditions.of(c.start(), c.round(), c.warmup(), disturbance, compilerCores),
                m.fixedRate());
    }

    /** Where a make-up start took start 1's place, a start that stands apart is named by its own number. */
    @Test
    void aStartStandingApartIsNamedByItsNumberWhenAMakeUpTookAStartsPlace() {
        double[] rps = {30_000, 31_000, 30_500, 30_200, 12_000};
        List<Measurement> shaky = new ArrayList<>();
        for (int i = 0; i < rps.length; i++) {
            shaky.add(SampleRuns.measurement(i + 1, i + 2, rps[i], 0.4, 100, true, 20, 0)); // starts 2 to 6
        }
        RunResult run = SampleRuns.run("s", List.of(
                SampleRuns.target("shaky", "1", 40, List.of(SampleRuns.scenario("hello", shaky))),
                target("steady", 0.4, 100, 20, 30_000, 30_100, 30_200, 30_300, 30_400)));

        assertThat(Verdicts.of(run, "hello").notes()).singleElement().asString()
                .contains("outlier start 6 in req/s").doesNotContain("outlier start 5");
    }

    @Test
    void withTwoRepeatsTheTieNamesBothForNeitherIsTheDisturbedOne() {
        RunResult run = SampleRuns.run("s", List.of(
                target("netty", 0.4, 100, 20, 40_000, 20_000),
                target("vertx", 0.4, 100, 20, 38_000, 39_000)));

        assertThat(Verdicts.of(run, "hello").answer()).isEqualTo("no difference in req/s between vertx and netty "
                + "(noise: netty's two starts disagree, 40,000 and 20,000 req/s)");
    }

    @Test
    void aTieOfCloseFiguresSaysHowClose() {
        RunResult run = SampleRuns.run("s", List.of(
                target("a", 0.4, 100, 20, 40_000, 40_500, 39_800),
                target("b", 0.4, 100, 20, 39_900, 40_100, 40_300),
                target("c", 0.4, 100, 20, 10_000, 10_100, 10_200)));

        assertThat(Verdicts.of(run, "hello").answer())
                .startsWith("most req/s: b and a, tied (their medians are within 0.2% of each other); c slowest");
    }

    @Test
    void oneRepeatGivesNoRanksAndSaysSo() {
        Verdict v = Verdicts.of(SampleRuns.oneRepeat(), "hello");

        assertThat(v.ranked()).isFalse();
        assertThat(v.answer()).isEqualTo("one repeat: no interval, no ranks; most req/s undertow (29,647), least "
                + "javalin (1,871); --repeat 3 or more tells them apart");
        assertThat(SampleRuns.oneRepeat().rankings()).isEmpty();
    }

    @Test
    void atMostOneNotePerTargetHoweverManyFiguresAreNoisy() {
        // Every figure of "shaky" varies between repeats, and its fourth repeat stands apart in several.
        List<Measurement> shaky = new ArrayList<>();
        double[] rps = {30_000, 31_000, 30_500, 30_200, 12_000};
        for (int i = 0; i < rps.length; i++) {
            shaky.add(SampleRuns.measurement(i + 1, rps[i], i == 4 ? 2 : 0.4 + 0.01 * i, 100 + (i == 4 ? 60 : i), true,
                    i == 4 ? 60 : 20 + i, 0));
        }
        RunResult run = SampleRuns.run("s", List.of(
                SampleRuns.target("shaky", "1", 40, List.of(SampleRuns.scenario("hello", shaky))),
                target("steady", 0.4, 100, 20, 30_000, 30_100, 30_200)));

        List<String> notes = Verdicts.of(run, "hello").notes();

        assertThat(notes).hasSize(1);
        assertThat(notes.getFirst()).matches("shaky: starts vary by \\d+% in req/s, \\d+% in p99, \\d+% in memory, "
                + "\\d+% in CPU per request \\(CV\\); outlier start 5 in req/s, p99, memory, CPU per request "
                + "\\(kept in every figure\\)");
    }

    @Test
    void latencyStuckNear40MsWithAnIdleServerIsDiagnosedAsNagleAndDelayedAck() {
        List<Measurement> stalled = new ArrayList<>();
        List<Measurement> busy = new ArrayList<>();
        List<Measurement> compiling = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            // 16 connections at ~41 ms each: ~390 req/s; 100 us of CPU per request is 4% of a CPU, 2% of it its
            // JIT compilers' (the samples' default).
            stalled.add(SampleRuns.measurementSpread(i, 390, 40.2, 43.5, 100, true, 100, 0));
            // As slow, but the server computes all that time: no network stall.
            busy.add(SampleRuns.measurementSpread(i, 390, 40.2, 43.5, 100, true, 2_500, 0));
            // As busy, but 70% of a CPU is its JIT compiling (a quick look's short warm-up): stalled all the same.
            Measurement m = SampleRuns.measurementSpread(i, 390, 40.2, 43.5, 100, true, 2_000, 0);
            compiling.add(measuredUnder(m, m.conditions().disturbance(), 0.70));
        }
        RunResult run = SampleRuns.run("s", List.of(
                SampleRuns.target("jdk-httpserver", "25", 40, List.of(SampleRuns.scenario("template", stalled))),
                SampleRuns.target("busy", "1", 40, List.of(SampleRuns.scenario("template", busy))),
                SampleRuns.target("compiling", "1", 40, List.of(SampleRuns.scenario("template", compiling)))));

        List<String> notes = Verdicts.of(run, "template").notes();

        assertThat(notes).hasSize(2);
        assertThat(notes.getFirst()).startsWith("jdk-httpserver: p50 41.9 ms and p90 43.2 ms while the server's CPU was "
                + "2% busy besides its JIT compilers' 2%: Nagle's algorithm holding the second segment of a response "
                + "written in two until the client's delayed ACK (40 ms)");
        assertThat(notes.get(1)).startsWith("compiling: p50 41.9 ms and p90 43.2 ms while the server's CPU was 8% busy "
                + "besides its JIT compilers' 70%: Nagle's algorithm");
    }


    @Test
    void anEngineAtItsLimitIsCalledTheLimitOnlyWhereTheTargetHadCpuToSpare() {
        List<Measurement> atLimit = new ArrayList<>();
        List<Measurement> spare = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            // 80,000 req/s at 12 us of the target's CPU a request is 0.96 of its one CPU; at 6 us, 0.48.
            atLimit.add(SampleRuns.measurementWithClient(i, 80_000 + 100 * i, 12, 0.97));
            spare.add(SampleRuns.measurementWithClient(i, 79_000 + 100 * i, 6, 0.97));
        }
        RunResult run = SampleRuns.run("s", List.of(
                SampleRuns.target("netty", "1", 40, List.of(SampleRuns.scenario("hello", atLimit))),
                SampleRuns.target("light", "1", 40, List.of(SampleRuns.scenario("hello", spare)))));

        List<String> notes = Verdicts.of(run, "hello").notes();

        assertThat(notes).anySatisfy(n -> assertThat(n).startsWith("netty: the target and the load engine both used "
                + "nearly all their CPUs: the target's own limit"));
        assertThat(notes).anySatisfy(n -> assertThat(n).startsWith("light: the load engine used nearly all its CPUs "
                + "while the target did not in 3 of 3 measurements: those figures are a limit of the client"));
    }

    @Test
    void withoutTheTargetsCpusAnEngineAtItsLimitMayBeTheLimit() {
        List<Measurement> ms = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            ms.add(SampleRuns.measurementWithClient(i, 80_000 + 100 * i, 12, 0.97));
        }
        RunResult run = SampleRuns.run("s", List.of(SampleRuns.target("netty", "1", 40,
                List.of(SampleRuns.scenario("hello", ms)))));
        Environment e = run.environment();
        // results written before the targets' CPUs were recorded read back with 0
        RunResult old = new RunResult(run.schemaVersion(), run.suite(), run.suiteFile(), run.startedAtMillis(),
                run.endedAtMillis(), run.commandLine(), new Environment(e.fwbenchVersion(), e.os(), e.kernel(),
                        e.cpuModel(), e.cores(), e.memoryBytes(), e.jdk(), e.loadCpus(), e.targetCpus(), 0, e.pinned(),
                        e.memoryProbe()), run.settings(), run.targets(), run.rankings(), run.interference());

        assertThat(Verdicts.of(old, "hello").notes()).containsExactly("netty: the load engine used nearly all its CPUs "
                + "in 3 of 3 measurements: these figures may be a limit of the client");
    }

    /** A target measured three times on "hello" with these req/s; latency, memory and CPU as given. */
    private static TargetResult target(String name, double latencyMs, long rssMiB, double cpuMicros, double... rps) {
        List<Measurement> ms = new ArrayList<>();
        for (int i = 0; i < rps.length; i++) {
            ms.add(SampleRuns.measurement(i + 1, rps[i], latencyMs * (1 + 0.01 * i), rssMiB + i, true,
                    cpuMicros * (1 + 0.01 * i), 0));
        }
        return SampleRuns.target(name, "1", 40, List.of(SampleRuns.scenario("hello", ms)));
    }
}
