package org.fwbench.stats;

import java.util.Arrays;
import java.util.Collection;

/**
 * How much a figure varies between starts when the targets of one scenario are taken together: the pooled
 * variance of the logarithm of their samples, that is a coefficient of variation they share. Three starts give a
 * target's own variance two degrees of freedom, so it lands anywhere between a twentieth and three times the true
 * one, and Student's t for two degrees of freedom is 4.3: a ranking that relied on it alone tied 30-60 % of the
 * pairs in back-to-back runs. The targets of a scenario are measured the same way on the same machine, so their
 * spreads on a logarithmic scale are alike, and each target's own is shrunk toward the shared one with a prior
 * weight of {@value #PRIOR_DF} degrees of freedom, as limma does for genes measured a few times each (Smyth 2004):
 * a target whose starts really disagree keeps most of its own, larger spread.
 *
 * @param variance the pooled variance of ln(sample) within targets; 0 when every target's samples agree
 * @param df       its degrees of freedom: samples minus one, summed over targets with two samples or more; 0 when
 *                 there is nothing to pool, or a sample is not positive (a logarithm needs a positive figure)
 */
public record SharedSpread(double variance, int df) {

    /** The shared spread counts like this many degrees of freedom of a target's own. */
    public static final int PRIOR_DF = 4;
    /** Nothing shared: every comparison uses its own samples alone. */
    public static final SharedSpread NONE = new SharedSpread(0, 0);

    /** Pools the samples of every target; {@link #NONE} when one of them is not positive or none has two. */
    public static SharedSpread of(Collection<double[]> samplesByTarget) {
        return of(samplesByTarget, 0);
    }

    /**
     * Pools samples from which a model already took {@code fittedDf} degrees of freedom (the rounds' effects, see
     * {@link RoundEffects#df()}): they are left out of the pooled variance's divisor.
     */
    public static SharedSpread of(Collection<double[]> samplesByTarget, int fittedDf) {
        double squares = 0;
        int df = 0;
        for (double[] samples : samplesByTarget) {
            if (!positive(samples)) {
                return NONE;
            }
            if (samples.length >= 2) {
                squares += squaresOfLogs(samples);
                df += samples.length - 1;
            }
        }
        df -= fittedDf;
        return df <= 0 ? NONE : new SharedSpread(squares / df, df);
    }

    /** Whether every sample has a logarithm: positive and finite. */
    static boolean positive(double[] samples) {
        return Arrays.stream(samples).allMatch(x -> x > 0 && Double.isFinite(x));
    }

    /** Whether there is a shared spread to draw on. */
    public boolean usable() {
        return df > 0;
    }

    /**
     * One target's variance of ln(sample), shrunk toward the shared one: (d0 s0^2 + d s^2) / (d0 + d), with
     * d = samples - 1 and d0 = {@value #PRIOR_DF}.
     */
    double shrunk(double[] samples) {
        return (PRIOR_DF * variance + squaresOfLogs(samples)) / (PRIOR_DF + samples.length - 1);
    }

    /** The degrees of freedom of {@link #shrunk}: its own and the prior's. */
    static int shrunkDf(double[] samples) {
        return PRIOR_DF + samples.length - 1;
    }

    /** The sum of squared deviations of ln(sample) from their mean. */
    private static double squaresOfLogs(double[] samples) {
        double mean = meanOfLogs(samples);
        double squares = 0;
        for (double x : samples) {
            squares += (Math.log(x) - mean) * (Math.log(x) - mean);
        }
        return squares;
    }

    static double meanOfLogs(double[] samples) {
        double sum = 0;
        for (double x : samples) {
            sum += Math.log(x);
        }
        return sum / samples.length;
    }
}
