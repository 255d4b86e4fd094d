package org.fwbench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TwoLevelTest {

    @Test
    void theIntervalIsThatOfTheStartMeans() {
        // Start means 11, 13, 15: sd 2, t(0.975, 2) = 4.302653, half-width 4.968275 as for Estimate.of(11, 13, 15).
        TwoLevel t = TwoLevel.of(List.of(new double[] {10, 12}, new double[] {12, 14}, new double[] {14, 16}));

        assertThat(t.estimate().n()).isEqualTo(3);
        assertThat(t.estimate().mean()).isEqualTo(13);
        assertThat(t.estimate().halfWidth()).isCloseTo(4.968275, within(1e-6));
        assertThat(t.estimate().method()).isEqualTo("two-level");
        assertThat(t.measurements()).isEqualTo(6);
        // Within each start: deviations of ±1, pooled sd sqrt(6 / 3) = 1.414.
        assertThat(t.withinStdev()).isCloseTo(Math.sqrt(2), within(1e-9));
        // Var(mean) 4 = between^2 + 2 / 2: between sqrt(3).
        assertThat(t.betweenStdev()).isCloseTo(Math.sqrt(3), within(1e-9));
    }

    @Test
    void measurementsOfOneStartDoNotNarrowTheIntervalAsIfIndependent() {
        // Starts differ by a lot, measurements within a start hardly at all: the naive interval over all
        // nine values is far narrower than the truth; the two-level one is not.
        List<double[]> starts = List.of(new double[] {100, 101, 100}, new double[] {130, 131, 130},
                new double[] {115, 116, 115});
        double[] all = starts.stream().flatMapToDouble(java.util.Arrays::stream).toArray();

        TwoLevel t = TwoLevel.of(starts);

        assertThat(t.estimate().halfWidth()).isGreaterThan(2.5 * Estimate.of(all).halfWidth());
        assertThat(t.betweenStdev()).isGreaterThan(10 * t.withinStdev());
    }

    @Test
    void coversTheTrueMeanAboutNinetyFivePercentOfTheTimeWhenStartsVary() {
        Random random = new Random(7);
        int covered = 0;
        int trials = 4_000;
        for (int trial = 0; trial < trials; trial++) {
            List<double[]> starts = new ArrayList<>();
            for (int s = 0; s < 3; s++) {
                double startEffect = 10 * random.nextGaussian();
                starts.add(new double[] {100 + startEffect + 3 * random.nextGaussian(),
                    100 + startEffect + 3 * random.nextGaussian()});
            }
            Estimate e = TwoLevel.of(starts).estimate();
            if (e.ciLow() <= 100 && 100 <= e.ciHigh()) {
                covered++;
            }
        }
        assertThat(covered / (double) trials).isBetween(0.93, 0.97);
    }

    @Test
    void oneStartSaysSoAndUsesItsOwnMeasurements() {
        TwoLevel t = TwoLevel.of(List.<double[]>of(new double[] {10, 12, 14}));

        assertThat(t.estimate().method()).isEqualTo("one-start");
        assertThat(t.estimate().mean()).isEqualTo(12);
        assertThat(t.betweenStdev()).isZero();
        assertThat(t.withinStdev()).isEqualTo(2);
    }

    @Test
    void emptyStartsAreRefused() {
        assertThatThrownBy(() -> TwoLevel.of(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TwoLevel.of(List.of(new double[] {1}, new double[0])))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
