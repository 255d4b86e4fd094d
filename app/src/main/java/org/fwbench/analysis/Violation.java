package org.fwbench.analysis;

import java.util.OptionalDouble;

/**
 * One target x scenario that broke a threshold.
 *
 * @param threshold the limit broken; null for a cell that was not measured at all, which breaks every limit
 * @param actual  the measured value in the metric's base unit; empty when it could not be measured
 * @param message what was found, e.g. {@code p99 is 62.3 ms}
 */
public record Violation(String target, String scenario, Threshold threshold, OptionalDouble actual, String message) {

    /** One line for the console: {@code netty hello: p99 is 62.3 ms (--fail-if p99>50ms)}. */
    public String describe() {
        return target + " " + scenario + ": " + message + (threshold == null ? "" : " (--fail-if " + threshold.text() + ")");
    }
}
