package org.fwbench.stats;

/**
 * Fieller's 95% confidence interval for the ratio of two independent means, with Welch-Satterthwaite degrees
 * of freedom taken at the estimated ratio. Unlike a percentile bootstrap, which with three repeats a side
 * covers the true ratio only about four times in five, it keeps its 95% for small samples.
 *
 * <p>The interval is the set of ratios r for which mean(a) - r * mean(b) is within t standard errors of 0. When
 * mean(b) itself cannot be told apart from 0, that set is unbounded and the interval is [0, +infinity].
 * Metrics are non-negative, so a negative lower end is raised to 0.
 */
record Fieller(double low, double high) {

    static final Fieller UNBOUNDED = new Fieller(0, Double.POSITIVE_INFINITY);

    /** Both estimates must come from at least two samples: one sample has no spread to draw an interval from. */
    static Fieller of(Estimate a, Estimate b) {
        double ratio = a.mean() / b.mean();
        double varA = a.stdev() * a.stdev() / a.n();
        double varB = b.stdev() * b.stdev() / b.n();
        double dfDenominator = varA * varA / (a.n() - 1) + Math.pow(ratio, 4) * varB * varB / (b.n() - 1);
        if (dfDenominator == 0) {
            // No spread enters the ratio (both sides constant, or A all zeros): it is known exactly.
            return new Fieller(ratio, ratio);
        }
        double df = Math.pow(varA + ratio * ratio * varB, 2) / dfDenominator;
        double t = Confidence.studentT(df);
        double quadratic = b.mean() * b.mean() - t * t * varB;
        if (quadratic <= 0) {
            return UNBOUNDED;
        }
        // Equal to mean(a)^2 varB + mean(b)^2 varA - t^2 varA varB, written so that rounding cannot make it negative.
        double spread = t * Math.sqrt(a.mean() * a.mean() * varB + varA * quadratic);
        double centre = a.mean() * b.mean();
        return new Fieller(Math.max(0, (centre - spread) / quadratic), (centre + spread) / quadratic);
    }

    boolean excludes(double value) {
        return value < low || value > high;
    }
}
