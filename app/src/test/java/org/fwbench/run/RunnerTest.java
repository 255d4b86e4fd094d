package org.fwbench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.fwbench.config.LoadSettings;
import org.fwbench.config.Mode;
import org.fwbench.config.Suite;
import org.fwbench.config.SuiteLoader;
import org.fwbench.proc.ProcFs;
import org.fwbench.report.ConsoleReport;
import org.fwbench.report.ScenarioTable;
import org.fwbench.result.Json;
import org.fwbench.result.Measurement;
import org.fwbench.result.RunResult;
import org.fwbench.result.ScenarioResult;
import org.fwbench.result.TargetResult;
import org.fwbench.result.Warmup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner against real target processes ({@link TestTarget}) that behave well and badly. */
class RunnerTest {

    /**
     * 300 ms loads: a test target answers hundreds of requests in them on a busy machine, far above the 10 a
     * measurement needs. The warm-up gives each of two scenarios one 250 ms interval.
     */
    private static final LoadSettings SHORT = LoadSettings.builder().duration(Duration.ofMillis(300))
            .warmup(Duration.ofMillis(300)).connections(4).timeout(Duration.ofSeconds(1)).build();
    private static final LoadSettings NO_WARMUP = SHORT.overriddenBy(LoadSettings.builder().warmup(Duration.ZERO).build());
    /** The two scenarios of most tests. */
    private static final String SCENARIOS = """
            scenarios:
              - name: plaintext
                path: /plaintext
                expect: {contentType: text/plain, body: "Hello, World!"}
              - name: json
                path: /json
                expect: {json: {message: "Hello, World!"}}
            """;
    /** The default design, which measures a disturbed measurement again: the happy paths run with it. */
    private static final RunPlan.Design FULL = RunPlan.Design.of(7);
    /**
     * A quick look's design: nothing measured again on a busy machine, which would double these tests' loads.
     * For the tests about what goes wrong and what is recorded; MeasurerTest covers measuring again.
     */
    private static final RunPlan.Design QUICK = new RunPlan.Design(RunPlan.Design.DEFAULT_PER_START, 7, true, Map.of());

    /** One run of targets that fail in different ways beside a good one, shared by the tests of those failures. */
    private static RunResult failures;

    @TempDir
    Path dir;

    @BeforeAll
    static void runTargetsThatFailBesideAGoodOne(@TempDir Path shared) throws Exception {
        // The good one first: the first load of this JVM warms the engine up for seconds, which would spend the whole
        // warm-up of the start it is part of, and fragile's start would then be checked the moment it dies.
        failures = run(suiteIn(shared, SCENARIOS,
                target("good", "ok"),
                target("quitter", "exit"),
                target("sleeper", "never-ready") + "    ready: {timeout: 1500ms}\n",
                // 10 answers on /plaintext: the verification's, then the first few of the warm-up, however slowly a
                // busy machine lets it serve; it dies early in the warm-up, with time left to be seen exited.
                target("fragile", "die-after:10"),
                target("liar", "wrong-body"),
                target("absent", "ok") + "    requires: [\"${java}\", -version-that-does-not-exist]\n"),
                1, true, 1, false, QUICK, new ArrayList<>(), SHORT);
    }

    @Test
    void measuresEveryTargetOnEveryScenarioAndLeavesNoProcess() throws Exception {
        RunResult r = run(suite(target("alpha", "ok"), target("beta", "ok")), 2, true, 1, false, FULL);

        assertThat(r.schemaVersion()).isEqualTo(RunResult.SCHEMA_VERSION);
        assertThat(r.targets()).extracting(TargetResult::status).containsExactly(TargetResult.Status.OK, TargetResult.Status.OK);
        for (TargetResult t : r.targets()) {
            assertThat(t.starts()).hasSize(2 + madeUp(t));
            assertThat(t.starts()).allSatisfy(s -> {
                assertThat(s.startupSeconds()).isPositive();
                assertThat(s.idle().rssBytes()).isPositive();
                assertThat(s.after()).isNotNull();
            });
            assertThat(t.scenarios()).extracting(ScenarioResult::scenario).containsExactly("plaintext", "json");
            for (ScenarioResult s : t.scenarios()) {
                assertThat(s.status()).isEqualTo(ScenarioResult.Status.OK);
                assertThat(s.measurements()).hasSize(2);
                Measurement m = s.measurements().getFirst();
                assertThat(m.load().ok()).isPositive();
                assertThat(m.load().failed()).isZero();
                assertThat(m.timeline()).isNotEmpty();
                assertThat(m.serverCpuSeconds()).isPositive();
                assertThat(s.measurements()).allSatisfy(each -> assertThat(each.peak().rssBytes())
                        .isGreaterThanOrEqualTo(Math.max(each.before().rssBytes(), each.after().rssBytes())));
                assertThat(s.summary().repeats()).isEqualTo(2);
                assertThat(s.summary().throughput().n()).isEqualTo(2);
                assertThat(s.summary().latencyMs().count()).isEqualTo(s.summary().ok());
            }
        }
        assertThat(r.rankings()).extracting(x -> x.scenario() + "/" + x.metric())
                .contains("plaintext/throughput", "json/p99Ms", "plaintext/memoryAfterBytes");
        assertNoProcessLeft(r);
    }

    /**
     * A start measured while two busy neighbours took the CPUs, its retries too, is measured again once the rounds
     * are over, in a make-up start counted in the first start's round; the less disturbed of the two starts stays in
     * the figures and the other's measurements are kept apart in results.json, and the notes say so.
     */
    @Test
    void aStartDisturbedThroughItsRetriesIsMadeUpAfterTheRounds() throws Exception {
        assumeThat(ProcFs.isPresent()).isTrue();
        Suite suite = SuiteLoader.load(suiteWith("""
                scenarios:
                  - name: plaintext
                    path: /plaintext
                """, target("alpha", "ok")));
        RunPlan plan = new RunPlan(suite, suite.targets(),
                Plans.scenarios(suite, suite.scenarios(), Mode.STANDARD, SHORT), Mode.STANDARD,
                2, true, 1, false, null, dir, "python3", dir.resolve("logs"), List.of("test"), FULL);
        List<Process> neighbours = new ArrayList<>();
        List<String> starts = new ArrayList<>();
        RunResult r;
        try {
            r = new Runner(plan, new RunListener() {
                @Override
                public void targetStarting(String target, int round, int madeUpFor) {
                    starts.add(round + "/" + madeUpFor);
                    neighbours.forEach(Process::destroyForcibly);
                    if (round == 1 && madeUpFor == 0) {
                        neighbours.add(busyLoop());
                        neighbours.add(busyLoop());
                    }
                }
            }).run();
        } finally {
            neighbours.forEach(Process::destroyForcibly);
        }

        assertThat(starts).containsExactly("1/0", "2/0", "1/1");
        TargetResult alpha = r.targets().getFirst();
        assertThat(alpha.status()).isEqualTo(TargetResult.Status.OK);
        assertThat(alpha.starts()).hasSize(3);
        List<Measurement> all = alpha.scenarios().stream()
                .flatMap(s -> Stream.concat(s.measurements().stream(), s.setAside().stream())).toList();
        assertThat(all).filteredOn(m -> m.conditions().start() == 1)
                .singleElement().satisfies(m -> assertThat(m.conditions().disturbedFromOutside()).isTrue());
        assertThat(all).filteredOn(m -> m.conditions().start() == 3).singleElement().satisfies(m -> {
            assertThat(m.conditions().round()).isEqualTo(1);
            assertThat(m.conditions().madeUpFor()).isEqualTo(1);
        });
        boolean makeUpDisturbed = all.stream()
                .anyMatch(m -> m.conditions().start() == 3 && m.conditions().disturbedFromOutside());
        int setAside = makeUpDisturbed ? 3 : 1;
        for (ScenarioResult s : alpha.scenarios()) {
            assertThat(s.setAside()).singleElement()
                    .satisfies(m -> assertThat(m.conditions().start()).isEqualTo(setAside));
            assertThat(s.measurements()).hasSize(2).noneMatch(m -> m.conditions().start() == setAside);
            assertThat(s.summary().repeats()).isEqualTo(2);
        }
        assertThat(ScenarioTable.runNotes(r)).anyMatch(n -> n.contains("Make-up starts after the rounds")
                && n.contains("alpha (for start 1)"));
        StringWriter console = new StringWriter();
        ConsoleReport.print(r, new PrintWriter(console));
        assertThat(console.toString()).contains(setAside == 1
                ? "start 1 measured again after the rounds, as it stayed disturbed after its retries"
                : "a make-up start for start 1 was no less disturbed and is set aside");
        Path file = dir.resolve("results.json");
        Json.write(file, r);
        assertThat(Json.read(file, RunResult.class).targets().getFirst().scenarios().getFirst().setAside())
                .isEqualTo(alpha.scenarios().getFirst().setAside()).isNotEmpty();
        assertNoProcessLeft(r);
    }

    /** Make-up starts a target had: a busy machine can cause one in any run of several rounds. */
    private static int madeUp(TargetResult t) {
        return (int) t.scenarios().stream().flatMap(s -> Stream.concat(s.measurements().stream(), s.setAside().stream()))
                .filter(m -> m.conditions().madeUpFor() > 0).map(m -> m.conditions().start()).distinct().count();
    }

    /** A shell busy-looping until it is destroyed: a neighbour that is neither fwbench nor the target. */
    private static Process busyLoop() {
        try {
            return new ProcessBuilder("sh", "-c", "while :; do :; done").start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aTargetThatFailsIsReportedWithItsLogWhileTheOthersAreMeasured() {
        TargetResult quitter = named(failures, "quitter");
        assertThat(quitter.status()).isEqualTo(TargetResult.Status.FAILED);
        assertThat(quitter.reason()).isNotBlank();
        assertThat(quitter.logTail()).anyMatch(l -> l.contains("boom"));
        assertThat(quitter.scenarios()).allSatisfy(s -> assertThat(s.status()).isEqualTo(ScenarioResult.Status.NOT_RUN));
        assertThat(named(failures, "good").status()).isEqualTo(TargetResult.Status.OK);
        assertThat(named(failures, "good").scenarios().getFirst().summary()).isNotNull();
        assertNoProcessLeft(failures);
    }

    @Test
    void aTargetThatNeverAnswersTimesOut() {
        assertThat(named(failures, "sleeper").status()).isEqualTo(TargetResult.Status.FAILED);
        assertThat(named(failures, "sleeper").reason()).containsIgnoringCase("ready");
        assertThat(named(failures, "good").ok()).isTrue();
        assertNoProcessLeft(failures);
    }

    @Test
    void aWrongAnswerFailsVerificationAndThatScenarioIsNotMeasured() {
        TargetResult liar = named(failures, "liar");
        ScenarioResult plaintext = liar.scenarios().getFirst();
        assertThat(plaintext.status()).isEqualTo(ScenarioResult.Status.FAILED);
        assertThat(plaintext.reason()).startsWith("verification failed").contains("body");
        assertThat(plaintext.measurements()).isEmpty();
        assertThat(liar.scenarios().get(1).status()).isEqualTo(ScenarioResult.Status.OK);
        assertThat(liar.scenarios().get(1).measurements()).hasSize(1);
    }

    @Test
    void aTargetThatDiesMidRunKeepsWhatWasMeasured() throws Exception {
        String scenarios = """
                scenarios:
                  - name: json
                    path: /json
                  - name: plaintext
                    path: /plaintext
                    expect: {body: "Hello, World!"}
                """;
        // No warm-up, which would load plaintext too: the target dies while plaintext is measured, after json.
        RunResult r = run(suiteWith(scenarios, target("fragile", "die-after:50"), target("good", "ok")), 1, true, 1, false,
                QUICK, new ArrayList<>(), NO_WARMUP);

        TargetResult fragile = r.targets().getFirst();
        assertThat(fragile.status()).isEqualTo(TargetResult.Status.FAILED);
        assertThat(fragile.reason()).contains("exited during scenario 'plaintext'");
        assertThat(fragile.scenarios().getFirst().summary()).isNotNull();
        assertThat(r.targets().get(1).ok()).isTrue();
        assertNoProcessLeft(r);
    }

    @Test
    void anInterruptThatCameAsATargetDiedStartsNoOtherTarget() throws Exception {
        // The run's thread is interrupted as the target dies: the runner may see the target exit before it sees
        // the interrupt, and must not go on to start the next target.
        Path file = suiteWith("""
                scenarios:
                  - name: plaintext
                    path: /plaintext
                """, target("fragile", "die-after:50"), target("good", "ok"));
        Suite suite = SuiteLoader.load(file);
        RunPlan plan = new RunPlan(suite, suite.targets(),
                Plans.scenarios(suite, suite.scenarios(), Mode.STANDARD, NO_WARMUP), Mode.STANDARD,
                1, true, 1, false, null, dir, "python3", dir.resolve("logs"), List.of("test"), QUICK);
        List<String> started = new ArrayList<>();
        Runner runner = new Runner(plan, new RunListener() {
            @Override
            public void targetStarting(String target, int round, int madeUpFor) {
                started.add(target);
            }

            @Override
            public void targetFailed(String target, String reason, List<String> logTail) {
                Thread.currentThread().interrupt();
            }
        });

        assertThatThrownBy(runner::run).isInstanceOf(InterruptedException.class);
        Thread.interrupted();
        assertThat(started).containsExactly("fragile");
    }

    @Test
    void aTargetThatDiesDuringTheWarmupIsFailedWithThatReason() {
        TargetResult fragile = named(failures, "fragile");
        assertThat(fragile.status()).isEqualTo(TargetResult.Status.FAILED);
        assertThat(fragile.reason()).isEqualTo("exited during the warm-up (start 1)");
        assertThat(fragile.logTail()).anyMatch(line -> line.contains("dying after 10 requests"));
        assertThat(named(failures, "good").ok()).isTrue();
        assertNoProcessLeft(failures);
    }

    @Test
    void aTargetWhoseRequirementIsMissingIsSkippedNotFailed() {
        TargetResult absent = named(failures, "absent");
        assertThat(absent.status()).isEqualTo(TargetResult.Status.SKIPPED);
        assertThat(absent.reason()).startsWith("not installed");
        assertThat(absent.starts()).isEmpty();
    }

    @Test
    void phasesGiveALeakVerdictAndTogetherKeepsOneProcessPerTarget() throws Exception {
        // One scenario: the phases and the one process per target show on it as on several.
        String scenario = """
                scenarios:
                  - name: plaintext
                    path: /plaintext
                """;
        RunResult r = run(suiteWith(scenario, target("alpha", "ok"), target("beta", "ok")), 2, false, 3, true, QUICK,
                new ArrayList<>(), SHORT);

        assertThat(r.settings().together()).isTrue();
        for (TargetResult t : r.targets()) {
            assertThat(t.starts()).hasSize(1);
            Measurement m = t.scenarios().getFirst().measurements().getFirst();
            assertThat(m.phases()).hasSize(3);
            assertThat(m.leak()).isNotNull();
            assertThat(m.leak().verdict()).isIn(Measurement.LeakCheck.Verdict.values());
            assertThat(m.leak().phasesUsed()).isEqualTo(2);
            assertThat(m.load().requests()).isEqualTo(m.phases().stream().mapToLong(Measurement.Phase::requests).sum());
        }
        assertNoProcessLeft(r);
    }

    @Test
    void readinessAndVerificationLeaveNoConnectionOpenToASingleThreadedKeepAliveTarget() throws Exception {
        // 2 s loads: the one connection the target serves at a time must answer at least 10 times on a busy machine.
        RunResult r = run(suite(target("lonely", "one-at-a-time")), 1, true, 1, false, QUICK,
                new ArrayList<>(), SHORT.overriddenBy(LoadSettings.builder().duration(Duration.ofSeconds(2)).build()));

        for (ScenarioResult s : r.targets().getFirst().scenarios()) {
            assertThat(s.status()).as(s.scenario() + ": " + s.reason()).isEqualTo(ScenarioResult.Status.OK);
            assertThat(s.measurements().getFirst().load().ok()).as(s.scenario()).isPositive();
        }
        assertNoProcessLeft(r);
    }

    @Test
    void aMeasurementWithNoSuccessfulResponseIsAFailedCellAndNeverRanked() throws Exception {
        // 2 good answers: the readiness probe's and the verification's; then only 500s. Two starts each, since
        // nothing is ranked from a single start.
        RunResult r = run(suite(target("broken", "fail-after:2"), target("good", "ok")), 2, true, 1, false, QUICK);

        ScenarioResult broken = r.targets().getFirst().scenario("plaintext").orElseThrow();
        assertThat(broken.status()).isEqualTo(ScenarioResult.Status.FAILED);
        assertThat(broken.reason()).startsWith("no successful response").contains("status");
        assertThat(broken.measurements()).isNotEmpty();
        assertThat(broken.measurements().getFirst().load().ok()).isZero();
        assertThat(r.targets().getFirst().scenario("json").orElseThrow().ok()).isTrue();
        assertThat(r.rankings()).filteredOn(x -> x.scenario().equals("plaintext")).isEmpty();
        assertThat(r.rankings()).filteredOn(x -> x.scenario().equals("json")).isNotEmpty();
        ScenarioTable.Table table = ScenarioTable.of(r).getFirst();
        List<String> brokenRow = table.rows().stream().filter(row -> row.getFirst().equals("broken")).findFirst().orElseThrow();
        assertThat(brokenRow).noneMatch(cell -> cell.endsWith(" *"));
        assertThat(brokenRow.get(ScenarioTable.HEADER.indexOf("rank"))).isEqualTo("-");
        assertThat(table.problems()).anyMatch(p -> p.startsWith("broken: no successful response"));
        assertNoProcessLeft(r);
    }

    @Test
    void roundsAreShuffledFromTheSeedAndEveryVisitIsSavedWithItsStartWarmUpAndFixedRate() throws Exception {
        String scenario = """
                scenarios:
                  - name: json
                    path: /json
                """;
        Path file = suiteWith(scenario, target("a", "ok"), target("b", "ok"), target("c", "ok"));
        List<RunResult> checkpoints = new ArrayList<>();
        RunResult r = run(file, 3, 2, 1234L, checkpoints);

        // Round 1 in the suite's order, then each round shuffled by one Random seeded with --seed.
        Random shuffle = new Random(1234L);
        List<String> order = new ArrayList<>(List.of("a", "b", "c"));
        List<List<String>> expected = new ArrayList<>(List.of(List.copyOf(order)));
        for (int round = 2; round <= 3; round++) {
            Collections.shuffle(order, shuffle);
            expected.add(List.copyOf(order));
        }
        assertThat(r.settings().rounds()).isEqualTo(expected);
        assertThat(r.settings().seed()).isEqualTo(1234L);
        assertThat(r.settings().measurementsPerStart()).isEqualTo(2);
        // Saved after every target of every round: after round 1 (the third visit) every target has its start 1.
        assertThat(checkpoints).hasSizeGreaterThanOrEqualTo(9);
        RunResult afterRound1 = checkpoints.get(2);
        for (String t : List.of("a", "b", "c")) {
            assertThat(afterRound1.cell(t, "json").orElseThrow().measurements())
                    .extracting(m -> m.conditions().start()).containsExactly(1, 1);
        }
        for (TargetResult t : r.targets()) {
            ScenarioResult s = t.scenarios().getFirst();
            // The rounds' own starts, a start a make-up may have set aside among them (a busy machine can cause one).
            List<Measurement> own = Stream.concat(s.measurements().stream(), s.setAside().stream())
                    .filter(m -> m.conditions().madeUpFor() == 0).sorted(Comparator.comparingInt(Measurement::repeat))
                    .toList();
            assertThat(own).extracting(m -> m.conditions().start()).containsExactly(1, 1, 2, 2, 3, 3);
            assertThat(own).extracting(m -> m.conditions().round()).containsExactly(1, 1, 2, 2, 3, 3);
            assertThat(s.measurements()).hasSize(6);
            for (int i = 0; i < 6; i++) {
                Measurement m = own.get(i);
                // One warm-up per start, until steady or its maximum; the second measurement continues from it.
                assertThat(m.conditions().warmup().state()).isIn(i % 2 == 0
                        ? List.of(Warmup.State.STEADY, Warmup.State.UNSTEADY) : List.of(Warmup.State.CONTINUED));
                assertThat(m.conditions().disturbance().coresTaken()).isNotNegative();
                assertThat(m.conditions().remeasured()).isBetween(0, 1);
                // The fixed rate is set from round 1's slowest target and measured after a start's last measurement.
                assertThat(m.fixedRate() != null).isEqualTo(i >= 2 && i % 2 == 1);
            }
            Warmup first = s.measurements().getFirst().conditions().warmup();
            assertThat(first.intervals()).isPositive();
            assertThat(first.seconds()).isGreaterThanOrEqualTo(first.steadyAfterSeconds());
            assertThat(s.summary().starts()).isEqualTo(3);
            assertThat(s.summary().throughput().n()).isEqualTo(3);
            assertThat(s.summary().throughput().method()).isEqualTo("two-level");
            assertThat(s.summary().fixedRateCpuMicrosPerRequest().n()).isEqualTo(2);
            assertThat(s.measurements().get(3).fixedRate().ok()).isPositive();
        }
        // A cold target may answer nothing in its first 250 ms interval on a busy machine, but not in all of them.
        assertThat(r.targets().stream().flatMap(t -> t.scenarios().getFirst().measurements().stream())
                .mapToLong(m -> m.conditions().warmup().requests()).sum()).isPositive();
        assertThat(r.interference().measurements()).isEqualTo(18);
        assertThat(r.rankings()).extracting(x -> x.metric()).contains("throughput", "fixedRateCpuMicrosPerRequest");
        assertNoProcessLeft(r);
    }

    @Test
    void fixedRatesGivenByAnEarlierRunAreMeasuredWhenTheRunsOwnWouldBe() throws Exception {
        Path file = suiteWith("""
                scenarios:
                  - name: json
                    path: /json
                """, target("a", "ok"));
        RunPlan.Design given = new RunPlan.Design(1, 7, false, Map.of("json", 40.0));

        // One round: measured in it, at the given rate.
        RunResult once = run(file, 1, true, 1, false, given);
        Measurement m = once.cell("a", "json").orElseThrow().measurements().getFirst();
        assertThat(m.fixedRate()).as("measured in the only round, at the given rate").isNotNull();
        assertThat(m.fixedRate().rate()).isEqualTo(40.0);
        assertThat(m.fixedRate().ok()).isPositive();
        assertThat(once.fixedRates()).containsExactly(Map.entry("json", 40.0));
        assertNoProcessLeft(once);

        // Two rounds: from round 2, as the run's own rates would be, so that a pair of runs has the same design.
        RunResult twice = run(file, 2, true, 1, false, given);
        List<Measurement> ms = twice.cell("a", "json").orElseThrow().measurements();
        assertThat(ms).extracting(x -> x.fixedRate() == null).containsExactly(true, false);
        assertThat(ms.getLast().fixedRate().rate()).isEqualTo(40.0);
        assertNoProcessLeft(twice);
    }

    private static RunResult run(Path suiteFile, int repeats, boolean restart, int phases, boolean together,
            RunPlan.Design design) throws InterruptedException {
        return run(suiteFile, repeats, restart, phases, together, design, new ArrayList<>(), SHORT);
    }

    private static RunResult run(Path suiteFile, int rounds, int perStart, long seed, List<RunResult> checkpoints)
            throws InterruptedException {
        return run(suiteFile, rounds, true, 1, false, new RunPlan.Design(perStart, seed, false, Map.of()), checkpoints, SHORT);
    }

    /** Runs the suite with its folder as fwbench's home and the target logs in its logs/. */
    private static RunResult run(Path suiteFile, int repeats, boolean restart, int phases, boolean together,
            RunPlan.Design design, List<RunResult> checkpoints, LoadSettings settings) throws InterruptedException {
        Suite suite = SuiteLoader.load(suiteFile);
        Path home = suiteFile.getParent();
        RunPlan plan = new RunPlan(suite, suite.targets(),
                Plans.scenarios(suite, suite.scenarios(), Mode.STANDARD, settings), Mode.STANDARD,
                repeats, restart, phases, together, null, home, "python3", home.resolve("logs"), List.of("test"),
                design);
        RunResult result = new Runner(plan, new RunListener() {
            @Override
            public void checkpoint(RunResult soFar) {
                checkpoints.add(soFar);
            }
        }).run();
        assertThat(checkpoints).isNotEmpty();
        assertThat(checkpoints.getLast()).isEqualTo(result);
        return result;
    }

    private static String target(String name, String mode) {
        return "  - name: " + name + "\n"
                + "    command: [\"${java}\", -Xmx64m, -cp, \"${cp}\", " + TestTarget.class.getName() + ", \"${port}\", " + mode + "]\n"
                + "    version: \"1.0-" + mode + "\"\n";
    }

    private static TargetResult named(RunResult r, String name) {
        return r.targets().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    private Path suite(String... targets) throws IOException {
        return suiteWith(SCENARIOS, targets);
    }

    private Path suiteWith(String scenarios, String... targets) throws IOException {
        return suiteIn(dir, scenarios, targets);
    }

    private static Path suiteIn(Path folder, String scenarios, String... targets) throws IOException {
        StringBuilder yaml = new StringBuilder("name: test\nvars:\n  cp: \"")
                .append(System.getProperty("java.class.path")).append("\"\n").append(scenarios).append("targets:\n");
        Stream.of(targets).forEach(yaml::append);
        Path file = folder.resolve("suite.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private static void assertNoProcessLeft(RunResult r) {
        for (TargetResult t : r.targets()) {
            for (TargetResult.Start s : t.starts()) {
                assertThat(ProcessHandle.of(s.pid()).map(ProcessHandle::isAlive).orElse(false))
                        .as("process %d of %s", s.pid(), t.name()).isFalse();
            }
        }
    }
}
