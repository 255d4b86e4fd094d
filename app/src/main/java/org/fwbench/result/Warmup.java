package org.fwbench.result;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How the load before a measurement went: short intervals of the same load until successive ones agreed on
 * throughput and on the target's CPU per request (steady), or until the warm-up's maximum was spent.
 *
 * @param state               how the warm-up ended
 * @param seconds             warm-up time spent in all, including the intervals that showed it steady
 * @param requests            attempts sent during the warm-up
 * @param intervals           short loads run
 * @param steadyAfterSeconds  time from the first warm-up request to the first interval of the agreeing window:
 *                            the "time to steady state"; 0 unless {@code steady}
 * @param steadyAfterRequests attempts sent in that time
 */
public record Warmup(State state, double seconds, long requests, int intervals, double steadyAfterSeconds,
        long steadyAfterRequests) {

    /** A measurement that directly followed another of the same start and scenario: that one's warm-up holds. */
    public static final Warmup CONTINUED = new Warmup(State.CONTINUED, 0, 0, 0, 0, 0);
    /** No warm-up was asked for ({@code warmup: 0s}). */
    public static final Warmup NONE = new Warmup(State.NONE, 0, 0, 0, 0, 0);

    public static Warmup steady(double seconds, long requests, int intervals, double steadyAfterSeconds,
            long steadyAfterRequests) {
        return new Warmup(State.STEADY, seconds, requests, intervals, steadyAfterSeconds, steadyAfterRequests);
    }

    public static Warmup unsteady(double seconds, long requests, int intervals) {
        return new Warmup(State.UNSTEADY, seconds, requests, intervals, 0, 0);
    }

    /** Whether the warm-up ran out of time before the load became steady. */
    public boolean neverSteady() {
        return state == State.UNSTEADY;
    }

    /** Written as {@code steady}, {@code unsteady}, {@code continued} or {@code none}. */
    public enum State {
        /** Successive intervals agreed: measured from steady state. */
        STEADY,
        /** The maximum warm-up was spent and the intervals still disagreed: measured anyway, and marked. */
        UNSTEADY,
        CONTINUED,
        NONE;

        @JsonValue
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
