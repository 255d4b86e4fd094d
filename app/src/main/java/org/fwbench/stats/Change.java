package org.fwbench.stats;

import java.util.Collection;

/**
 * How a metric moved from one run to the next: {@code relative} is mean(after) / mean(before) - 1 (+0.25 is
 * "25% higher"), with the 95% interval and the significance of {@link RatioTest#of RatioTest.of(after, before)}.
 * Whether higher is a regression depends on the metric, so that judgement is left to the caller.
 */
public record Change(double relative, double relativeLow, double relativeHigh, boolean significant) {

    /** Fewer cells than this give no run-to-run spread: a median absolute deviation of three values says little. */
    public static final int MIN_CELLS_FOR_SPREAD = 5;
    public static Change of(double[] before, double[] after) {
        RatioTest c = RatioTest.of(after, before);
        return new Change(c.ratio() - 1, c.ratioLow() - 1, c.ratioHigh() - 1, c.significant());
    }

    /**
     * How far cells of two runs move apart beyond what their own starts show: the robust standard deviation
     * (1.4826 median absolute deviations) of ln(1 + relative) over the changes of many cells of the same metric;
     * 0 with fewer than {@value #MIN_CELLS_FOR_SPREAD} cells. The median, not the mean, so that the one target
     * that really changed does not widen everybody's interval, itself included.
     */
    public static double runSpread(Collection<Change> cells) {
        double[] logs = cells.stream().filter(c -> c.relative() > -1 && Double.isFinite(c.relative()))
                .mapToDouble(c -> Math.log1p(c.relative())).toArray();
        if (logs.length < MIN_CELLS_FOR_SPREAD) {
            return 0;
        }
        return Estimate.robustStdev(logs, Estimate.of(logs).median());
    }

    /**
     * The change with a run-to-run spread {@code sigma} (of ln(after / before), see {@link #runSpread}) added to
     * its interval: on the logarithmic scale each side widens to the square root of its own half-width squared
     * plus (1.96 sigma) squared, and the change is significant only if the widened interval still excludes 0.
     * A side with no bound stays unbounded; sigma 0 changes nothing.
     */
    public Change widened(double sigma) {
        if (!(sigma > 0) || !(relative > -1)) {
            return this;
        }
        double spread = Confidence.normal() * sigma;
        double centre = Math.log1p(relative);
        double low = relativeLow > -1 ? centre - Math.hypot(centre - Math.log1p(relativeLow), spread)
                : Double.NEGATIVE_INFINITY;
        double high = Double.isFinite(relativeHigh) ? centre + Math.hypot(Math.log1p(relativeHigh) - centre, spread)
                : Double.POSITIVE_INFINITY;
        return new Change(relative, Math.expm1(low), Math.expm1(high), significant && (low > 0 || high < 0));
    }
}
