package org.fwbench.stats;

import org.apache.commons.statistics.inference.MannWhitneyUTest;

/**
 * How A compares with B for one metric: "A is 1.8x (1.6-2.0) B".
 *
 * <p>{@code ratio} is mean(A) / mean(B); {@code ratioLow} and {@code ratioHigh} are Fieller's 95% interval of it
 * (method {@code "fieller"}). A and B differ ({@code significant}) exactly when that interval excludes 1, which
 * is a Welch-type t test at the 5% level: it can decide with as few as two repeats a side, and with noisy repeats
 * the interval widens until it no longer tells them apart. {@code pValue} is the two-sided Mann-Whitney U test's
 * (exact when there are no tied values, otherwise the normal approximation with tie correction), shown beside
 * it as a check that assumes nothing about the shape of the data; it does not decide, because with three repeats
 * a side it cannot fall below 0.1 however far apart A and B are.
 *
 * <p>Among the targets of one scenario ({@link #of(double[], double[], SharedSpread)}) the test is made on the
 * logarithms instead, each side's variance shrunk toward the scenario's {@link SharedSpread} (method
 * {@code "shared-log"}): {@code ratio} is then the ratio of geometric means, and the interval
 * exp(difference of mean logs ± t standard errors), with Welch's degrees of freedom over both sides' own and prior
 * ones.
 *
 * <p>Edge cases: when either side has a single sample there is no interval ([0, +infinity], method
 * {@code "single"}) and never a significant difference; when both means are 0 the ratio is 1 with interval
 * [1, 1]; when only B's is 0 the ratio is +infinity and the interval [0, +infinity].
 */
public record RatioTest(double ratio, double ratioLow, double ratioHigh, double pValue, boolean significant,
        String method) {

    /**
     * Compares A with B.
     *
     * @throws IllegalArgumentException when either side is empty or has a NaN, infinite or negative sample:
     *         a ratio of means is only meaningful for non-negative quantities
     */
    public static RatioTest of(double[] a, double[] b) {
        Estimate ea = Estimate.of(nonNegative(a));
        Estimate eb = Estimate.of(nonNegative(b));
        double p = mannWhitney(a, b);
        // Both means 0 means every sample is 0: nothing changed.
        boolean bothZero = ea.mean() == 0 && eb.mean() == 0;
        double ratio = bothZero ? 1 : ea.mean() / eb.mean();
        if (ea.n() < 2 || eb.n() < 2) {
            return new RatioTest(ratio, Fieller.UNBOUNDED.low(), Fieller.UNBOUNDED.high(), p, false, "single");
        }
        Fieller interval = bothZero ? new Fieller(1, 1) : eb.mean() == 0 ? Fieller.UNBOUNDED : Fieller.of(ea, eb);
        return new RatioTest(ratio, interval.low(), interval.high(), p, interval.excludes(1), "fieller");
    }

    /**
     * Compares A with B, two targets of a scenario whose spread is {@code shared}: on the logarithms, each side's
     * variance shrunk toward the shared one (see {@link SharedSpread}). Without a usable shared spread, or with
     * a single sample a side, this is {@link #of(double[], double[])}.
     */
    public static RatioTest of(double[] a, double[] b, SharedSpread shared) {
        if (!shared.usable() || a.length < 2 || b.length < 2 || !SharedSpread.positive(a) || !SharedSpread.positive(b)) {
            return of(a, b);
        }
        double difference = SharedSpread.meanOfLogs(a) - SharedSpread.meanOfLogs(b);
        double varA = shared.shrunk(a) / a.length;
        double varB = shared.shrunk(b) / b.length;
        double p = mannWhitney(a, b);
        double ratio = Math.exp(difference);
        if (varA + varB == 0) {
            return new RatioTest(ratio, ratio, ratio, p, difference != 0, "shared-log");
        }
        double df = Math.pow(varA + varB, 2)
                / (varA * varA / shared.shrunkDf(a) + varB * varB / shared.shrunkDf(b));
        double half = Confidence.studentT(df) * Math.sqrt(varA + varB);
        double low = Math.exp(difference - half);
        double high = Math.exp(difference + half);
        return new RatioTest(ratio, low, high, p, low > 1 || high < 1, "shared-log");
    }

    private static double mannWhitney(double[] a, double[] b) {
        double p = MannWhitneyUTest.withDefaults().test(a, b).getPValue();
        // All values tied: the normal approximation divides 0 by 0, and there is no evidence of a difference.
        return Double.isNaN(p) ? 1 : p;
    }

    private static double[] nonNegative(double[] samples) {
        for (double x : samples) {
            if (x < 0) {
                throw new IllegalArgumentException("a ratio needs non-negative samples, not " + x);
            }
        }
        return samples;
    }
}
