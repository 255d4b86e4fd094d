package org.fwbench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SharedSpreadTest {

    @Test
    void withFewerThanThreeTargetsWhoseSamplesDifferTheVarianceOfTheLogarithmsIsPooled() {
        // ln: a {0, ln 2} (mean ln 2 / 2, squares (ln 2)^2 / 2, 1 df); b {ln 10, ln 10, ln 10} (0, 2 df);
        // c has one sample: it adds nothing.
        SharedSpread s = fit(List.of(new double[] {1, 2}, new double[] {10, 10, 10}, new double[] {7}), 0);

        assertThat(s.df()).isEqualTo(3);
        assertThat(s.variance()).isCloseTo(Math.log(2) * Math.log(2) / 2 / 3, within(1e-12));
        assertThat(s.priorDf()).as("the fallback's 4, but no more than it was pooled from").isEqualTo(3);
        assertThat(s.usable()).isTrue();
    }

    @Test
    void targetsWhoseSpreadsDifferFarMoreThanTheirStartsExplainShareLittle() {
        // Known answer, computed apart with SciPy (digamma, polygamma, brentq) by Smyth's moments: the variances of
        // ln(sample) are 0.0001 to 0.028, the scatter of five variances on 2 df each explains a factor of 3 or so.
        List<double[]> samples = List.of(new double[] {100, 101, 102}, new double[] {200, 210, 220},
                new double[] {50, 60, 70}, new double[] {1000, 1100, 1300}, new double[] {10, 11, 12});

        SharedSpread s = fit(samples, 0);

        assertThat(s.df()).isEqualTo(10);
        assertThat(s.priorDf()).isCloseTo(1.2246383295225856, within(1e-9));
        assertThat(s.variance()).isCloseTo(0.0025534855004458665, within(1e-12));
        // the target that varies most keeps most of its own spread (0.0284), far above the pooled 0.0113
        assertThat(s.shrunk(samples.get(2))).isCloseTo(0.018565227939803045, within(1e-12));
    }

    @Test
    void targetsThatVaryAlikeShareASpreadThatCountsForAllTheDegreesOfFreedomItWasFittedFrom() {
        // Five targets whose starts are 10 % apart alike: their variances agree better than three starts let them,
        // so the shared variance is exp(mean e), with e = ln s^2 - digamma(1) + ln 1 = ln s^2 + Euler's gamma.
        List<double[]> samples = List.of(new double[] {90, 100, 110}, new double[] {900, 1000, 1100},
                new double[] {9, 10, 11}, new double[] {45, 50, 55}, new double[] {18, 20, 22});
        double mean = (Math.log(0.9) + Math.log(1.1)) / 3;
        double ownVariance = (Math.pow(Math.log(0.9) - mean, 2) + mean * mean + Math.pow(Math.log(1.1) - mean, 2)) / 2;

        SharedSpread s = fit(samples, 0);

        assertThat(s.priorDf()).isEqualTo(10);
        assertThat(s.variance()).isCloseTo(ownVariance * Math.exp(0.5772156649015329), within(1e-12));
    }

    @Test
    void scenariosFittedTogetherShareTheirDegreesOfFreedomAndKeepTheirOwnVariances() {
        // The two groups of the tests above, fitted together: how far each group's variances scatter about their own
        // mean is pooled (known answer from SciPy, as above), and each group's variance is read from its own targets.
        List<double[]> scattered = List.of(new double[] {100, 101, 102}, new double[] {200, 210, 220},
                new double[] {50, 60, 70}, new double[] {1000, 1100, 1300}, new double[] {10, 11, 12});
        List<double[]> alike = List.of(new double[] {90, 100, 110}, new double[] {900, 1000, 1100},
                new double[] {9, 10, 11}, new double[] {45, 50, 55}, new double[] {18, 20, 22});

        List<SharedSpread> s = SharedSpread.of(List.of(new SharedSpread.Group(scattered, 0),
                new SharedSpread.Group(alike, 0), new SharedSpread.Group(List.of(new double[] {1, 2}), 0)));

        assertThat(s.get(0).priorDf()).isCloseTo(2.9970594367286765, within(1e-9));
        assertThat(s.get(1).priorDf()).isCloseTo(2.9970594367286765, within(1e-9));
        assertThat(s.get(0).variance()).isCloseTo(0.004826654318886733, within(1e-12));
        assertThat(s.get(1).variance()).isCloseTo(0.012403298982112423, within(1e-12));
        // too few targets to take part: its pooled variance, at the weight used before the fit
        assertThat(s.get(2)).isEqualTo(new SharedSpread(Math.log(2) * Math.log(2) / 2, 1, 1));
    }

    @Test
    void aTargetsOwnVarianceIsShrunkTowardTheSharedOneByThePriorsDegreesOfFreedom() {
        SharedSpread s = new SharedSpread(0.01, 12, 4);
        double[] agreeing = {5, 5, 5};
        double[] spread = {1, Math.E, Math.E * Math.E}; // ln: 0, 1, 2: squares 2 over 2 df

        assertThat(s.shrunk(agreeing)).isCloseTo(4 * 0.01 / 6, within(1e-12));
        assertThat(s.shrunk(spread)).isCloseTo((4 * 0.01 + 2) / 6, within(1e-12));
        assertThat(s.shrunkDf(spread)).isEqualTo(6);
    }

    @Test
    void degreesOfFreedomAModelTookFromTheSamplesAreLeftOutOfTheDivisor() {
        List<double[]> samples = List.of(new double[] {1, 2}, new double[] {10, 20, 40});

        SharedSpread all = fit(samples, 0);
        SharedSpread fitted = fit(samples, 1);

        assertThat(fitted.df()).isEqualTo(all.df() - 1);
        assertThat(fitted.variance()).isCloseTo(all.variance() * 3 / 2, within(1e-12));
        assertThat(fit(samples, 3)).isEqualTo(SharedSpread.NONE);
    }

    @Test
    void nothingIsSharedWithoutTwoSamplesOrWithAFigureThatIsNotPositive() {
        assertThat(fit(List.of(new double[] {1}, new double[] {2}), 0)).isEqualTo(SharedSpread.NONE);
        assertThat(fit(List.of(new double[] {0, 1}, new double[] {2, 3}), 0)).isEqualTo(SharedSpread.NONE);
        assertThat(SharedSpread.NONE.usable()).isFalse();
    }

    /** One scenario fitted alone: its priorDf from its own targets' variances too. */
    private static SharedSpread fit(List<double[]> samples, int fittedDf) {
        return SharedSpread.of(List.of(new SharedSpread.Group(samples, fittedDf))).getFirst();
    }
}
