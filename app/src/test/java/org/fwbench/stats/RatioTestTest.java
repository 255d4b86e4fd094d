package org.fwbench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.fwbench.result.Json;
import org.junit.jupiter.api.Test;

class RatioTestTest {

    private static final double[] TEN_TWELVE_FOURTEEN = {10, 12, 14};
    private static final double[] FIVE_SIX_SEVEN = {5, 6, 7};

    @Test
    void fiellerIntervalMatchesTheReferenceComputation() {
        // Reference: the same formula evaluated with SciPy (t.ppf(0.975, 4) = 2.7764451; Welch df at ratio 2 is 4)
        RatioTest c = RatioTest.of(TEN_TWELVE_FOURTEEN, FIVE_SIX_SEVEN);

        assertThat(c.ratio()).isEqualTo(2);
        assertThat(c.ratioLow()).isCloseTo(1.3546433046826294, within(1e-9));
        assertThat(c.ratioHigh()).isCloseTo(2.9528068283164286, within(1e-9));
        assertThat(c.significant()).isTrue();
        assertThat(c.method()).isEqualTo("fieller");
    }

    @Test
    void unequalSizesUseFractionalDegreesOfFreedom() {
        // Reference: SciPy, Welch-Satterthwaite df 4.631 at the ratio, t.ppf(0.975, 4.631) = 2.6334105
        RatioTest c = RatioTest.of(new double[] {1040, 980, 1110, 1005}, new double[] {890, 920, 870});

        assertThat(c.ratio()).isCloseTo(1.1571828358208955, within(1e-12));
        assertThat(c.ratioLow()).isCloseTo(1.0623171587905604, within(1e-9));
        assertThat(c.ratioHigh()).isCloseTo(1.256302053317026, within(1e-9));
        assertThat(c.significant()).isTrue();
        assertThat(c.pValue()).isCloseTo(0.05714285714285714, within(1e-12));
    }

    @Test
    void threeAgainstThreeIsSignificantThoughMannWhitneyCannotGoBelowATenth() {
        // Every A above every B: U = 9, exact two-sided p = 2 / C(6, 3) = 0.1, the smallest there is for 3 vs 3.
        RatioTest c = RatioTest.of(TEN_TWELVE_FOURTEEN, FIVE_SIX_SEVEN);

        assertThat(c.pValue()).isCloseTo(0.1, within(1e-12));
        assertThat(c.significant()).isTrue();
    }

    @Test
    void mannWhitneyIsExactForSmallSamplesWithoutTies() {
        // Reference: SciPy mannwhitneyu(method='exact')
        assertThat(RatioTest.of(new double[] {1, 3, 5, 7}, new double[] {2, 4, 6, 8, 10}).pValue())
                .isCloseTo(0.4126984126984127, within(1e-12));
        assertThat(RatioTest.of(new double[] {1.5, 3.2, 9.1, 4.4, 2.2},
                new double[] {5.5, 6.1, 7.3, 8.8, 10.2, 11.0}).pValue())
                .isCloseTo(0.05194805194805195, within(1e-12));
    }

    @Test
    void overlappingSamplesAreNotSignificant() {
        RatioTest c = RatioTest.of(new double[] {95, 100, 105}, new double[] {97, 101, 104});

        assertThat(c.ratioLow()).isLessThan(1);
        assertThat(c.ratioHigh()).isGreaterThan(1);
        assertThat(c.significant()).isFalse();
        assertThat(c.pValue()).isGreaterThan(0.05);
    }

    @Test
    void theVerdictDoesNotDependOnWhichSideIsA() {
        double[] a = {1040, 980, 1110, 1005};
        double[] b = {890, 920, 870};

        RatioTest ab = RatioTest.of(a, b);
        RatioTest ba = RatioTest.of(b, a);

        assertThat(ba.significant()).isEqualTo(ab.significant());
        assertThat(ba.ratio()).isCloseTo(1 / ab.ratio(), within(1e-12));
        assertThat(ba.ratioLow()).isCloseTo(1 / ab.ratioHigh(), within(1e-12));
        assertThat(ba.ratioHigh()).isCloseTo(1 / ab.ratioLow(), within(1e-12));
        assertThat(ba.pValue()).isCloseTo(ab.pValue(), within(1e-12));
    }

    @Test
    void identicalSamplesAreTheSame() {
        RatioTest c = RatioTest.of(new double[] {5, 5, 5}, new double[] {5, 5, 5});

        assertThat(c).isEqualTo(new RatioTest(1, 1, 1, 1, false, "fieller"));
    }

    @Test
    void constantButDifferentSamplesDifferExactly() {
        RatioTest c = RatioTest.of(new double[] {5, 5, 5}, new double[] {4, 4, 4});

        assertThat(c.ratio()).isEqualTo(1.25);
        assertThat(c.ratioLow()).isEqualTo(1.25);
        assertThat(c.ratioHigh()).isEqualTo(1.25);
        assertThat(c.significant()).isTrue();
        // Tied values: normal approximation with continuity and tie correction (reference: SciPy)
        assertThat(c.pValue()).isCloseTo(0.04685417760387376, within(1e-12));
    }

    @Test
    void zeros() {
        assertThat(RatioTest.of(new double[] {0, 0, 0}, new double[] {0, 0, 0}))
                .isEqualTo(new RatioTest(1, 1, 1, 1, false, "fieller"));

        RatioTest fromNothing = RatioTest.of(new double[] {0, 0, 0}, new double[] {1, 2, 3});
        assertThat(fromNothing.ratio()).isZero();
        assertThat(fromNothing.ratioLow()).isZero();
        assertThat(fromNothing.ratioHigh()).isZero();
        assertThat(fromNothing.significant()).isTrue();

        RatioTest overNothing = RatioTest.of(new double[] {1, 2, 3}, new double[] {0, 0, 0});
        assertThat(overNothing.ratio()).isInfinite();
        assertThat(overNothing.ratioLow()).isZero();
        assertThat(overNothing.ratioHigh()).isInfinite();
        assertThat(overNothing.significant()).isFalse();
    }

    @Test
    void aDenominatorThatCouldBeZeroGivesAnUnboundedInterval() {
        RatioTest c = RatioTest.of(new double[] {50, 50, 51}, new double[] {1, 10, 100});

        assertThat(c.ratioLow()).isZero();
        assertThat(c.ratioHigh()).isInfinite();
        assertThat(c.significant()).isFalse();
    }

    @Test
    void oneSampleASideCannotBeSignificant() {
        RatioTest c = RatioTest.of(new double[] {10}, FIVE_SIX_SEVEN);

        assertThat(c.ratio()).isCloseTo(10.0 / 6, within(1e-12));
        assertThat(c.ratioLow()).isZero();
        assertThat(c.ratioHigh()).isInfinite();
        assertThat(c.significant()).isFalse();
        assertThat(c.method()).isEqualTo("single");
        assertThat(RatioTest.of(new double[] {0}, new double[] {0}).ratio()).isEqualTo(1);
    }

    @Test
    void isDeterministic() {
        assertThat(RatioTest.of(TEN_TWELVE_FOURTEEN, FIVE_SIX_SEVEN))
                .isEqualTo(RatioTest.of(TEN_TWELVE_FOURTEEN.clone(), FIVE_SIX_SEVEN.clone()));
    }

    @Test
    void rejectsNegativeSamples() {
        assertThatThrownBy(() -> RatioTest.of(new double[] {1, -2}, FIVE_SIX_SEVEN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a ratio needs non-negative samples, not -2.0");
    }

    @Test
    void anUnboundedIntervalSurvivesTheResultsFileFormat() throws Exception {
        RatioTest c = RatioTest.of(new double[] {10}, FIVE_SIX_SEVEN);

        String json = Json.MAPPER.writeValueAsString(c);

        assertThat(json).contains("\"ratioHigh\" : \"Infinity\"");
        assertThat(Json.MAPPER.readValue(json, RatioTest.class)).isEqualTo(c);
    }
}
