package org.fwbench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoundEffectsTest {

    private static final int[] ROUNDS = {1, 2, 3};

    @Test
    void aRoundSlowForEveryTargetIsFoundAndTakenOut() {
        // Round 1 at 0.8 of rounds 2 and 3 for all three targets: the geometric mean of the factors is 1.
        Map<String, double[]> samples = slowFirstRound();

        RoundEffects effects = RoundEffects.of(samples, rounds(samples));

        double f1 = 0.8 / Math.cbrt(0.8);
        assertThat(effects.factors().get(1)).isCloseTo(f1, within(1e-12));
        assertThat(effects.factors().get(2)).isCloseTo(1 / Math.cbrt(0.8), within(1e-12));
        assertThat(effects.df()).isEqualTo(2);
        double[] a = effects.adjust(samples.get("a"), ROUNDS);
        assertThat(a[0]).isCloseTo(a[1], within(1e-9));
        assertThat(a[1]).isCloseTo(a[2], within(1e-9));
        // a target measured in every round keeps its geometric mean
        assertThat(Math.exp(SharedSpread.meanOfLogs(a))).isCloseTo(Math.exp(SharedSpread.meanOfLogs(samples.get("a"))),
                within(1e-9));
    }

    @Test
    void aTargetMissingARoundIsAdjustedButDoesNotSayWhatTheRoundsDid() {
        Map<String, double[]> samples = slowFirstRound();
        samples.put("d", new double[] {1000, 1});
        Map<String, int[]> rounds = rounds(samples);
        rounds.put("d", new int[] {1, 2});

        RoundEffects effects = RoundEffects.of(samples, rounds);

        assertThat(effects.factors().get(1)).isCloseTo(0.8 / Math.cbrt(0.8), within(1e-12));
        assertThat(effects.adjust(samples.get("d"), rounds.get("d"))[0])
                .isCloseTo(1000 / effects.factors().get(1), within(1e-9));
    }

    @Test
    void nothingIsTakenOutWithFewerThanThreeTargetsInEveryRoundOrOneRoundOrAFigureThatIsNotPositive() {
        Map<String, double[]> two = new LinkedHashMap<>();
        two.put("a", new double[] {80, 100, 100});
        two.put("b", new double[] {40, 50, 50});
        assertThat(RoundEffects.of(two, rounds(two))).isEqualTo(RoundEffects.NONE);

        Map<String, double[]> oneRound = Map.of("a", new double[] {1}, "b", new double[] {2}, "c", new double[] {3});
        Map<String, int[]> round1 = Map.of("a", new int[] {1}, "b", new int[] {1}, "c", new int[] {1});
        assertThat(RoundEffects.of(oneRound, round1).any()).isFalse();

        Map<String, double[]> zero = new LinkedHashMap<>(two);
        zero.put("c", new double[] {0, 1, 1});
        assertThat(RoundEffects.of(zero, rounds(zero))).isEqualTo(RoundEffects.NONE);
        assertThat(RoundEffects.NONE.df()).isZero();
        assertThat(RoundEffects.NONE.adjust(new double[] {5, 6}, new int[] {1, 2})).containsExactly(5, 6);
    }

    @Test
    void noRoundsMeansNoEffects() {
        Map<String, double[]> samples = Map.of("a", new double[] {1, 2}, "b", new double[] {2, 3},
                "c", new double[] {3, 4});

        assertThat(RoundEffects.of(samples, Map.of())).isEqualTo(RoundEffects.NONE);
    }

    /** Three targets, each with round 1 at 0.8 of rounds 2 and 3. */
    private static Map<String, double[]> slowFirstRound() {
        Map<String, double[]> samples = new LinkedHashMap<>();
        samples.put("a", new double[] {80, 100, 100});
        samples.put("b", new double[] {40, 50, 50});
        samples.put("c", new double[] {8, 10, 10});
        return samples;
    }

    private static Map<String, int[]> rounds(Map<String, double[]> samples) {
        Map<String, int[]> rounds = new LinkedHashMap<>();
        samples.keySet().forEach(k -> rounds.put(k, ROUNDS));
        return rounds;
    }
}
