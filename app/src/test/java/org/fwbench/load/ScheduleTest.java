package org.fwbench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    private static final double RATE = 1000; // per second: a mean gap of 1 ms

    @Test
    void evenArrivalsAreSharedOutAmongTheLoopsOneEveryOneOverTheRate() {
        long[] loop0 = times(new Schedule(0, RATE, LoadModel.Arrivals.EVEN, 0, 2), 3);
        long[] loop1 = times(new Schedule(0, RATE, LoadModel.Arrivals.EVEN, 1, 2), 3);

        assertThat(loop0).containsExactly(0, 2_000_000, 4_000_000);
        assertThat(loop1).containsExactly(1_000_000, 3_000_000, 5_000_000);
    }

    @Test
    void poissonArrivalsKeepTheMeanRateWithGapsAsVariedAsTheirMean() {
        int n = 200_000;
        double[] gaps = gapsMillis(times(new Schedule(0, RATE, LoadModel.Arrivals.POISSON, 0, 1), n));

        double mean = Arrays.stream(gaps).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(gaps).map(g -> (g - mean) * (g - mean)).sum() / (n - 1));
        // an exponential distribution's standard deviation equals its mean; evenly spaced ones have none
        assertThat(mean).isCloseTo(1.0, within(0.01));
        assertThat(sd / mean).isCloseTo(1.0, within(0.02));
        // the clumps: about 1 - e^-0.25 = 22 % of the gaps are under a quarter of the mean (none when even)
        double shortGaps = Arrays.stream(gaps).filter(g -> g < 0.25).count() / (double) n;
        assertThat(shortGaps).isCloseTo(1 - Math.exp(-0.25), within(0.01));
    }

    @Test
    void poissonLoopsTogetherMakeTheRunsRateAndTheScheduleIsTheSameEveryRun() {
        int loops = 4;
        int n = 50_000;
        long last = 0;
        for (int i = 0; i < loops; i++) {
            long[] t = times(new Schedule(0, RATE, LoadModel.Arrivals.POISSON, i, loops), n);
            last = Math.max(last, t[n - 1]);
            assertThat(t).isEqualTo(times(new Schedule(0, RATE, LoadModel.Arrivals.POISSON, i, loops), n));
        }
        // 4 loops x 50,000 arrivals at 1000 per second in all: about 200 s
        assertThat(last / 1e9).isCloseTo(200.0, within(4.0));
    }

    private static long[] times(Schedule s, int n) {
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = s.next();
        }
        return t;
    }

    private static double[] gapsMillis(long[] times) {
        double[] gaps = new double[times.length];
        long previous = 0;
        for (int i = 0; i < times.length; i++) {
            gaps[i] = (times[i] - previous) / 1e6;
            previous = times[i];
        }
        return gaps;
    }
}
