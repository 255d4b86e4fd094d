package org.fwbench.stats;

import org.apache.commons.statistics.distribution.TDistribution;

/** The one confidence level every interval in fwbench is drawn at, so that intervals can be set side by side. */
final class Confidence {

    static final double LEVEL = 0.95;

    private Confidence() {
    }

    /** The two-sided critical value of Student's t: the interval is estimate ± this many standard errors. */
    static double studentT(double degreesOfFreedom) {
        return TDistribution.of(degreesOfFreedom).inverseCumulativeProbability(0.5 + LEVEL / 2);
    }

    /** Rejects what no summary can be drawn from: nothing at all, NaN or infinities (a failed repeat, not a figure). */
    static double[] checked(double[] samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        for (double x : samples) {
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("not a finite sample: " + x);
            }
        }
        return samples;
    }
}
