package org.fwbench.result;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The target's cost at a fixed arrival rate below every target's capacity (open model): all targets of a
 * scenario do the same work per second, so CPU per request and latency compare without the saturation that
 * makes CPU per request just 1 / throughput.
 *
 * @param rate                      requests per second offered
 * @param seconds                   length of the window
 * @param requests                  attempts completed
 * @param ok                        successful responses
 * @param serverCpuMicrosPerRequest the target tree's CPU over the window per successful response, its JIT
 *                                  compiler threads' left out; null when the target's CPU was not measured (see
 *                                  {@link NotMeasured})
 * @param p99Ms                     99th percentile latency, from each request's intended start
 * @param compilerCpuMicrosPerRequest what the JIT compiler threads took over the window, per successful response,
 *                                  apart: at a few hundred requests a JIT that is still compiling (Javalin's two
 *                                  C2 bursts of 100-170 ms in 25 s at 227 req/s) would more than triple the
 *                                  figure of the window it lands in. A measured window of the closed model is
 *                                  taken again instead, where the compilers' CPU cannot be told from the
 *                                  throughput it cost. 0 without a JIT; null when not measured, and absent from
 *                                  results written before it was kept
 */
public record FixedRate(double rate, double seconds, long requests, long ok, Double serverCpuMicrosPerRequest,
        double p99Ms, @JsonInclude(JsonInclude.Include.NON_NULL) Double compilerCpuMicrosPerRequest) {
}
