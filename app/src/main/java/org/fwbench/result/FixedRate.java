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
 *                                  apart: at a few hundred requests a JIT that is still compiling decides the
 *                                  figure (Javalin at 227 req/s: 0.3-0.4 s of C2 in a 0.5 s window, 4,413
 *                                  against 586 µs a request; {@code bench/fixed-rate-jit.py}). A measured window
 *                                  of the closed model is taken again instead, as there the compilers' CPU came
 *                                  out of its throughput. 0 without a JIT; null when not measured, and absent
 *                                  from results written before it was kept
 */
public record FixedRate(double rate, double seconds, long requests, long ok, Double serverCpuMicrosPerRequest,
        double p99Ms, @JsonInclude(JsonInclude.Include.NON_NULL) Double compilerCpuMicrosPerRequest) {
}
