package org.fwbench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SharedSpreadTest {

    @Test
    void theVarianceOfTheLogarithmsIsPooledOverTargetsWithTwoSamplesOrMore() {
        // ln: a {0, ln 2} (mean ln 2 / 2, squares (ln 2)^2 / 2, 1 df); b {ln 10, ln 10, ln 10} (0, 2 df);
        // c has one sample: it adds nothing.
        SharedSpread s = SharedSpread.of(List.of(new double[] {1, 2}, new double[] {10, 10, 10}, new double[] {7}));

        assertThat(s.df()).isEqualTo(3);
        assertThat(s.variance()).isCloseTo(Math.log(2) * Math.log(2) / 2 / 3, within(1e-12));
        assertThat(s.usable()).isTrue();
    }

    @Test
    void aTargetsOwnVarianceIsShrunkTowardTheSharedOneWithFourDegreesOfFreedom() {
        SharedSpread s = new SharedSpread(0.01, 12);
        double[] agreeing = {5, 5, 5};
        double[] spread = {1, Math.E, Math.E * Math.E}; // ln: 0, 1, 2: squares 2 over 2 df

        assertThat(s.shrunk(agreeing)).isCloseTo(4 * 0.01 / 6, within(1e-12));
        assertThat(s.shrunk(spread)).isCloseTo((4 * 0.01 + 2) / 6, within(1e-12));
        assertThat(SharedSpread.shrunkDf(spread)).isEqualTo(6);
    }

    @Test
    void degreesOfFreedomAModelTookFromTheSamplesAreLeftOutOfTheDivisor() {
        List<double[]> samples = List.of(new double[] {1, 2}, new double[] {10, 20, 40});

        SharedSpread all = SharedSpread.of(samples);
        SharedSpread fitted = SharedSpread.of(samples, 1);

        assertThat(fitted.df()).isEqualTo(all.df() - 1);
        assertThat(fitted.variance()).isCloseTo(all.variance() * 3 / 2, within(1e-12));
        assertThat(SharedSpread.of(samples, 3)).isEqualTo(SharedSpread.NONE);
    }

    @Test
    void nothingIsSharedWithoutTwoSamplesOrWithAFigureThatIsNotPositive() {
        assertThat(SharedSpread.of(List.of(new double[] {1}, new double[] {2}))).isEqualTo(SharedSpread.NONE);
        assertThat(SharedSpread.of(List.of(new double[] {0, 1}, new double[] {2, 3}))).isEqualTo(SharedSpread.NONE);
        assertThat(SharedSpread.NONE.usable()).isFalse();
    }
}
