package org.fwbench.stats;

import java.util.EnumSet;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.statistics.descriptive.DoubleStatistics;
import org.apache.commons.statistics.descriptive.Median;
import org.apache.commons.statistics.descriptive.Statistic;

/**
 * Summary of one metric over R repeats: where it lies (median, mean), how sure we are of the mean (a 95%
 * confidence interval by Student's t), how much it varies (coefficient of variation) and which repeats stand
 * apart (outliers by median absolute deviation, listed but kept in every figure).
 *
 * @param n          number of samples
 * @param stdev      sample standard deviation (n - 1 in the denominator); 0 for a single sample
 * @param ciLow      lower end of the 95% confidence interval of the mean
 * @param ciHigh     upper end of that interval
 * @param halfWidth  half the width of the interval: the "±" after the median in a table
 * @param cv         stdev / |mean|: 0 when every sample is the same, infinite for a spread around a mean of 0
 * @param noisy      cv above {@value #NOISY_CV}: repeats disagree by more than a reader would expect
 * @param outliers   indices (into the samples as given) of values far from the median, in ascending order
 * @param method     {@code "student-t"}, or {@code "single"} for one sample, which has no interval
 */
public record Estimate(int n, double median, double mean, double stdev, double ciLow, double ciHigh,
        double halfWidth, double cv, boolean noisy, List<Integer> outliers, String method) {

    public static final double NOISY_CV = 0.10;
    /** Modified z-score above which a sample is an outlier (Iglewicz and Hoaglin's rule). */
    public static final double OUTLIER_SCORE = 3.5;
    /** Makes the MAD a consistent estimator of the standard deviation for normal data. */
    private static final double MAD_TO_STDEV = 1.4826;
    /** By default Median partially sorts its input in place, which would scramble the indices of outliers. */
    private static final Median MEDIAN = Median.withDefaults().withCopy(true);

    public Estimate {
        outliers = List.copyOf(outliers);
    }

    /**
     * Summarises the samples.
     *
     * @throws IllegalArgumentException when there are none, or one is NaN or infinite
     */
    public static Estimate of(double... samples) {
        requireFinite(samples);
        int n = samples.length;
        DoubleStatistics moments = DoubleStatistics.of(
                EnumSet.of(Statistic.MEAN, Statistic.STANDARD_DEVIATION), samples);
        double mean = moments.getAsDouble(Statistic.MEAN);
        double stdev = moments.getAsDouble(Statistic.STANDARD_DEVIATION);
        double median = MEDIAN.evaluate(samples);
        double halfWidth = n == 1 ? 0 : Confidence.studentT(n - 1) * stdev / Math.sqrt(n);
        double cv = stdev == 0 ? 0 : stdev / Math.abs(mean);
        return new Estimate(n, median, mean, stdev, mean - halfWidth, mean + halfWidth, halfWidth, cv,
                cv > NOISY_CV, outliers(samples, median), n == 1 ? "single" : "student-t");
    }

    /** Rejects what no summary can be drawn from: nothing at all, NaN or infinities (a failed repeat, not a figure). */
    private static void requireFinite(double[] samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        for (double x : samples) {
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("not a finite sample: " + x);
            }
        }
    }

    /**
     * The median absolute deviation is robust to the very values it looks for, unlike the standard deviation,
     * which one wild repeat inflates enough to hide itself.
     */
    private static List<Integer> outliers(double[] samples, double median) {
        double scale = robustStdev(samples, median);
        if (scale == 0) {
            return List.of();
        }
        return IntStream.range(0, samples.length)
                .filter(i -> Math.abs(samples[i] - median) / scale > OUTLIER_SCORE)
                .boxed()
                .toList();
    }

    /**
     * A standard deviation that a few wild values cannot inflate: 1.4826 median absolute deviations from
     * {@code median} (the samples' own), consistent with the standard deviation for normal data.
     */
    static double robustStdev(double[] samples, double median) {
        double[] deviations = new double[samples.length];
        for (int i = 0; i < samples.length; i++) {
            deviations[i] = Math.abs(samples[i] - median);
        }
        return MAD_TO_STDEV * MEDIAN.evaluate(deviations);
    }
}
