package org.fwbench.stats;

import org.HdrHistogram.AbstractHistogram;

/**
 * The percentiles people read off a latency histogram, in fractional milliseconds.
 *
 * @param count number of values recorded
 */
public record LatencySummary(long count, double mean, double stdev, double p50, double p75, double p90, double p95, double p99,
        double p999, double p9999, double max) {

    private static final double MICROS_PER_MS = 1000.0;

    /** Summarises a histogram whose values are microseconds. */
    public static LatencySummary ofMicros(AbstractHistogram h) {
        if (h.getTotalCount() == 0) {
            return new LatencySummary(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
        return new LatencySummary(h.getTotalCount(),
                h.getMean() / MICROS_PER_MS,
                h.getStdDeviation() / MICROS_PER_MS,
                ms(h, 50), ms(h, 75), ms(h, 90), ms(h, 95), ms(h, 99), ms(h, 99.9), ms(h, 99.99),
                h.getMaxValue() / MICROS_PER_MS);
    }

    private static double ms(AbstractHistogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / MICROS_PER_MS;
    }
}
