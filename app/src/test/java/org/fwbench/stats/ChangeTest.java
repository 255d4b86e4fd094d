package org.fwbench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
}
