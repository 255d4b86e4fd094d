package org.fwbench.analysis;

import org.fwbench.stats.Change;

/**
 * How one metric of one target x scenario moved.
 *
 * @param before median of the old run's repeats
 * @param after  median of the new run's repeats
 * @param change mean(new) / mean(old) - 1 with its 95% interval and significance, over the starts' means, the
 *               interval widened by the spread between the two runs (see {@code RunDiff})
 */
public record MetricChange(String target, String scenario, Metric metric, double before, double after,
        Change change) {

    /** See {@link #noiseFloorAbsolute()}. */
    static final double LATENCY_FLOOR_MS = 1.0;

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
        if (beyondFloors(worseLow)) {
            return Verdict.REGRESSION;
        }
        return beyondFloors(-worseHigh) ? Verdict.IMPROVEMENT : Verdict.UNCHANGED;
    }

    /** True when the smallest move the interval allows, in percent, clears both the relative and the absolute floor. */
    private boolean beyondFloors(double percent) {
        return percent > noiseFloorPercent() && percent / 100 * before > noiseFloorAbsolute();
    }

    /**
     * The least move in the metric's own unit that counts: {@value #LATENCY_FLOOR_MS} ms for latency percentiles,
     * nothing for the others. Sub-millisecond percentiles follow the scheduling of the client and the server on
     * a shared machine more than the server's code: in an A/A pair of default runs on the 2-core development VM,
     * percentiles under 2 ms moved by 0.3-2.5 ms (netty /plaintext p95 0.25 to 0.58 ms, with an interval that
     * called it significant).
     */
    public double noiseFloorAbsolute() {
        return metric.unit() == Metric.Unit.MILLIS ? LATENCY_FLOOR_MS : 0;
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
