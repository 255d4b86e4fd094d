package org.fwbench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.fwbench.config.LoadSettings;
import org.fwbench.config.Mode;
import org.fwbench.config.Suite;
import org.fwbench.config.SuiteLoader;
import org.fwbench.report.ScenarioTable;
import org.fwbench.result.Measurement;
import org.fwbench.result.RunResult;
import org.fwbench.result.ScenarioResult;
import org.fwbench.result.TargetResult;
import org.fwbench.result.Warmup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner against real target processes ({@link TestTarget}) that behave well and badly. */
class RunnerTest {

    private static final LoadSettings SHORT = LoadSettings.builder().duration(Duration.ofMillis(500))
            .warmup(Duration.ofMillis(300)).connections(4).timeout(Duration.ofSeconds(1)).build();
    private static final LoadSettings NO_WARMUP = SHORT.overriddenBy(LoadSettings.builder().warmup(Duration.ZERO).build());

    @TempDir
    Path dir;

    @Test
    void measuresEveryTargetOnEveryScenarioAndLeavesNoProcess() throws Exception {
        RunResult r = run(suite(target("alpha", "ok"), target("beta", "ok")), 2, true, 1, false);

        assertThat(r.schemaVersion()).isEqualTo(RunResult.SCHEMA_VERSION);
        assertThat(r.targets()).extracting(TargetResult::status).containsExactly(TargetResult.Status.OK, TargetResult.Status.OK);
        for (TargetResult t : r.targets()) {
            assertThat(t.starts()).hasSize(2);
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

    @Test
    void aTargetThatFailsIsReportedWithItsLogWhileTheOthersAreMeasured() throws Exception {
        RunResult r = run(suite(target("quitter", "exit"), target("good", "ok")), 1, true, 1, false);

        TargetResult quitter = r.targets().getFirst();
        assertThat(quitter.status()).isEqualTo(TargetResult.Status.FAILED);
        assertThat(quitter.reason()).isNotBlank();
        assertThat(quitter.logTail()).anyMatch(l -> l.contains("boom"));
        assertThat(quitter.scenarios()).allSatisfy(s -> assertThat(s.status()).isEqualTo(ScenarioResult.Status.NOT_RUN));
        assertThat(r.targets().get(1).status()).isEqualTo(TargetResult.Status.OK);
        assertThat(r.targets().get(1).scenarios().getFirst().summary()).isNotNull();
        assertNoProcessLeft(r);
    }

    @Test
    void aTargetThatNeverAnswersTimesOut() throws Exception {
        String slow = target("sleeper", "never-ready") + "    ready: {timeout: 1500ms}\n";
        RunResult r = run(suite(slow, target("good", "ok")), 1, true, 1, false);

        assertThat(r.targets().getFirst().status()).isEqualTo(TargetResult.Status.FAILED);
        assertThat(r.targets().getFirst().reason()).containsIgnoringCase("ready");
        assertThat(r.targets().get(1).ok()).isTrue();
        assertNoProcessLeft(r);
    }

    @Test
    void aWrongAnswerFailsVerificationAndThatScenarioIsNotMeasured() throws Exception {
        RunResult r = run(suite(target("liar", "wrong-body")), 1, true, 1, false);

        TargetResult liar = r.targets().getFirst();
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
                RunPlan.Design.of(7), new ArrayList<>(), NO_WARMUP);

        TargetResult fragile = r.targets().getFirst();
        assertThat(fragile.status()).isEqualTo(TargetResult.Status.FAILED);
        assertThat(fragile.reason()).contains("exited during scenario 'plaintext'");
        assertThat(fragile.scenarios().getFirst().summary()).isNotNull();
        assertThat(r.targets().get(1).ok()).isTrue();
        assertNoProcessLeft(r);
    }

    @Test
    void aTargetThatDiesDuringTheWarmupIsFailedWithThatReason() throws Exception {
        RunResult r = run(suite(target("fragile", "die-after:50"), target("good", "ok")), 1, true, 1, false);

        TargetResult fragile = r.targets().getFirst();
        assertThat(fragile.status()).isEqualTo(TargetResult.Status.FAILED);
        assertThat(fragile.reason()).isEqualTo("exited during the warm-up (start 1)");
        assertThat(fragile.logTail()).anyMatch(line -> line.contains("dying after 50 requests"));
        assertThat(r.targets().get(1).ok()).isTrue();
        assertNoProcessLeft(r);
    }

    @Test
    void aTargetWhoseRequirementIsMissingIsSkippedNotFailed() throws Exception {
        String missing = target("absent", "ok") + "    requires: [\"${java}\", -version-that-does-not-exist]\n";
        RunResult r = run(suite(missing), 1, true, 1, false);

        assertThat(r.targets().getFirst().status()).isEqualTo(TargetResult.Status.SKIPPED);
        assertThat(r.targets().getFirst().reason()).startsWith("not installed");
        assertThat(r.targets().getFirst().starts()).isEmpty();
    }

    @Test
    void phasesGiveALeakVerdictAndTogetherKeepsOneProcessPerTarget() throws Exception {
        RunResult r = run(suite(target("alpha", "ok"), target("beta", "ok")), 2, false, 3, true);

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
        RunResult r = run(suite(target("lonely", "one-at-a-time")), 1, true, 1, false, RunPlan.Design.of(7),
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
        RunResult r = run(suite(target("broken", "fail-after:2"), target("good", "ok")), 2, true, 1, false);

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
            assertThat(s.measurements()).extracting(m -> m.conditions().start()).containsExactly(1, 1, 2, 2, 3, 3);
            assertThat(s.measurements()).extracting(m -> m.conditions().round()).containsExactly(1, 1, 2, 2, 3, 3);
            for (int i = 0; i < 6; i++) {
                Measurement m = s.measurements().get(i);
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

    private RunResult run(Path suiteFile, int repeats, boolean restart, int phases, boolean together)
            throws InterruptedException {
        return run(suiteFile, repeats, restart, phases, together, RunPlan.Design.of(7), new ArrayList<>(), SHORT);
    }

    private RunResult run(Path suiteFile, int rounds, int perStart, long seed, List<RunResult> checkpoints)
            throws InterruptedException {
        return run(suiteFile, rounds, true, 1, false, new RunPlan.Design(perStart, seed, false), checkpoints, SHORT);
    }

    private RunResult run(Path suiteFile, int repeats, boolean restart, int phases, boolean together,
            RunPlan.Design design, List<RunResult> checkpoints, LoadSettings settings) throws InterruptedException {
        Suite suite = SuiteLoader.load(suiteFile);
        RunPlan plan = new RunPlan(suite, suite.targets(),
                Plans.scenarios(suite, suite.scenarios(), Mode.STANDARD, settings), Mode.STANDARD,
                repeats, restart, phases, together, null, dir, "python3", dir.resolve("logs"), List.of("test"),
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

    private Path suite(String... targets) throws IOException {
        return suiteWith("""
                scenarios:
                  - name: plaintext
                    path: /plaintext
                    expect: {contentType: text/plain, body: "Hello, World!"}
                  - name: json
                    path: /json
                    expect: {json: {message: "Hello, World!"}}
                """, targets);
    }

    private Path suiteWith(String scenarios, String... targets) throws IOException {
        StringBuilder yaml = new StringBuilder("name: test\nvars:\n  cp: \"")
                .append(System.getProperty("java.class.path")).append("\"\n").append(scenarios).append("targets:\n");
        Stream.of(targets).forEach(yaml::append);
        Path file = dir.resolve("suite.yaml");
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
