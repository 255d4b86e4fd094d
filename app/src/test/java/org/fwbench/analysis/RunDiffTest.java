package org.fwbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fwbench.result.FixedRate;
import org.fwbench.result.Measurement;
import org.fwbench.result.Json;
import org.fwbench.result.RunResult;
import org.fwbench.run.SampleRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDiffTest {

    @TempDir
    Path dir;

    /**
     * A target measured with memory in the old run and without in the new (it moved to another host): compared on
     * its load figures, and the missing memory and CPU said, not taken as a change.
     */
    @Test
    void aTargetWithoutMemoryInOneRunIsComparedOnItsLoadAndTheAbsenceIsSaid() {
        RunResult now = SampleRuns.withRemote();
        List<org.fwbench.result.TargetResult> targets = new ArrayList<>(now.targets());
        List<Measurement> local = List.of(SampleRuns.measurement(1, 45_000, 0.3, 60, true, 15, 0),
                SampleRuns.measurement(2, 46_000, 0.3, 61, true, 15, 0),
                SampleRuns.measurement(3, 44_000, 0.3, 60, true, 16, 0));
        targets.set(2, SampleRuns.target("remote", "", 30, List.of(SampleRuns.scenario("hello", local))));
        RunResult old = SampleRuns.run("sample", targets);

        RunDiff c = RunDiff.of(old, now);

        assertThat(c.changes()).filteredOn(x -> x.target().equals("remote")).extracting(MetricChange::metric)
                .containsExactly(Metric.THROUGHPUT, Metric.P50, Metric.P95, Metric.P99);
        assertThat(c.unmatched()).contains("remote hello: memory and CPU not measured in the new run (remote host): "
                + "compared on load figures only");
        assertThat(RunDiff.of(now, now).unmatched()).contains("remote hello: memory and CPU not measured in either "
                + "run (remote host): compared on load figures only");
        assertThat(c.regressions()).isEmpty();
    }

    /**
     * The fixed rate is half the slowest target's capacity in each run: when the two runs served different rates,
     * CPU per request and p99 at those rates are not the same figure, and are not compared.
     */
    @Test
    void fixedRateFiguresAreComparedOnlyAtTheSameRate() {
        RunResult old = withFixedRate(2000, 400);
        assertThat(old.fixedRates()).as("what --fixed-rates-from takes").containsExactly(Map.entry("hello", 2000.0));
        RunDiff same = RunDiff.of(old, withFixedRate(2010, 600));
        RunDiff other = RunDiff.of(old, withFixedRate(1600, 600));

        assertThat(same.changes()).extracting(MetricChange::metric).contains(Metric.FIXED_RATE_CPU, Metric.FIXED_RATE_P99);
        assertThat(same.regressions()).extracting(MetricChange::metric).containsExactly(Metric.FIXED_RATE_CPU);
        assertThat(other.changes()).extracting(MetricChange::metric)
                .doesNotContain(Metric.FIXED_RATE_CPU, Metric.FIXED_RATE_P99).contains(Metric.THROUGHPUT);
        assertThat(other.regressions()).isEmpty();
        assertThat(other.unmatched()).containsExactly("hello: fixed rates differ (2000 and 1600 req/s): CPU per "
                + "request and p99 at the fixed rate not compared for any target (run --fixed-rates-from "
                + "OLD/results.json measures at the old run's rates)");
    }

    private static RunResult withFixedRate(double rate, double cpuMicros) {
        List<Measurement> ms = new ArrayList<>();
        for (int start = 1; start <= 3; start++) {
            ms.add(SampleRuns.measurement(start, start, 40_000 + start * 100, 0.3, 60, true, 15, 0)
                    .withFixedRate(new FixedRate(rate, 0.5, 1000, 1000, cpuMicros + start, 2.0 + start / 10.0, 0.0)));
        }
        return SampleRuns.run("sample", List.of(SampleRuns.target("t", "", 30, List.of(SampleRuns.scenario("hello", ms)))));
    }

    @Test
    void findsTheKnownRegressionInSavedFilesAndNothingElse() throws Exception {
        Json.write(dir.resolve("old.json"), SampleRuns.standard());
        Json.write(dir.resolve("new.json"), SampleRuns.fastSlowedDown());
        RunDiff c = RunDiff.of(Json.read(dir.resolve("old.json"), RunResult.class),
                Json.read(dir.resolve("new.json"), RunResult.class));

        assertThat(c.regressions()).singleElement().satisfies(r -> {
            assertThat(r.target() + " " + r.scenario() + " " + r.metric().compareName()).isEqualTo("fast hello throughput");
            assertThat(r.change().relative()).isCloseTo(-0.2, offset(1e-9));
            assertThat(r.change().relativeLow()).isLessThan(-0.2);
            assertThat(r.change().relativeHigh()).isBetween(-0.2, 0.0);
            assertThat(r.worsePercent()).isCloseTo(20, offset(1e-6));
            assertThat(r.before()).isEqualTo(40_000);
            assertThat(r.after()).isEqualTo(32_000);
        });
        assertThat(c.improvements()).isEmpty();
        // fast hello, fast json, slow hello: six metrics each.
        assertThat(c.changes()).hasSize(18);
        assertThat(c.changes()).filteredOn(x -> x.metric() == Metric.P95).hasSize(3);
        assertThat(c.changes()).filteredOn(x -> x.metric() == Metric.PSS_AFTER).hasSize(3);
        assertThat(c.unmatched()).containsExactly("slow json: not measured in the old run",
                "broken hello: not measured in the old run", "broken json: not measured in the old run");
        assertThat(c.regressionsBeyond(19)).hasSize(1);
        assertThat(c.regressionsBeyond(20.5)).isEmpty();
    }

    @Test
    void lowerLatencyIsAnImprovementAndHigherThroughputToo() {
        RunDiff c = RunDiff.of(SampleRuns.fastSlowedDown(), SampleRuns.standard());
        assertThat(c.regressions()).isEmpty();
        assertThat(c.improvements()).extracting(x -> x.metric().compareName()).containsExactly("throughput");
        assertThat(c.improvements().getFirst().worsePercent()).isCloseTo(-25, offset(1e-6));
    }

    @Test
    void aTightButSmallShiftIsWithinTheNoiseFloorWhileAThirtyPercentSlowdownIsCaught() {
        RunResult a = oneCell(40_000, 40_100, 39_900);
        // 4% lower and very tight: significant by its interval, but runs of the same thing move that much.
        RunResult aAgain = oneCell(38_400, 38_500, 38_300);
        RunResult slowed = oneCell(28_000, 28_100, 27_900);

        RunDiff same = RunDiff.of(a, aAgain);
        assertThat(same.changes()).filteredOn(c -> c.metric() == Metric.THROUGHPUT).singleElement()
                .satisfies(c -> {
                    assertThat(c.change().significant()).isTrue();
                    assertThat(c.verdict()).isEqualTo(MetricChange.Verdict.UNCHANGED);
                });
        assertThat(same.regressionsBeyond(10)).isEmpty();
        assertThat(RunDiff.of(a, slowed).regressionsBeyond(10)).extracting(c -> c.metric())
                .containsExactly(Metric.THROUGHPUT);
    }

    @Test
    void aSubMillisecondLatencyMoveIsBelowTheAbsoluteFloorWhileALargerOneIsCaught() {
        // the A/A pair's false alarm: p95 of a fast server from about 0.25 to 0.58 ms, tight on both sides
        RunDiff fast = RunDiff.of(latencyCell(0.08, 0.081, 0.079), latencyCell(0.19, 0.191, 0.189));
        assertThat(fast.changes()).filteredOn(c -> c.metric() == Metric.P95).singleElement().satisfies(c -> {
            assertThat(c.change().significant()).isTrue();
            assertThat(c.worsePercent()).isGreaterThan(100);
            assertThat(c.verdict()).isEqualTo(MetricChange.Verdict.UNCHANGED);
        });
        // the same relative move on a slower server, 7.5 ms to 17.8 ms at p95, is a regression
        RunDiff slow = RunDiff.of(latencyCell(2.5, 2.51, 2.49), latencyCell(5.9, 5.91, 5.89));
        assertThat(slow.regressions()).extracting(MetricChange::metric).contains(Metric.P95, Metric.P99);
    }

    /** One cell whose starts' latencies run from {@code lowMs} to three times that (p95 about 2.9x). */
    private static RunResult latencyCell(double... lowMsPerStart) {
        List<Measurement> ms = new ArrayList<>();
        for (int i = 0; i < lowMsPerStart.length; i++) {
            ms.add(SampleRuns.measurement(i + 1, 40_000, lowMsPerStart[i], 100, true, 20, 0));
        }
        return SampleRuns.run("s", List.of(SampleRuns.target("t", "1", 40, List.of(SampleRuns.scenario("hello", ms)))));
    }

    private static RunResult oneCell(double... throughputPerStart) {
        List<Measurement> ms = new ArrayList<>();
        for (int i = 0; i < throughputPerStart.length; i++) {
            ms.add(SampleRuns.measurement(i + 1, throughputPerStart[i], 0.4, 100, true, 20, 0));
        }
        return SampleRuns.run("s", List.of(SampleRuns.target("t", "1", 40, List.of(SampleRuns.scenario("hello", ms)))));
    }

    @Test
    void cellsInOnlyOneRunAreNamed() {
        RunResult one = SampleRuns.run("s", List.of(SampleRuns.standard().targets().getFirst()));
        assertThat(RunDiff.of(one, SampleRuns.standard()).unmatched())
                .contains("slow hello: only in the new run", "broken hello: only in the new run");
        assertThat(RunDiff.of(SampleRuns.standard(), one).unmatched()).contains("slow hello: only in the old run");
    }

    /**
     * Six targets whose req/s moved between two runs with nothing changed, each by more than the 5 % floor and
     * beyond its own tight interval, and one that really slowed down by half: the run-to-run spread learned from
     * all of them absorbs the first, not the second.
     */
    @Test
    void theRunToRunSpreadOfTheOtherTargetsKeepsNoiseFromCountingAsARegression() {
        double[] moves = {0.88, 0.92, 1.0, 1.06, 1.1, 0.93, 0.5};
        List<org.fwbench.result.TargetResult> before = new ArrayList<>();
        List<org.fwbench.result.TargetResult> after = new ArrayList<>();
        for (int i = 0; i < moves.length; i++) {
            before.add(target("t" + i, 10_000));
            after.add(target("t" + i, 10_000 * moves[i]));
        }
        RunDiff alone = RunDiff.of(SampleRuns.run("sample", before.subList(0, 2)),
                SampleRuns.run("sample", after.subList(0, 2)));
        RunDiff all = RunDiff.of(SampleRuns.run("sample", before), SampleRuns.run("sample", after));

        assertThat(alone.regressions()).as("two targets: too few to learn a spread from")
                .filteredOn(c -> c.metric() == Metric.THROUGHPUT).extracting(MetricChange::target)
                .containsExactly("t0", "t1");
        assertThat(all.regressions()).filteredOn(c -> c.metric() == Metric.THROUGHPUT)
                .extracting(MetricChange::target).containsExactly("t6");
    }

    /** Three starts within 1 % of {@code throughput}. */
    private static org.fwbench.result.TargetResult target(String name, double throughput) {
        List<Measurement> ms = List.of(SampleRuns.measurement(1, throughput * 0.99, 0.3, 60, true, 15, 0),
                SampleRuns.measurement(2, throughput, 0.3, 60, true, 15, 0),
                SampleRuns.measurement(3, throughput * 1.01, 0.3, 60, true, 15, 0));
        return SampleRuns.target(name, "", 30, List.of(SampleRuns.scenario("hello", ms)));
    }
}
