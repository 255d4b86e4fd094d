package org.fwbench.analysis;

import org.fwbench.stats.Change;

/**
 * How one metric of one target x scenario moved.
 *
 * @param before median of the old run's repeats
 * @param after  median of the new run's repeats
 * @param change mean(new) / mean(old) - 1 with its 95% interval and significance
 */
public record MetricChange(String target, String scenario, Metric metric, double before, double after,
        Change change) {

    /** Whether the move is significant, and whether it is for the better. */
    public enum Verdict {
        REGRESSION, IMPROVEMENT, UNCHANGED
    }

    public Verdict verdict() {
        if (!change.significant() || change.relative() == 0) {
            return Verdict.UNCHANGED;
        }
        return worsePercent() > 0 ? Verdict.REGRESSION : Verdict.IMPROVEMENT;
    }

    /** How much worse, in percent of the old value: positive is worse whatever the metric's direction. */
    public double worsePercent() {
        return 100 * (metric.higherIsBetter() ? -change.relative() : change.relative());
    }
}
