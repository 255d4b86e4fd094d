package org.fwbench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.fwbench.result.Json;
import org.junit.jupiter.api.Test;

class EstimateTest {

    @Test
    void studentTIntervalMatchesTheHandComputation() {
        // mean 12, sd 2, t(0.975, 2) = 4.302653 (reference table: 4.303): half-width 4.302653 * 2 / sqrt(3)
        Estimate e = Estimate.of(10, 12, 14);

        assertThat(e.n()).isEqualTo(3);
        assertThat(e.median()).isEqualTo(12);
        assertThat(e.mean()).isEqualTo(12);
        assertThat(e.stdev()).isEqualTo(2);
        assertThat(e.halfWidth()).isCloseTo(4.968275, within(1e-6));
        assertThat(e.ciLow()).isCloseTo(12 - 4.968275, within(1e-6));
        assertThat(e.ciHigh()).isCloseTo(12 + 4.968275, within(1e-6));
        assertThat(e.cv()).isCloseTo(2.0 / 12, within(1e-12));
        assertThat(e.noisy()).isTrue();
        assertThat(e.outliers()).isEmpty();
        assertThat(e.method()).isEqualTo("student-t");
    }

    @Test
    void fiveSamplesUseFourDegreesOfFreedom() {
        // sd sqrt(2.5), t(0.975, 4) = 2.776 from the table: 2.776 * 1.5811 / sqrt(5) = 1.963
        Estimate e = Estimate.of(98, 100, 102, 99, 101);

        assertThat(e.halfWidth()).isCloseTo(1.963, within(1e-3));
        assertThat(e.cv()).isCloseTo(0.0158, within(1e-4));
        assertThat(e.noisy()).isFalse();
    }

    @Test
    void noisyMeansACoefficientOfVariationAboveTenPercent() {
        assertThat(Estimate.of(90, 110).noisy()).isTrue();
        assertThat(Estimate.of(95, 105).noisy()).isFalse();
    }

    @Test
    void aSingleSampleHasNoInterval() {
        Estimate e = Estimate.of(42);

        assertThat(e).isEqualTo(new Estimate(1, 42, 42, 0, 42, 42, 0, 0, false, java.util.List.of(), "single"));
    }

    @Test
    void identicalSamplesHaveAZeroWidthInterval() {
        Estimate e = Estimate.of(7, 7, 7, 7);

        assertThat(e.ciLow()).isEqualTo(7);
        assertThat(e.ciHigh()).isEqualTo(7);
        assertThat(e.halfWidth()).isZero();
        assertThat(e.cv()).isZero();
        assertThat(e.noisy()).isFalse();
        assertThat(e.outliers()).isEmpty();
        assertThat(e.method()).isEqualTo("student-t");
    }

    @Test
    void zerosAreNotNoise() {
        Estimate e = Estimate.of(0, 0, 0);

        assertThat(e.mean()).isZero();
        assertThat(e.cv()).isZero();
        assertThat(e.noisy()).isFalse();
    }

    @Test
    void outliersAreSamplesMoreThanThreePointFiveScaledMadsFromTheMedian() {
        // median 100, MAD 1: the score of x is |x - 100| / 1.4826, and 3.5 * 1.4826 = 5.19
        assertThat(Estimate.of(100, 101, 99, 100, 105).outliers()).isEmpty();
        assertThat(Estimate.of(100, 101, 99, 100, 106).outliers()).containsExactly(4);
        assertThat(Estimate.of(50, 100, 101, 99, 100, 300).outliers()).containsExactly(0, 5);
    }

    @Test
    void outliersAreShownNotHidden() {
        Estimate e = Estimate.of(100, 101, 200);

        assertThat(e.outliers()).containsExactly(2);
        assertThat(e.mean()).isCloseTo(401.0 / 3, within(1e-9));
    }

    @Test
    void leavesTheSamplesAsTheyWere() {
        double[] samples = {3, 1, 2, 9, 0};

        Estimate.of(samples);

        assertThat(samples).containsExactly(3, 1, 2, 9, 0);
    }

    @Test
    void aZeroMadFlagsNothing() {
        assertThat(Estimate.of(5, 5, 5, 9).outliers()).isEmpty();
    }

    @Test
    void rejectsWhatCannotBeSummarised() {
        assertThatThrownBy(Estimate::of).isInstanceOf(IllegalArgumentException.class).hasMessage("no samples");
        assertThatThrownBy(() -> Estimate.of(1, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("not a finite sample: NaN");
        assertThatThrownBy(() -> Estimate.of(1, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Infinity");
    }

    @Test
    void survivesTheResultsFileFormat() throws Exception {
        Estimate e = Estimate.of(100, 101, 200);

        String json = Json.MAPPER.writeValueAsString(e);

        assertThat(Json.MAPPER.readValue(json, Estimate.class)).isEqualTo(e);
    }
}
