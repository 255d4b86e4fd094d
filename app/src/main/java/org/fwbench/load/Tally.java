package org.fwbench.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;
import org.fwbench.load.LoadResult.ClientCpu;
import org.fwbench.load.LoadResult.Interval;
import org.fwbench.stats.Histograms;
import org.fwbench.stats.LatencySummary;

/** The coordinator's side of the figures: merges the loops' intervals into the timeline and the totals. */
final class Tally {

    /**
     * At 90% of its CPUs the engine has no headroom left: its event loops queue work, so latencies
     * include the client's own delays and the request rate is the client's limit. Below that, bursts
     * still find an idle core. (A load generator that is at 100% is certainly saturated; 90% leaves
     * room for the coordinator, GC and JIT threads, which count in the process CPU too.)
     */
    static final double SATURATION = 0.9;

    private final Histogram total = Histograms.newMicros();
    private final Histogram interval = Histograms.newMicros();
    private final List<Interval> timeline = new ArrayList<>();
    private final Consumer<Histogram> intervalSink;
    private long requests;
    private long ok;
    private long failed;

    Tally(Consumer<Histogram> intervalSink) {
        this.intervalSink = intervalSink;
    }

    /** Adds one measured interval, from {@code startMillis} to {@code endMillis}, made of every loop's snapshot. */
    void add(List<Loop.Snapshot> snapshots, long startMillis, long endMillis) {
        interval.reset();
        long r = 0;
        long o = 0;
        long e = 0;
        int connections = 0;
        for (Loop.Snapshot s : snapshots) {
            interval.add(s.latency());
            r += s.requests();
            o += s.ok();
            e += s.errors();
            connections += s.connections();
        }
        total.add(interval);
        requests += r;
        ok += o;
        failed += e;
        timeline.add(Interval.of(timeline.size(), r, o, e, connections, startMillis, interval));
        if (intervalSink != null) {
            Histogram copy = interval.copy();
            copy.setStartTimeStamp(startMillis);
            copy.setEndTimeStamp(endMillis);
            intervalSink.accept(copy);
        }
    }

    long requests() {
        return requests;
    }

    long failed() {
        return failed;
    }

    LoadResult result(Load run, List<Loop.Final> finals, double seconds, long cpuNanos, int cpus, long startedAtMillis,
            long endedAtMillis, boolean interrupted) {
        long[] statuses = new long[600];
        long[] errors = new long[ErrorKind.values().length];
        long bytes = 0;
        Loop.Final mismatched = null;
        Histogram service = Histograms.newMicros();
        Histogram wait = Histograms.newMicros();
        for (Loop.Final f : finals) {
            for (int i = 0; i < statuses.length; i++) {
                statuses[i] += f.statuses()[i];
            }
            for (int i = 0; i < errors.length; i++) {
                errors[i] += f.errors()[i];
            }
            bytes += f.bytes();
            service.add(f.service());
            wait.add(f.waiting());
            if (f.firstMismatch() != null && (mismatched == null || f.firstMismatchNanos() - mismatched.firstMismatchNanos() < 0)) {
                mismatched = f;
            }
        }
        Map<String, Long> statusMap = new TreeMap<>();
        for (int i = 0; i < statuses.length; i++) {
            if (statuses[i] > 0) {
                statusMap.put(Integer.toString(i), statuses[i]);
            }
        }
        Map<String, Long> errorMap = new LinkedHashMap<>();
        for (ErrorKind k : ErrorKind.values()) {
            errorMap.put(k.key(), errors[k.ordinal()]);
        }
        double cpuSeconds = cpuNanos / 1e9;
        double utilization = seconds <= 0 ? 0 : cpuSeconds / (seconds * cpus);
        ClientCpu cpu = new ClientCpu(cpuSeconds, requests == 0 ? 0 : cpuSeconds * 1e6 / requests, utilization,
                utilization >= SATURATION);
        return new LoadResult(run.open ? "open" : "closed", run.spec.model().connections(), requests, ok, failed, statusMap,
                errorMap, seconds, perSecond(ok, seconds), perSecond(requests, seconds), bytes, perSecond(bytes, seconds),
                LatencySummary.ofMicros(total), run.open ? LatencySummary.ofMicros(service) : null,
                run.open ? LatencySummary.ofMicros(wait) : null, cpu, startedAtMillis, endedAtMillis, timeline,
                Histograms.encode(total), run.spec.url().toString(), LoadResult.Plan.of(run.spec), List.of(0),
                run.open ? Histograms.encode(service) : null, run.open ? Histograms.encode(wait) : null, interrupted,
                run.stoppedBecause(), mismatched == null ? null : mismatched.firstMismatch(),
                Connects.transport(finals.stream().map(Loop.Final::connects).toList(), run.tlsProvider()));
    }

    private static double perSecond(long count, double seconds) {
        return seconds <= 0 ? 0 : count / seconds;
    }
}
