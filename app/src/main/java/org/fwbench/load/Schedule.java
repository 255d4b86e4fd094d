package org.fwbench.load;

import java.util.SplittableRandom;

/**
 * The open model's arrival times on one event loop. The run's schedule is shared out among the loops:
 * evenly spaced, loop {@code index} of {@code loops} takes every {@code loops}-th arrival; at random
 * (Poisson), each loop runs a Poisson process of {@code rate / loops}, and together they make one of
 * {@code rate}. The random gaps come from a fixed seed per loop, so two runs get the same schedule.
 */
final class Schedule {

    private static final long SEED = 0x5eed_c0de_2026L;

    private final long startNanos;
    private final double rate;
    private final int index;
    private final int loops;
    /** Poisson only; null for even spacing. */
    private final SplittableRandom random;
    private long arrivals;
    /** Poisson: seconds from the start to the latest arrival, kept in a double so that rounding does not add up. */
    private double seconds;

    Schedule(long startNanos, double rate, LoadModel.Arrivals spacing, int index, int loops) {
        this.startNanos = startNanos;
        this.rate = rate;
        this.index = index;
        this.loops = loops;
        this.random = spacing == LoadModel.Arrivals.POISSON ? new SplittableRandom(SEED + index) : null;
    }

    /** The next arrival's intended start, in {@link System#nanoTime()} terms. */
    long next() {
        if (random == null) {
            // computed from the start each time, not added up, so that the schedule does not drift
            return startNanos + (long) ((index + (double) arrivals++ * loops) * Load.NANOS_PER_SECOND / rate);
        }
        // an exponential gap: -ln(U) / (rate / loops), with U in (0, 1]
        seconds += -Math.log(1.0 - random.nextDouble()) * loops / rate;
        return startNanos + (long) (seconds * Load.NANOS_PER_SECOND);
    }
}
