package org.fwbench.load;

/**
 * How a run is going, reported about once a second.
 *
 * @param elapsedSeconds    seconds since the current phase (warm-up or measured window) began
 * @param warmup            true while the load is not yet counted
 * @param requests          attempts completed in the current phase so far
 * @param errors            of which failed
 * @param requestsPerSecond attempts completed per second over the last interval
 * @param connections       connections open now
 */
public record Progress(double elapsedSeconds, boolean warmup, long requests, long errors, double requestsPerSecond,
        int connections) {
}
