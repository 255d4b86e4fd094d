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
 * targets' own variances fit, the degrees of freedom from the targets of every scenario of a metric together
 * ({@link #of(List)}). It counts for no more degrees of freedom than its scenario's variance was fitted from: limma
 * fits thousands of genes, a scenario has a handful of targets.
 *
 * @param variance the shared variance of ln(sample); 0 when every target's samples agree
 * @param df       the degrees of freedom it was fitted from: samples minus one, summed over targets with two samples
 *                 or more, less those a model took; 0 when there is nothing to share, or a sample is not positive (a
 *                 logarithm needs a positive figure)
 * @param priorDf  how many degrees of freedom of a target's own it counts for: at most {@code df}
 */
public record SharedSpread(double variance, int df, double priorDf) {

    /**
     * A scenario with fewer than {@value #FEWEST_TO_FIT} targets whose samples differ says too little about how
     * alike they are: it shares their pooled variance, which counts for {@value #FALLBACK_PRIOR_DF} degrees of
     * freedom (at most {@code df}), the weight used before the fit.
     */
    static final int FEWEST_TO_FIT = 3;
    static final double FALLBACK_PRIOR_DF = 4;
    /** Nothing shared: every comparison uses its own samples alone. */
    public static final SharedSpread NONE = new SharedSpread(0, 0, 0);

    /**
     * The samples of the targets ranked together (one scenario), as compared, and the degrees of freedom a model
     * already took from them (the rounds' effects, see {@link RoundEffects#df()}).
     */
    public record Group(Collection<double[]> samples, int fittedDf) {
    }

    /**
     * Fits several groups measured alike (the scenarios of one metric in a run): each its own shared variance, from
     * its own targets, and one {@code priorDf} for all, from how much the targets' variances scatter within their
     * groups. Seven targets' variances say little about how alike they are: in nine default runs a scenario alone
     * found no more scatter than chance in 24 of 45 throughput fits and 18 of 45 p99 fits, while the 35 cells of a
     * run taken together tell throughput (alike) from p99 (not). A group with a figure that is not positive, or with
     * no target of two samples, shares nothing: {@link #NONE}.
     */
    public static List<SharedSpread> of(List<Group> groups) {
        List<Fit> fits = groups.stream().map(Fit::of).toList();
        double priorDf = priorDf(fits);
        return fits.stream().map(f -> f.spread(priorDf)).toList();
    }

    /**
     * Smyth's moment estimate of d0 over every group with {@value #FEWEST_TO_FIT} targets whose samples differ or
     * more: e = ln s^2 - digamma(d/2) + ln(d/2), for a target's variance s^2 on d degrees of freedom (its samples'
     * less its share of the model's), varies within its group by trigamma(d/2) + trigamma(d0/2). No more than
     * chance: d0 is infinite. {@link #FALLBACK_PRIOR_DF} when no group can be fitted.
     */
    private static double priorDf(List<Fit> fits) {
        double squares = 0;
        int freedom = 0;
        double sampling = 0;
        int targets = 0;
        for (Fit f : fits) {
            if (f.fitted()) {
                double mean = Arrays.stream(f.e).average().orElseThrow();
                squares += Arrays.stream(f.e).map(x -> (x - mean) * (x - mean)).sum();
                freedom += f.e.length - 1;
                sampling += Arrays.stream(f.trigamma).sum();
                targets += f.e.length;
            }
        }
        if (targets == 0) {
            return FALLBACK_PRIOR_DF;
        }
        double excess = squares / freedom - sampling / targets;
        return excess <= 0 ? Double.POSITIVE_INFINITY : 2 * inverseTrigamma(excess);
    }

    /** A target's own sum of squared deviations of ln(sample) and its degrees of freedom. */
    private record Own(double squares, int df) {
    }

    /** One group's pooled figures and its targets' terms of the fit. */
    private record Fit(double squares, int df, double[] e, double[] trigamma) {

        static final Fit NONE = new Fit(0, 0, new double[0], new double[0]);

        static Fit of(Group group) {
            double squares = 0;
            int ownDf = 0;
            List<Own> differing = new ArrayList<>();
            for (double[] samples : group.samples()) {
                if (!positive(samples)) {
                    return NONE;
                }
                if (samples.length >= 2) {
                    double s = squaresOfLogs(samples);
                    squares += s;
                    ownDf += samples.length - 1;
                    if (s > 0) {
                        differing.add(new Own(s, samples.length - 1));
                    }
                }
            }
            int df = ownDf - group.fittedDf();
            if (df <= 0) {
                return NONE;
            }
            if (differing.size() < FEWEST_TO_FIT) {
                return new Fit(squares, df, new double[0], new double[0]);
            }
            double kept = (double) df / ownDf;
            double[] e = new double[differing.size()];
            double[] trigamma = new double[differing.size()];
            for (int i = 0; i < e.length; i++) {
                double d = differing.get(i).df() * kept;
                e[i] = Math.log(differing.get(i).squares() / d) - Digamma.value(d / 2) + Math.log(d / 2);
                trigamma[i] = Trigamma.value(d / 2);
            }
            return new Fit(squares, df, e, trigamma);
        }

        boolean fitted() {
            return e.length > 0;
        }

        /**
         * The group's shared spread: its variance from its own targets, exp(mean e + digamma(d0/2) - ln(d0/2)), or
         * exp(mean e) with an infinite d0; d0 counting for no more than the group's degrees of freedom. A group too
         * small to fit shares its pooled variance with {@link #FALLBACK_PRIOR_DF}.
         */
        SharedSpread spread(double priorDf) {
            if (df == 0) {
                return SharedSpread.NONE;
            }
            if (!fitted()) {
                return new SharedSpread(squares / df, df, Math.min(FALLBACK_PRIOR_DF, df));
            }
            double mean = Arrays.stream(e).average().orElseThrow();
            double variance = Double.isInfinite(priorDf) ? Math.exp(mean)
                    : Math.exp(mean + Digamma.value(priorDf / 2) - Math.log(priorDf / 2));
            return new SharedSpread(variance, df, Math.min(priorDf, df));
        }
    }

    /** The y with trigamma(y) = v, which lies where 1/y < trigamma(y) < 1/y + 1/y². */
    private static double inverseTrigamma(double v) {
        double below = 1 / v;
        double above = (1 + Math.sqrt(1 + 4 * v)) / (2 * v);
        return new BrentSolver(1e-12, 1e-12, 0).findRoot(y -> Trigamma.value(y) - v, below, above);
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
