package org.fwbench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.HdrHistogram.Histogram;
import org.fwbench.stats.Histograms;
import org.fwbench.stats.LatencySummary;

/**
 * What one load run measured, over its measured window (warm-up excluded). Its JSON form is part of
 * fwbench's stable schema: field names here are read by other tools. It is lossless: the histograms, the
 * counters and the wall-clock timeline let the results of agents that loaded one server together be merged
 * exactly ({@link #merge}).
 *
 * @param model                {@code closed} or {@code open}
 * @param connections          connections (users) used at most
 * @param requests             completed attempts: successes plus failures
 * @param ok                   successful responses
 * @param failed               attempts that failed, for any reason
 * @param statuses             status code as a string to count, over all responses received
 * @param errors               error kind to count: timeout, connect, reset, protocol, validation, status
 * @param durationSeconds      length of the measured window
 * @param throughput           successful responses per second over the measured window
 * @param requestsPerSecond    completed attempts per second
 * @param bytesRead            bytes received (headers and bodies)
 * @param transferPerSecond    bytes received per second
 * @param latencyMs            response time; in the open model measured from each request's intended start
 * @param serviceTimeMs        open model only (else null): response time from the actual send
 * @param waitMs               open model only (else null): time a request waited for a free connection
 * @param client               the engine's own CPU use
 * @param startedAtMillis      epoch milliseconds when the measured window began
 * @param endedAtMillis        epoch milliseconds when it ended
 * @param timeline             one entry per second of the measured window
 * @param latencyHistogram     the latency HdrHistogram (microseconds), compressed and base64-encoded, so
 *                             that runs can be merged later (see {@code org.fwbench.stats.Histograms})
 * @param url                  the URL loaded; null in a merge of different URLs
 * @param plan                 what each agent was asked to do; null in a merge of different plans
 * @param agentIndexes         the agents whose results this holds: {@code [0]} for a run of its own
 * @param serviceTimeHistogram open model only (else null): the service times, encoded as latencyHistogram
 * @param waitHistogram        open model only (else null): the waits for a free connection, encoded the same way
 * @param interrupted          true when the run was ended early (Ctrl-C): the figures cover part of the window
 * @param stoppedBecause       why the engine ended the run before its duration or count, e.g. {@code connection
 *                             refused: 127.0.0.1:18199} when no connection could be made from the start; null
 *                             when it ran as planned
 * @param firstMismatch        with an expectation: how the first response that missed it differed, e.g.
 *                             {@code body differs from expected at offset 6: got "there", expected "world"};
 *                             null when none did
 * @param transport            how the connections were made: the protocol spoken, TLS, connect and handshake times
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
        String url,
        Plan plan,
        List<Integer> agentIndexes,
        String serviceTimeHistogram,
        String waitHistogram,
        boolean interrupted,
        String stoppedBecause,
        String firstMismatch,
        Transport transport) {

    public LoadResult {
        statuses = Map.copyOf(statuses);
        errors = Map.copyOf(errors);
        timeline = List.copyOf(timeline);
        agentIndexes = agentIndexes == null ? List.of() : List.copyOf(agentIndexes);
    }

    /** Share of attempts that succeeded, 0 to 100; 0 when nothing completed. */
    public double successPercent() {
        return requests == 0 ? 0 : 100.0 * ok / requests;
    }

    /** This result as agent {@code index} of {@code agents} that load one server together. */
    public LoadResult asAgent(int index, int agents) {
        return new LoadResult(model, connections, requests, ok, failed, statuses, errors, durationSeconds, throughput,
                requestsPerSecond, bytesRead, transferPerSecond, latencyMs, serviceTimeMs, waitMs, client,
                startedAtMillis, endedAtMillis, timeline, latencyHistogram, url, plan.withAgents(agents),
                List.of(index), serviceTimeHistogram, waitHistogram, interrupted, stoppedBecause, firstMismatch, transport);
    }

    /**
     * Why this result and {@code other} are not two parts of one load (different URLs, different plans, or
     * one agent twice), or empty when they are.
     */
    public Optional<String> mismatch(LoadResult other) {
        if (!Objects.equals(url, other.url)) {
            return Optional.of("different URLs: " + url + " and " + other.url);
        }
        if (!Objects.equals(plan, other.plan)) {
            return Optional.of("different load plans: " + plan + " and " + other.plan);
        }
        if (plan != null && plan.agents() > 1) {
            Optional<Integer> twice = agentIndexes.stream().filter(other.agentIndexes::contains).findFirst();
            if (twice.isPresent()) {
                return Optional.of("agent " + twice.get() + " of " + plan.agents() + " is in both");
            }
        }
        return Optional.empty();
    }

    /**
     * The results of agents that loaded one server at the same time, as one result: counts, statuses,
     * errors and histograms add up (so percentiles are those of one histogram that recorded every request),
     * rates add up, the window runs from the earliest start to the latest end, and the timelines are joined
     * by wall-clock second. URL, plan and model are kept when all agree, else null (model: {@code mixed}); so
     * are the protocol and the TLS provider and version (else {@code mixed}).
     * The open model's service and wait times are merged when every result has them.
     *
     * @throws IllegalArgumentException when a result carries no latency histogram
     */
    public static LoadResult merge(List<LoadResult> results) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge");
        }
        long requests = 0;
        long ok = 0;
        long failed = 0;
        long bytes = 0;
        double seconds = 0;
        double throughput = 0;
        double requestRate = 0;
        double transferRate = 0;
        int connections = 0;
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        boolean interrupted = false;
        Map<String, Long> statuses = new TreeMap<>();
        Map<String, Long> errors = new TreeMap<>();
        List<Integer> agents = new ArrayList<>();
        for (LoadResult r : results) {
            if (r.latencyHistogram() == null) {
                throw new IllegalArgumentException("a result without its latency histogram cannot be merged exactly");
            }
            requests += r.requests();
            ok += r.ok();
            failed += r.failed();
            bytes += r.bytesRead();
            seconds = Math.max(seconds, r.durationSeconds());
            throughput += r.throughput();
            requestRate += r.requestsPerSecond();
            transferRate += r.transferPerSecond();
            connections += r.connections();
            start = Math.min(start, r.startedAtMillis());
            end = Math.max(end, r.endedAtMillis());
            interrupted |= r.interrupted();
            r.statuses().forEach((k, v) -> statuses.merge(k, v, Long::sum));
            r.errors().forEach((k, v) -> errors.merge(k, v, Long::sum));
            agents.addAll(r.agentIndexes());
        }
        agents.sort(null);
        Histogram latency = Histograms.merge(results.stream().map(LoadResult::latencyHistogram).toList());
        Histogram service = mergedIfAll(results, LoadResult::serviceTimeHistogram);
        Histogram wait = mergedIfAll(results, LoadResult::waitHistogram);
        return new LoadResult(common(results, LoadResult::model, "mixed"), connections, requests, ok, failed, statuses,
                errors, seconds, throughput, requestRate, bytes, transferRate, LatencySummary.ofMicros(latency),
                service == null ? null : LatencySummary.ofMicros(service), wait == null ? null : LatencySummary.ofMicros(wait),
                ClientCpu.merge(results, requests), start, end, Interval.merge(results), Histograms.encode(latency),
                common(results, LoadResult::url, null), common(results, LoadResult::plan, null), agents,
                service == null ? null : Histograms.encode(service), wait == null ? null : Histograms.encode(wait),
                interrupted, firstNonNull(results, LoadResult::stoppedBecause),
                firstNonNull(results, LoadResult::firstMismatch),
                Transport.merge(results.stream().map(LoadResult::transport).toList()));
    }

    private static <T> T common(List<LoadResult> results, Function<LoadResult, T> field, T mixed) {
        T first = field.apply(results.getFirst());
        return results.stream().allMatch(r -> Objects.equals(field.apply(r), first)) ? first : mixed;
    }

    /** An agent's reason or mismatch stands for the merge: the first agent that has one says it. */
    private static String firstNonNull(List<LoadResult> results, Function<LoadResult, String> field) {
        return results.stream().map(field).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static Histogram mergedIfAll(List<LoadResult> results, Function<LoadResult, String> histogram) {
        List<String> encoded = results.stream().map(histogram).toList();
        return encoded.contains(null) ? null : Histograms.merge(encoded);
    }

    /**
     * What each agent was asked to do: two results can be merged only when their plans are equal.
     *
     * @param method          the request method
     * @param model           {@code closed} or {@code open}
     * @param connections     connections (users); in the open model the most it may open
     * @param rate            open model: arrivals per second of this agent (its share of the whole); 0 closed
     * @param arrivals        open model: how the arrivals were spaced, {@code even} or {@code poisson}; null closed
     * @param spawnRate       closed model: users added per second; 0 for all at once
     * @param thinkTimeMillis closed model: each user's pause between a response and its next request
     * @param durationMillis  the measured window's length; null when only a request count ends it
     * @param requests        the request count that ends the window; null when only the duration does
     * @param warmupMillis    load sent before the window and not counted
     * @param timeoutMillis   the per-request timeout
     * @param keepAlive       false: a new connection per request
     * @param agents          how many agents the load was split over (the rate is this agent's share)
     * @param http            the HTTP version asked for: {@code 1.1} or {@code 2} (see the transport for what ran)
     * @param streams         HTTP/2: requests in flight at once per connection; 1 for HTTP/1.1
     */
    public record Plan(String method, String model, int connections, double rate, String arrivals, double spawnRate,
            long thinkTimeMillis, Long durationMillis, Long requests, long warmupMillis, long timeoutMillis,
            boolean keepAlive, int agents, String http, int streams) {

        /** The plan of {@code spec}, run by one agent. */
        public static Plan of(LoadSpec spec) {
            LoadModel.Closed closed = spec.model() instanceof LoadModel.Closed c ? c : null;
            LoadModel.Open open = spec.model() instanceof LoadModel.Open o ? o : null;
            return new Plan(spec.method(), spec.openModel() ? "open" : "closed", spec.model().connections(),
                    open == null ? 0 : open.rate(), open == null ? null : open.arrivals().key(),
                    closed == null ? 0 : closed.spawnRate(),
                    closed == null ? 0 : closed.thinkTime().toMillis(),
                    spec.stop().duration().map(Duration::toMillis).orElse(null),
                    spec.stop().requests().isPresent() ? spec.stop().requests().getAsLong() : null,
                    spec.warmup().toMillis(), spec.timeout().toMillis(), spec.keepAlive(), 1, spec.http().label(),
                    spec.streams());
        }

        Plan withAgents(int n) {
            return new Plan(method, model, connections, rate, arrivals, spawnRate, thinkTimeMillis, durationMillis, requests,
                    warmupMillis, timeoutMillis, keepAlive, n, http, streams);
        }
    }

    /**
     * How the connections of the measured window were made.
     *
     * @param protocol              what was spoken: {@code http/1.1}, {@code h2} (HTTP/2 over TLS, by ALPN) or
     *                              {@code h2c} (cleartext HTTP/2); {@code mixed} when connections differed; null
     *                              when no connection was made
     * @param tlsProvider           https: the TLS implementation that ran, {@code OpenSSL} (BoringSSL, through
     *                              netty-tcnative) or {@code JDK}; null for cleartext
     * @param tlsVersion            https: the TLS version negotiated, e.g. {@code TLSv1.3}; null for cleartext
     * @param connectMs             time from the connect call to the TCP connection's establishment; null when
     *                              no connection was made in the window
     * @param tlsHandshakeMs        https: time from the TCP connection to the end of the TLS handshake; else null
     * @param connectHistogram      the connect times (microseconds), encoded as the result's latencyHistogram
     * @param tlsHandshakeHistogram the TLS handshake times, encoded the same way; null for cleartext
     */
    public record Transport(String protocol, String tlsProvider, String tlsVersion, LatencySummary connectMs,
            LatencySummary tlsHandshakeMs, String connectHistogram, String tlsHandshakeHistogram) {

        static final String MIXED = "mixed";

        /** The transports of results merged: names kept when all agree, else {@code mixed}; histograms merged. */
        public static Transport merge(List<Transport> transports) {
            List<Transport> present = transports.stream().filter(Objects::nonNull).toList();
            if (present.isEmpty()) {
                return null;
            }
            Histogram connect = mergeAny(present, Transport::connectHistogram);
            Histogram handshake = mergeAny(present, Transport::tlsHandshakeHistogram);
            return new Transport(same(present, Transport::protocol), same(present, Transport::tlsProvider),
                    same(present, Transport::tlsVersion), connect == null ? null : LatencySummary.ofMicros(connect),
                    handshake == null ? null : LatencySummary.ofMicros(handshake),
                    connect == null ? null : Histograms.encode(connect),
                    handshake == null ? null : Histograms.encode(handshake));
        }

        /** The histograms that are there, merged; null when none is. */
        private static Histogram mergeAny(List<Transport> transports, Function<Transport, String> histogram) {
            List<String> encoded = transports.stream().map(histogram).filter(Objects::nonNull).toList();
            return encoded.isEmpty() ? null : Histograms.merge(encoded);
        }

        /** The value all transports that have one agree on, {@code mixed} if they differ, null if none has one. */
        private static String same(List<Transport> transports, Function<Transport, String> field) {
            List<String> values = transports.stream().map(field).filter(Objects::nonNull).distinct().toList();
            return values.isEmpty() ? null : values.size() == 1 ? values.getFirst() : MIXED;
        }
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

        /** Over agents that ran side by side, each on its own CPUs: CPU adds up, utilization is the busiest agent's. */
        static ClientCpu merge(List<LoadResult> results, long requests) {
            double cpu = 0;
            double utilization = 0;
            boolean saturated = false;
            for (LoadResult r : results) {
                cpu += r.client().cpuSeconds();
                utilization = Math.max(utilization, r.client().utilization());
                saturated |= r.client().saturated();
            }
            return new ClientCpu(cpu, requests == 0 ? 0 : cpu * 1e6 / requests, utilization, saturated);
        }
    }

    /**
     * One second of the measured window.
     *
     * @param second           seconds since the window began (0, 1, 2, ...)
     * @param requests         attempts completed in that second
     * @param ok               of which successful
     * @param errors           of which failed
     * @param connections      connections (users) open at the end of that second
     * @param p50Ms            median latency of that second's responses; 0 when there were none
     * @param p99Ms            99th percentile of the same
     * @param startedAtMillis  epoch milliseconds when that second began
     * @param latencyHistogram that second's latencies, encoded as the result's latencyHistogram
     */
    public record Interval(int second, long requests, long ok, long errors, int connections, double p50Ms, double p99Ms,
            long startedAtMillis, String latencyHistogram) {

        /** One interval of {@code latency}'s responses. */
        static Interval of(int second, long requests, long ok, long errors, int connections, long startedAtMillis,
                Histogram latency) {
            LatencySummary l = LatencySummary.ofMicros(latency);
            return new Interval(second, requests, ok, errors, connections, l.p50(), l.p99(), startedAtMillis,
                    Histograms.encode(latency));
        }

        /** The wall-clock second nearest this interval's start: agents started together share it. */
        long epochSecond() {
            return Math.round(startedAtMillis / 1000.0);
        }

        /**
         * The timelines of agents that ran side by side, joined by wall-clock second: the intervals that began
         * nearest the same second add up. Seconds count from the earliest; a second nobody measured is absent.
         */
        static List<Interval> merge(List<LoadResult> results) {
            TreeMap<Long, List<Interval>> bySecond = new TreeMap<>();
            for (LoadResult r : results) {
                for (Interval i : r.timeline()) {
                    bySecond.computeIfAbsent(i.epochSecond(), k -> new ArrayList<>()).add(i);
                }
            }
            if (bySecond.isEmpty()) {
                return List.of();
            }
            long first = bySecond.firstKey();
            List<Interval> merged = new ArrayList<>();
            bySecond.forEach((epochSecond, same) -> {
                Histogram latency = Histograms.merge(same.stream().map(Interval::latencyHistogram).toList());
                merged.add(of((int) (epochSecond - first), same.stream().mapToLong(Interval::requests).sum(),
                        same.stream().mapToLong(Interval::ok).sum(), same.stream().mapToLong(Interval::errors).sum(),
                        same.stream().mapToInt(Interval::connections).sum(),
                        same.stream().mapToLong(Interval::startedAtMillis).min().orElseThrow(), latency));
            });
            return merged;
        }
    }
}
