package org.fwbench.analysis;

import org.fwbench.stats.Change;

/**
 * How one metric of one target x scenario moved.
 *
 * @param before median of the old run's repeats
 * @param after  median of the new run's repeats
 * @param change mean(new) / mean(old) - 1 with its 95% interval and significance, over the starts' means
 */
public record MetricChange(String target, String scenario, Metric metric, double before, double after,
        Change change) {

    /** Whether the move is significant, and whether it is for the better. */
    public enum Verdict {
        REGRESSION, IMPROVEMENT, UNCHANGED
    }

    /**
     * A regression (or improvement) when the whole 95% interval of the change lies beyond the metric's
     * {@linkplain #noiseFloorPercent() noise floor} on the worse (or better) side: the change exceeds both its own
     * uncertainty and the variation two runs of the same thing show. Anything less is unchanged.
     */
    public Verdict verdict() {
        if (!change.significant() || change.relative() == 0) {
            return Verdict.UNCHANGED;
        }
        double worseLow = 100 * (metric.higherIsBetter() ? -change.relativeHigh() : change.relativeLow());
        double worseHigh = 100 * (metric.higherIsBetter() ? -change.relativeLow() : change.relativeHigh());
        double floor = noiseFloorPercent();
        if (worseLow > floor) {
            return Verdict.REGRESSION;
        }
        return -worseHigh > floor ? Verdict.IMPROVEMENT : Verdict.UNCHANGED;
    }

    /**
     * How far a metric moves between two runs of the same thing on the same machine beyond what the intervals
     * already hold (docs/statistics.md, "Comparing runs"): latency percentiles move most, and memory after the
     * load follows how much load was served, which moves with the machine.
     */
    public double noiseFloorPercent() {
        return switch (metric.unit()) {
            case MILLIS -> 15;
            case MICROS, BYTES -> 10;
            default -> 5;
        };
    }

    /** How much worse, in percent of the old value: positive is worse whatever the metric's direction. */
    public double worsePercent() {
        return 100 * (metric.higherIsBetter() ? -change.relative() : change.relative());
    }
}
