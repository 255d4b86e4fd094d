package org.fwbench.result;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How the warm-up before a measurement went. Each start is warmed up once, its scenarios loaded in turn in short
 * intervals, until every scenario's intervals agree on throughput and on the target's CPU per request, or a JVM's
 * JIT compilers have gone quiet (steady either way), or the warm-up's maximum is spent; each scenario's record says
 * how its own intervals went.
 *
 * @param state               how the scenario's warm-up ended
 * @param seconds             the start's warm-up time in all, including the intervals that showed it steady
 * @param requests            attempts the start's warm-up sent, over all its scenarios
 * @param intervals           short loads of this scenario
 * @param steadyAfterSeconds  time from the start's first warm-up request to the first interval of this scenario's
 *                            agreeing window: the "time to steady state"; 0 unless {@code steady}
 * @param steadyAfterRequests attempts the start's warm-up sent in that time
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
        /** Successive intervals agreed, or the target's JIT compilers went quiet: measured from steady state. */
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
