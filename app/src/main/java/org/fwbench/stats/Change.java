package org.fwbench.stats;

/**
 * How a metric moved from one run to the next: {@code relative} is mean(after) / mean(before) - 1 (+0.25 is
 * "25% higher"), with the 95% interval and the significance of {@link RatioTest#of RatioTest.of(after, before)}.
 * Whether higher is a regression depends on the metric, so that judgement is left to the caller.
 */
public record Change(double relative, double relativeLow, double relativeHigh, boolean significant) {

    public static Change of(double[] before, double[] after) {
        RatioTest c = RatioTest.of(after, before);
        return new Change(c.ratio() - 1, c.ratioLow() - 1, c.ratioHigh() - 1, c.significant());
    }
}
