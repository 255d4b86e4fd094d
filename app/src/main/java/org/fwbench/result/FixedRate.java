package org.fwbench.result;

/**
 * The target's cost at a fixed arrival rate below every target's capacity (open model): all targets of a
 * scenario do the same work per second, so CPU per request and latency compare without the saturation that
 * makes CPU per request just 1 / throughput.
 *
 * @param rate                      requests per second offered
 * @param seconds                   length of the window
 * @param requests                  attempts completed
 * @param ok                        successful responses
 * @param serverCpuMicrosPerRequest the target tree's CPU over the window per successful response; null when the
 *                                  target's CPU was not measured (see {@link NotMeasured})
 * @param p99Ms                     99th percentile latency, from each request's intended start
 */
public record FixedRate(double rate, double seconds, long requests, long ok, Double serverCpuMicrosPerRequest,
        double p99Ms) {
}
