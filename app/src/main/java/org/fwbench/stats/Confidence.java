package org.fwbench.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/** The one confidence level every interval in fwbench is drawn at, so that intervals can be set side by side. */
final class Confidence {

    private static final double LEVEL = 0.95;

    private Confidence() {
    }

    /** The two-sided critical value of Student's t: the interval is estimate ± this many standard errors. */
    static double studentT(double degreesOfFreedom) {
        return TDistribution.of(degreesOfFreedom).inverseCumulativeProbability(0.5 + LEVEL / 2);
    }

    /** The two-sided critical value of the standard normal distribution (1.96): for a spread known from many cells. */
    static double normal() {
        return NormalDistribution.of(0, 1).inverseCumulativeProbability(0.5 + LEVEL / 2);
    }
}
