package org.fwbench.stats;

import java.util.Arrays;
import java.util.List;

/**
 * A figure measured at two levels: several starts of a target (fresh processes, each with its own JIT, heap
 * layout and machine conditions), and several measurements within each start. Measurements of one start
 * share that start's luck, so they are not independent samples: counting them as such gives intervals that
 * are too narrow, and verdicts that the next run does not repeat. The interval here treats each start's mean
 * as one sample (Student's t with starts - 1 degrees of freedom), the textbook interval for the grand mean of a
 * balanced nested design, and reports the two variance components beside it.
 *
 * @param estimate       the summary: n is the number of starts; mean, interval and cv are those of the start
 *                       means; method {@code "two-level"} (or {@code "one-start"}, see {@link #of})
 * @param betweenStdev   standard deviation of the start effects (0 when the starts agree as well as chance
 *                       allows), the run-to-run part of the noise
 * @param withinStdev    pooled standard deviation of the measurements inside a start; 0 with one per start
 * @param measurements   measurements in all, over every start
 */
public record TwoLevel(Estimate estimate, double betweenStdev, double withinStdev, int measurements) {

    /**
     * Summarises the measurements, one array per start.
     *
     * <p>With a single start there is no between-start level to learn from: the estimate is then the
     * measurements' own Student interval, labelled {@code "one-start"}, which understates how far another run
     * could land.
     *
     * @throws IllegalArgumentException when there is no start, a start without measurements, or a
     *         non-finite value
     */
    public static TwoLevel of(List<double[]> starts) {
        if (starts.isEmpty() || starts.stream().anyMatch(s -> s.length == 0)) {
            throw new IllegalArgumentException("every start needs at least one measurement");
        }
        double[] all = starts.stream().flatMapToDouble(Arrays::stream).toArray();
        double within = pooledWithinStdev(starts);
        if (starts.size() == 1) {
            return new TwoLevel(relabel(Estimate.of(all), "one-start"), 0, within, all.length);
        }
        double[] means = starts.stream().mapToDouble(s -> Arrays.stream(s).average().orElseThrow()).toArray();
        Estimate ofMeans = Estimate.of(means);
        // Var(start mean) = between^2 + within^2 / m, with m the harmonic mean of measurements per start.
        double m = starts.size() / starts.stream().mapToDouble(s -> 1.0 / s.length).sum();
        double between2 = ofMeans.stdev() * ofMeans.stdev() - within * within / m;
        return new TwoLevel(relabel(ofMeans, ofMeans.n() < 2 ? ofMeans.method() : "two-level"),
                Math.sqrt(Math.max(0, between2)), within, all.length);
    }

    private static double pooledWithinStdev(List<double[]> starts) {
        double squares = 0;
        int df = 0;
        for (double[] s : starts) {
            double mean = Arrays.stream(s).average().orElseThrow();
            for (double x : s) {
                squares += (x - mean) * (x - mean);
            }
            df += s.length - 1;
        }
        return df == 0 ? 0 : Math.sqrt(squares / df);
    }

    private static Estimate relabel(Estimate e, String method) {
        return new Estimate(e.n(), e.median(), e.mean(), e.stdev(), e.ciLow(), e.ciHigh(), e.halfWidth(), e.cv(),
                e.noisy(), e.outliers(), method);
    }
}
