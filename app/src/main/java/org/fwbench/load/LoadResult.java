package org.fwbench.load;

import java.util.List;
import java.util.Map;
import org.fwbench.stats.LatencySummary;

/**
 * What one load run measured, over its measured window (warm-up excluded). Its JSON form is part of
 * fwbench's stable schema: field names here are read by other tools.
 *
 * @param model              {@code closed} or {@code open}
 * @param connections        connections (users) used at most
 * @param requests           completed attempts: successes plus failures
 * @param ok                 successful responses
 * @param failed             attempts that failed, for any reason
 * @param statuses           status code as a string to count, over all responses received
 * @param errors             error kind to count: timeout, connect, reset, protocol, validation, status
 * @param durationSeconds    length of the measured window
 * @param throughput         successful responses per second over the measured window
 * @param requestsPerSecond  completed attempts per second
 * @param bytesRead          bytes received (headers and bodies)
 * @param transferPerSecond  bytes received per second
 * @param latencyMs          response time; in the open model measured from each request's intended start
 * @param serviceTimeMs      open model only (else null): response time from the actual send
 * @param waitMs             open model only (else null): time a request waited for a free connection
 * @param client             the engine's own CPU use
 * @param startedAtMillis    epoch milliseconds when the measured window began
 * @param endedAtMillis      epoch milliseconds when it ended
 * @param timeline           one entry per second of the measured window
 * @param latencyHistogram   the latency HdrHistogram (microseconds), compressed and base64-encoded, so
 *                           that runs can be merged later (see {@code org.fwbench.stats.Histograms})
 * @param stoppedBecause     why the engine ended the run before its duration or count, e.g. {@code connection
 *                           refused: 127.0.0.1:18199} when no connection could be made from the start; null
 *                           when it ran as planned
 * @param firstMismatch      with an expectation: how the first response that missed it differed, e.g.
 *                           {@code body differs from expected at offset 6: got "there", expected "world"};
 *                           null when none did
 */
public record LoadResult(
        String model,
        int connections,
        long requests,
        long ok,
        long failed,
        Map<String, Long> statuses,
        Map<String, Long> errors,
        double durationSeconds,
        double throughput,
        double requestsPerSecond,
        long bytesRead,
        double transferPerSecond,
        LatencySummary latencyMs,
        LatencySummary serviceTimeMs,
        LatencySummary waitMs,
        ClientCpu client,
        long startedAtMillis,
        long endedAtMillis,
        List<Interval> timeline,
        String latencyHistogram,
        String stoppedBecause,
        String firstMismatch) {

    public LoadResult {
        statuses = Map.copyOf(statuses);
        errors = Map.copyOf(errors);
        timeline = List.copyOf(timeline);
    }

    /** Share of attempts that succeeded, 0 to 100; 0 when nothing completed. */
    public double successPercent() {
        return requests == 0 ? 0 : 100.0 * ok / requests;
    }

    /**
     * The engine's own CPU over the measured window.
     *
     * @param cpuSeconds          user + system CPU of the engine's process
     * @param cpuMicrosPerRequest cpuSeconds per completed attempt, in microseconds
     * @param utilization         cpuSeconds / (window x CPUs the engine may use), 0 to 1
     * @param saturated           true when the engine used nearly all its CPUs: the figures are then a
     *                            limit of the client, not of the server
     */
    public record ClientCpu(double cpuSeconds, double cpuMicrosPerRequest, double utilization, boolean saturated) {
    }

    /**
     * One second of the measured window.
     *
     * @param second      seconds since the window began (0, 1, 2, ...)
     * @param requests    attempts completed in that second
     * @param ok          of which successful
     * @param errors      of which failed
     * @param connections connections (users) open at the end of that second
     * @param p50Ms       median latency of that second's responses; 0 when there were none
     * @param p99Ms       99th percentile of the same
     */
    public record Interval(int second, long requests, long ok, long errors, int connections, double p50Ms, double p99Ms) {
    }
}
