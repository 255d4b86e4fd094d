package org.fwbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.fwbench.result.Measurement;
import org.fwbench.result.Summary;
import org.fwbench.run.SampleRuns;
import org.fwbench.stats.Estimate;
import org.fwbench.stats.TwoLevel;
import org.junit.jupiter.api.Test;

class SummariesTest {

    /** Two starts of two measurements each: the first start lucky (about 40k), the second not (about 30k). */
    private static final List<Measurement> TWO_BY_TWO = List.of(
            SampleRuns.measurement(1, 1, 40_000, 0.4, 100, true, 20, 0),
            SampleRuns.measurement(2, 1, 40_400, 0.4, 100, true, 20, 0),
            SampleRuns.measurement(3, 2, 30_000, 0.4, 100, true, 20, 0),
            SampleRuns.measurement(4, 2, 30_400, 0.4, 100, true, 20, 0));

    @Test
    void measurementsOfOneStartCountAsOneSampleOfTheStartLevel() {
        Summary s = Summaries.of(TWO_BY_TWO);

        assertThat(s.repeats()).isEqualTo(4);
        assertThat(s.starts()).isEqualTo(2);
        Estimate throughput = s.throughput();
        assertThat(throughput.method()).isEqualTo("two-level");
        assertThat(throughput.n()).isEqualTo(2);
        assertThat(throughput.mean()).isCloseTo(35_200, offset(1e-6));
        // The interval of two start means (1 degree of freedom) is far wider than four measurements taken as
        // independent would give: the between-start difference is what another run would see.
        Estimate naive = Estimate.of(40_000, 40_400, 30_000, 30_400);
        assertThat(throughput.halfWidth()).isGreaterThan(5 * naive.halfWidth());
        assertThat(TwoLevel.of(Metric.THROUGHPUT.byStart(SampleRuns.scenario("x", TWO_BY_TWO)).orElseThrow())
                .betweenStdev()).isGreaterThan(7000);
        assertThat(Metric.THROUGHPUT.rankingSamples(SampleRuns.scenario("x", TWO_BY_TWO)).orElseThrow())
                .containsExactly(40_200, 30_200);
    }

    @Test
    void theWarmUpsAndDisturbancesAreCounted() {
        Summary.Conditions c = Summaries.of(TWO_BY_TWO).conditions();

        assertThat(c.warmups()).isEqualTo(4);
        assertThat(c.unsteady()).isZero();
        assertThat(c.secondsToSteady().median()).isEqualTo(0.5);
        assertThat(c.remeasured()).isZero();
        assertThat(c.anyUnsteady()).isFalse();
    }

    @Test
    void withoutFixedRateMeasurementsThoseFiguresAreAbsentNotZero() {
        Summary s = Summaries.of(TWO_BY_TWO);
        assertThat(s.fixedRateCpuMicrosPerRequest()).isNull();
        assertThat(Metric.FIXED_RATE_CPU.rankingSamples(SampleRuns.scenario("x", TWO_BY_TWO))).isEmpty();
    }
}
