package org.fwbench.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.HdrHistogram.Histogram;
import org.fwbench.stats.Histograms;
import org.fwbench.stats.LatencySummary;

/**
 * What a load measured, over its measured window (warm-up excluded), as the results keep it. Field names are
 * part of fwbench's stable schema: other tools read them.
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
 * @param client             the load engine's own CPU use
 * @param startedAtMillis    epoch milliseconds when the measured window began
 * @param endedAtMillis      epoch milliseconds when it ended
 * @param timeline           one entry per second of the measured window
 * @param latencyHistogram   the latency HdrHistogram (microseconds), compressed and base64-encoded, so that
 *                           loads can be merged later (see {@link Histograms})
 * @param transport          how the connections were made (protocol, TLS, connect and handshake times); absent
 *                           from results written before fwbench spoke TLS and HTTP/2 (and left out when null, so
 *                           that those files read back and write the same bytes)
 */
public record MeasuredLoad(
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
        @JsonInclude(JsonInclude.Include.NON_NULL) Transport transport) {

    public MeasuredLoad {
        statuses = Map.copyOf(statuses);
        errors = Map.copyOf(errors);
        timeline = List.copyOf(timeline);
    }

    /** Share of attempts that succeeded, 0 to 100; 0 when nothing completed. */
    public double successPercent() {
        return requests == 0 ? 0 : 100.0 * ok / requests;
    }

    /**
     * Consecutive loads taken as one (the phases of a measurement, or the repeats of a target x scenario):
     * counts add up, histograms merge (percentiles are never averaged), rates are over the summed measured
     * time, and the timeline runs on from one load to the next. The open model's service and wait times are
     * not kept: they are figures of one load.
     */
    public static MeasuredLoad merge(List<MeasuredLoad> loads) {
        if (loads.size() == 1) {
            return loads.getFirst();
        }
        MeasuredLoad first = loads.getFirst();
        long requests = 0;
        long ok = 0;
        long failed = 0;
        long bytes = 0;
        double seconds = 0;
        Map<String, Long> statuses = new HashMap<>();
        Map<String, Long> errors = new HashMap<>();
        List<Interval> timeline = new ArrayList<>();
        for (MeasuredLoad r : loads) {
            requests += r.requests();
            ok += r.ok();
            failed += r.failed();
            bytes += r.bytesRead();
            seconds += r.durationSeconds();
            r.statuses().forEach((k, v) -> statuses.merge(k, v, Long::sum));
            r.errors().forEach((k, v) -> errors.merge(k, v, Long::sum));
            int offset = timeline.size();
            r.timeline().forEach(i -> timeline.add(i.shiftedBy(offset)));
        }
        Histogram latency = Histograms.merge(loads.stream().map(MeasuredLoad::latencyHistogram).toList());
        double perSecond = seconds > 0 ? 1 / seconds : 0;
        LatencySummary notMerged = null;
        return new MeasuredLoad(first.model(), first.connections(), requests, ok, failed, statuses, errors, seconds,
                ok * perSecond, requests * perSecond, bytes, bytes * perSecond, LatencySummary.ofMicros(latency),
                notMerged, notMerged, ClientCpu.merge(loads, requests, seconds), first.startedAtMillis(),
                loads.getLast().endedAtMillis(), timeline, Histograms.encode(latency),
                Transport.merge(loads.stream().map(MeasuredLoad::transport).filter(Objects::nonNull).toList()));
    }

    /**
     * The load engine's own CPU over the measured window.
     *
     * @param cpuSeconds          user + system CPU of the engine's process
     * @param cpuMicrosPerRequest cpuSeconds per completed attempt, in microseconds
     * @param utilization         cpuSeconds / (window x CPUs the engine may use), 0 to 1
     * @param saturated           true when the engine used nearly all its CPUs: the figures are then a
     *                            limit of the client, not of the server
     */
    public record ClientCpu(double cpuSeconds, double cpuMicrosPerRequest, double utilization, boolean saturated) {

        /** Over consecutive loads: CPU adds up, utilization is weighted by each load's time. */
        static ClientCpu merge(List<MeasuredLoad> loads, long requests, double seconds) {
            double cpu = 0;
            double utilization = 0;
            boolean saturated = false;
            for (MeasuredLoad r : loads) {
                cpu += r.client().cpuSeconds();
                utilization += r.client().utilization() * r.durationSeconds();
                saturated |= r.client().saturated();
            }
            return new ClientCpu(cpu, requests == 0 ? 0 : cpu * 1e6 / requests,
                    seconds > 0 ? utilization / seconds : 0, saturated);
        }
    }

    /**
     * How the connections of a load were made.
     *
     * @param protocol              {@code http/1.1}, {@code h2} (HTTP/2 over TLS) or {@code h2c} (cleartext
     *                              HTTP/2); {@code mixed} when connections differed; null when none was made
     * @param tlsProvider           https: {@code OpenSSL} (BoringSSL) or {@code JDK}; null for cleartext
     * @param tlsVersion            https: the TLS version negotiated, e.g. {@code TLSv1.3}; null for cleartext
     * @param connectMs             time to establish each TCP connection; null when none was made
     * @param tlsHandshakeMs        https: time from the TCP connection to the end of its TLS handshake
     * @param connectHistogram      the connect times, encoded as latencyHistogram
     * @param tlsHandshakeHistogram the handshake times, encoded the same way; null for cleartext
     */
    public record Transport(String protocol, String tlsProvider, String tlsVersion, LatencySummary connectMs,
            LatencySummary tlsHandshakeMs, String connectHistogram, String tlsHandshakeHistogram) {

        /** Over consecutive loads: a name stays when every load says the same, else it is {@code mixed}. */
        static Transport merge(List<Transport> parts) {
            if (parts.size() <= 1) {
                return parts.isEmpty() ? null : parts.getFirst();
            }
            Histogram connect = histograms(parts, Transport::connectHistogram);
            Histogram handshake = histograms(parts, Transport::tlsHandshakeHistogram);
            return new Transport(agreed(parts, Transport::protocol), agreed(parts, Transport::tlsProvider),
                    agreed(parts, Transport::tlsVersion), connect == null ? null : LatencySummary.ofMicros(connect),
                    handshake == null ? null : LatencySummary.ofMicros(handshake),
                    connect == null ? null : Histograms.encode(connect), handshake == null ? null : Histograms.encode(handshake));
        }

        private static String agreed(List<Transport> parts, Function<Transport, String> name) {
            List<String> names = parts.stream().map(name).filter(Objects::nonNull).distinct().toList();
            return names.size() > 1 ? "mixed" : names.stream().findFirst().orElse(null);
        }

        private static Histogram histograms(List<Transport> parts, Function<Transport, String> encoded) {
            List<String> present = parts.stream().map(encoded).filter(Objects::nonNull).toList();
            return present.isEmpty() ? null : Histograms.merge(present);
        }
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
    public record Interval(int second, long requests, long ok, long errors, int connections, double p50Ms,
            double p99Ms) {

        Interval shiftedBy(int seconds) {
            return new Interval(second + seconds, requests, ok, errors, connections, p50Ms, p99Ms);
        }
    }
}
