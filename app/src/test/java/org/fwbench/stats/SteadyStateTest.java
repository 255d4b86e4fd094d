package org.fwbench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SteadyStateTest {

    private static final SteadyState.Rule RULE = SteadyState.Rule.DEFAULT;

    @Test
    void aWarmingJitIsSteadyOnlyOnceItsThroughputStopsClimbing() {
        // A JIT-compiled server: throughput climbs steeply, then by a few percent an interval, then holds.
        double[] throughput = {2_000, 6_000, 11_000, 14_000, 15_500, 16_200, 16_700, 17_100, 17_300, 17_350,
            17_300, 17_400, 17_350};
        double[] cpuPerRequest = {500, 170, 90, 71, 64, 61, 59, 58, 57.5, 57.4, 57.6, 57.4, 57.5};
        SteadyState detector = new SteadyState(RULE);
        int steadyAt = -1;
        for (int i = 0; i < throughput.length; i++) {
            if (detector.add(throughput[i], cpuPerRequest[i]) && steadyAt < 0) {
                steadyAt = i;
            }
        }
        // 15,500-17,100 is within 10 % by range but still climbing 3 % an interval: the trend test waits.
        assertThat(steadyAt).isGreaterThanOrEqualTo(8);
        assertThat(detector.steadySince()).isEqualTo(steadyAt - RULE.window() + 1);
    }

    @Test
    void aSteadyServerWithOrdinaryNoiseIsSteadyAfterOneWindow() {
        Random random = new Random(42);
        SteadyState detector = new SteadyState(RULE);
        boolean steady = false;
        for (int i = 0; i < RULE.window(); i++) {
            steady = detector.add(5_000 * (1 + 0.02 * random.nextGaussian()), 190 * (1 + 0.02 * random.nextGaussian()));
        }
        assertThat(steady).isTrue();
        assertThat(detector.steadySince()).isZero();
    }

    @Test
    void aServerThatNeverSettlesIsNeverSteady() {
        // Throughput swinging by a third from one interval to the next (GC storms, a noisy neighbour).
        SteadyState detector = new SteadyState(RULE);
        for (int i = 0; i < 40; i++) {
            assertThat(detector.add(i % 2 == 0 ? 9_000 : 6_000, 100)).isFalse();
        }
        assertThat(detector.steadySince()).isEqualTo(-1);
        assertThat(detector.samples()).isEqualTo(40);
    }

    @Test
    void oneUnsettledMetricKeepsTheLoadUnsteady() {
        // Throughput already flat while the server's CPU per request still falls: the JIT is not done.
        SteadyState detector = new SteadyState(RULE);
        double[] cpu = {120, 100, 85, 72, 63, 57, 54, 53, 53, 53.5};
        int steadyAt = -1;
        for (int i = 0; i < cpu.length; i++) {
            if (detector.add(10_000, cpu[i]) && steadyAt < 0) {
                steadyAt = i;
            }
        }
        assertThat(steadyAt).isEqualTo(9);
    }

    @Test
    void anUnmeasurableMetricIsLeftOutButNothingMeasurableIsNeverSteady() {
        SteadyState detector = new SteadyState(RULE);
        for (int i = 0; i < RULE.window(); i++) {
            detector.add(1_000, Double.NaN);
        }
        assertThat(detector.steady()).isTrue();

        SteadyState nothing = new SteadyState(RULE);
        for (int i = 0; i < 10; i++) {
            nothing.add(Double.NaN);
        }
        assertThat(nothing.steady()).isFalse();
    }

    @Test
    void noResponsesAreNeverSteady() {
        SteadyState detector = new SteadyState(RULE);
        for (int i = 0; i < 10; i++) {
            detector.add(0, 0);
        }
        assertThat(detector.steady()).isFalse();
    }

    @Test
    void rulesAndSamplesAreValidated() {
        assertThatThrownBy(() -> new SteadyState.Rule(1, 0.1)).hasMessageContaining("at least 2");
        assertThatThrownBy(() -> new SteadyState.Rule(4, 0)).hasMessageContaining("tolerance");
        SteadyState detector = new SteadyState(RULE);
        detector.add(1, 2);
        assertThatThrownBy(() -> detector.add(1)).hasMessageContaining("expected 2 metrics");
    }
}
