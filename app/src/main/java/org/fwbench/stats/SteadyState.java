package org.fwbench.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Tells when a server under constant load has stopped warming up. It is fed one sample per short interval
 * (for example 250 ms), each a few metrics such as throughput and the server's CPU per request, and calls the
 * load steady once the last {@code window} samples of every metric agree: their range is within
 * {@code tolerance} of their median and their least-squares trend moves the metric by less than half that over
 * the window. The trend test is what catches a JIT that still speeds a server up by a few percent an
 * interval, which a range test over a short window lets through.
 *
 * <p>A metric that is {@code NaN} anywhere in the window (not measurable then, e.g. too few CPU ticks to
 * divide) is left out of the decision; a window where every metric is left out, or a median of 0 (no
 * responses), is never steady.
 */
public final class SteadyState {

    /**
     * How strict the detector is.
     *
     * @param window    samples that must agree, at least 2
     * @param tolerance largest range of a metric over the window, relative to its median (0.1 = 10 %)
     */
    public record Rule(int window, double tolerance) {
        /** Four intervals within 10 %: what a steady server keeps on a noisy two-core VM (docs/statistics.md, "Steady state instead of a fixed warm-up"). */
        public static final Rule DEFAULT = new Rule(4, 0.10);

        public Rule {
            if (window < 2) {
                throw new IllegalArgumentException("a steady window needs at least 2 samples, not " + window);
            }
            if (!(tolerance > 0 && tolerance < 1)) {
                throw new IllegalArgumentException("tolerance must be between 0 and 1, not " + tolerance);
            }
        }
    }

    private final Rule rule;
    private final List<double[]> samples = new ArrayList<>();
    private int steadySince = -1;

    public SteadyState(Rule rule) {
        this.rule = rule;
    }

    /**
     * Adds one interval's metrics (the same metrics in the same order every time) and says whether the load
     * is now steady. Once steady it stays steady: the decision ends the warm-up.
     */
    public boolean add(double... metrics) {
        if (!samples.isEmpty() && metrics.length != samples.getFirst().length) {
            throw new IllegalArgumentException("expected " + samples.getFirst().length + " metrics, got " + metrics.length);
        }
        samples.add(metrics.clone());
        if (steadySince < 0 && samples.size() >= rule.window() && windowAgrees()) {
            steadySince = samples.size() - rule.window();
        }
        return steady();
    }

    public boolean steady() {
        return steadySince >= 0;
    }

    /** Samples added so far. */
    public int samples() {
        return samples.size();
    }

    /** Index of the first sample of the window that agreed; -1 while not steady. */
    public int steadySince() {
        return steadySince;
    }

    private boolean windowAgrees() {
        List<double[]> window = samples.subList(samples.size() - rule.window(), samples.size());
        int judged = 0;
        for (int m = 0; m < window.getFirst().length; m++) {
            double[] series = new double[window.size()];
            for (int i = 0; i < series.length; i++) {
                series[i] = window.get(i)[m];
            }
            if (Arrays.stream(series).anyMatch(Double::isNaN)) {
                continue;
            }
            judged++;
            if (!agrees(series)) {
                return false;
            }
        }
        return judged > 0;
    }

    private boolean agrees(double[] series) {
        double[] sorted = series.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        if (median <= 0) {
            return false;
        }
        double range = (sorted[n - 1] - sorted[0]) / median;
        double drift = Math.abs(slope(series)) * (n - 1) / median;
        return range <= rule.tolerance() && drift <= rule.tolerance() / 2;
    }

    /** Least-squares slope of the series against its index. */
    private static double slope(double[] y) {
        int n = y.length;
        double meanX = (n - 1) / 2.0;
        double meanY = Arrays.stream(y).average().orElse(0);
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            num += (i - meanX) * (y[i] - meanY);
            den += (i - meanX) * (i - meanX);
        }
        return num / den;
    }
}
