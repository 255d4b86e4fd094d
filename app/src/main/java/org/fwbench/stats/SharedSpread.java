package org.fwbench.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.Trigamma;
import org.apache.commons.numbers.rootfinder.BrentSolver;

/**
 * How much a figure varies between starts when the targets of one scenario are taken together: a variance of the
 * logarithm of their samples, that is a coefficient of variation they share. Three starts give a target's own
 * variance two degrees of freedom, so it lands anywhere between a twentieth and three times the true one, and
 * Student's t for two degrees of freedom is 4.3: a ranking that relied on it alone tied 30-60 % of the pairs in
 * back-to-back runs. The targets of a scenario are measured the same way on the same machine, so their spreads on
 * a logarithmic scale are alike, and each target's own is shrunk toward the shared one, as limma does for genes
 * measured a few times each (Smyth 2004): a target whose starts really disagree keeps more of its own, larger spread
 * the more the targets' spreads differ.
 *
 * <p>How alike they are is read from the targets themselves, by Smyth's moments (section 6.2): the shared variance
 * and the degrees of freedom it counts for ({@code priorDf}) are those of the scaled F distribution that the
 * targets' own variances fit. It counts for no more degrees of freedom than it was fitted from: limma fits
 * thousands of genes, a scenario has a handful of targets.
 *
 * @param variance the shared variance of ln(sample); 0 when every target's samples agree
 * @param df       the degrees of freedom it was fitted from: samples minus one, summed over targets with two samples
 *                 or more, less those a model took; 0 when there is nothing to share, or a sample is not positive (a
 *                 logarithm needs a positive figure)
 * @param priorDf  how many degrees of freedom of a target's own it counts for: at most {@code df}
 */
public record SharedSpread(double variance, int df, double priorDf) {

    /**
     * With fewer than {@value #FEWEST_TO_FIT} targets whose samples differ, their variances say too little about how
     * alike they are: the shared one is their pooled variance, and counts for {@value #FALLBACK_PRIOR_DF} degrees of
     * freedom (at most {@code df}).
     */
    static final int FEWEST_TO_FIT = 3;
    static final double FALLBACK_PRIOR_DF = 4;
    /** Nothing shared: every comparison uses its own samples alone. */
    public static final SharedSpread NONE = new SharedSpread(0, 0, 0);

    /** Fits the samples of every target; {@link #NONE} when one of them is not positive or none has two. */
    public static SharedSpread of(Collection<double[]> samplesByTarget) {
        return of(samplesByTarget, 0);
    }

    /**
     * Fits samples from which a model already took {@code fittedDf} degrees of freedom (the rounds' effects, see
     * {@link RoundEffects#df()}): each target's share of them is left out of its variance's divisor.
     */
    public static SharedSpread of(Collection<double[]> samplesByTarget, int fittedDf) {
        double squares = 0;
        int ownDf = 0;
        List<double[]> differing = new ArrayList<>();
        for (double[] samples : samplesByTarget) {
            if (!positive(samples)) {
                return NONE;
            }
            if (samples.length >= 2) {
                double s = squaresOfLogs(samples);
                squares += s;
                ownDf += samples.length - 1;
                if (s > 0) {
                    differing.add(samples);
                }
            }
        }
        int df = ownDf - fittedDf;
        if (df <= 0) {
            return NONE;
        }
        if (differing.size() < FEWEST_TO_FIT) {
            return new SharedSpread(squares / df, df, Math.min(FALLBACK_PRIOR_DF, df));
        }
        return fit(differing, (double) df / ownDf, df);
    }

    /**
     * Smyth's moment estimates from the targets' variances s² on d degrees of freedom each (the samples' less their
     * share {@code kept} of the model's): e = ln s² - digamma(d/2) + ln(d/2) has the mean ln s0² - digamma(d0/2) +
     * ln(d0/2) and the variance trigamma(d/2) + trigamma(d0/2). Targets that vary no more than their degrees of
     * freedom make them vary are alike: d0 is infinite, and then counts for {@code df}.
     */
    private static SharedSpread fit(List<double[]> differing, double kept, int df) {
        int n = differing.size();
        double[] e = new double[n];
        double sampling = 0;
        for (int i = 0; i < n; i++) {
            double[] samples = differing.get(i);
            double d = (samples.length - 1) * kept;
            e[i] = Math.log(squaresOfLogs(samples) / d) - Digamma.value(d / 2) + Math.log(d / 2);
            sampling += Trigamma.value(d / 2) / n;
        }
        double mean = Arrays.stream(e).average().orElseThrow();
        double excess = Arrays.stream(e).map(x -> (x - mean) * (x - mean)).sum() / (n - 1) - sampling;
        if (excess <= 0) {
            return new SharedSpread(Math.exp(mean), df, df);
        }
        double half = inverseTrigamma(excess);
        return new SharedSpread(Math.exp(mean + Digamma.value(half) - Math.log(half)), df, Math.min(2 * half, df));
    }

    /** The y with trigamma(y) = v, which lies where 1/y < trigamma(y) < 1/y + 1/y². */
    private static double inverseTrigamma(double v) {
        return new BrentSolver(1e-12, 1e-12, 0).findRoot(y -> Trigamma.value(y) - v, 1 / v, (1 + Math.sqrt(1 + 4 * v)) / (2 * v));
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
     * d = samples - 1, s0^2 = {@link #variance} and d0 = {@link #priorDf}.
     */
    double shrunk(double[] samples) {
        return (priorDf * variance + squaresOfLogs(samples)) / (priorDf + samples.length - 1);
    }

    /** The degrees of freedom of {@link #shrunk}: its own and the shared spread's. */
    double shrunkDf(double[] samples) {
        return priorDf + samples.length - 1;
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
