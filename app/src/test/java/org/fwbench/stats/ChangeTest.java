package org.fwbench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeTest {

    @Test
    void isTheRelativeDifferenceWithTheIntervalOfTheRatio() {
        Change c = Change.of(new double[] {5, 6, 7}, new double[] {10, 12, 14});

        assertThat(c.relative()).isEqualTo(1.0);
        assertThat(c.relativeLow()).isCloseTo(0.3546433046826294, within(1e-9));
        assertThat(c.relativeHigh()).isCloseTo(1.9528068283164286, within(1e-9));
        assertThat(c.significant()).isTrue();
    }

    @Test
    void aClearTwentyFivePercentRise() {
        Change c = Change.of(new double[] {100, 101, 99}, new double[] {125, 126, 124});

        assertThat(c.relative()).isCloseTo(0.25, within(1e-12));
        assertThat(c.relativeLow()).isBetween(0.2, 0.25);
        assertThat(c.relativeHigh()).isBetween(0.25, 0.3);
        assertThat(c.significant()).isTrue();
    }

    @Test
    void aDropWithinTheNoiseIsNotSignificant() {
        Change c = Change.of(new double[] {1000, 1250, 900}, new double[] {950, 1100, 870});

        assertThat(c.relative()).isNegative();
        assertThat(c.relativeLow()).isNegative();
        assertThat(c.relativeHigh()).isPositive();
        assertThat(c.significant()).isFalse();
    }

    @Test
    void nothingToNothingIsNoChange() {
        assertThat(Change.of(new double[] {0, 0}, new double[] {0, 0})).isEqualTo(new Change(0, 0, 0, false));
    }

    @Test
    void theRunSpreadIsTheRobustStandardDeviationOfTheLogChangesAndIgnoresTheOneThatMoved() {
        // ln(1 + relative): -0.1, -0.05, 0, 0.05, 0.1 and one real change, ln 0.5: median 0, MAD 0.075.
        List<Change> cells = new ArrayList<>();
        for (double x : new double[] {-0.1, -0.05, 0, 0.05, 0.1, Math.log(0.5)}) {
            cells.add(new Change(Math.expm1(x), Math.expm1(x - 0.01), Math.expm1(x + 0.01), true));
        }
        assertThat(Change.runSpread(cells)).isCloseTo(1.4826 * 0.075, within(1e-12));
        assertThat(Change.runSpread(cells.subList(0, Change.MIN_CELLS_FOR_SPREAD - 1))).isZero();
    }

    @Test
    void aRunSpreadWidensTheIntervalOnTheLogScaleAndCanUndoSignificance() {
        Change c = new Change(0.25, 0.2, 0.3, true);

        Change wide = c.widened(0.15);

        double centre = Math.log(1.25);
        assertThat(Math.log1p(wide.relativeLow()))
                .isCloseTo(centre - Math.hypot(centre - Math.log(1.2), 1.959963984540054 * 0.15), within(1e-12));
        assertThat(Math.log1p(wide.relativeHigh()))
                .isCloseTo(centre + Math.hypot(Math.log(1.3) - centre, 1.959963984540054 * 0.15), within(1e-12));
        assertThat(wide.relative()).isEqualTo(0.25);
        assertThat(wide.significant()).isFalse();
        assertThat(c.widened(0.01).significant()).isTrue();
        assertThat(c.widened(0)).isEqualTo(c);
        assertThat(new Change(1, 0.5, Double.POSITIVE_INFINITY, true).widened(0.1).relativeHigh()).isInfinite();
    }
}
