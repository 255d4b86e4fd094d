package org.fwbench.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.HdrHistogram.Histogram;
import org.fwbench.load.LoadResult;
import org.fwbench.stats.Histograms;
import org.fwbench.stats.LatencySummary;

/** Load results taken together: the phases of one measurement, or the repeats of one target x scenario. */
final class Loads {

    private Loads() {
    }

    /**
     * One result for several consecutive loads: counts add up, histograms merge, rates are over the
     * summed measured time, and the timeline runs on across the phases.
     */
    static LoadResult combine(List<LoadResult> loads) {
        if (loads.size() == 1) {
            return loads.getFirst();
        }
        LoadResult first = loads.getFirst();
        LoadResult last = loads.getLast();
        long requests = 0;
        long ok = 0;
        long failed = 0;
        long bytes = 0;
        double seconds = 0;
        double cpu = 0;
        boolean saturated = false;
        double utilization = 0;
        Map<String, Long> statuses = new HashMap<>();
        Map<String, Long> errors = new HashMap<>();
        List<LoadResult.Interval> timeline = new ArrayList<>();
        for (LoadResult r : loads) {
            requests += r.requests();
            ok += r.ok();
            failed += r.failed();
            bytes += r.bytesRead();
            cpu += r.client().cpuSeconds();
            utilization += r.client().utilization() * r.durationSeconds();
            saturated |= r.client().saturated();
            r.statuses().forEach((k, v) -> statuses.merge(k, v, Long::sum));
            r.errors().forEach((k, v) -> errors.merge(k, v, Long::sum));
            int offset = timeline.size();
            for (LoadResult.Interval i : r.timeline()) {
                timeline.add(new LoadResult.Interval(offset + i.second(), i.requests(), i.ok(), i.errors(),
                        i.connections(), i.p50Ms(), i.p99Ms()));
            }
            seconds += r.durationSeconds();
        }
        Histogram latency = Histograms.merge(loads.stream().map(LoadResult::latencyHistogram).toList());
        double perSecond = seconds > 0 ? 1 / seconds : 0;
        return new LoadResult(first.model(), first.connections(), requests, ok, failed, statuses, errors, seconds,
                ok * perSecond, requests * perSecond, bytes, bytes * perSecond, LatencySummary.ofMicros(latency),
                null, null,
                new LoadResult.ClientCpu(cpu, requests == 0 ? 0 : cpu * 1e6 / requests,
                        seconds > 0 ? utilization / seconds : 0, saturated),
                first.startedAtMillis(), last.endedAtMillis(), timeline, Histograms.encode(latency),
                firstNonNull(loads, LoadResult::stoppedBecause), firstNonNull(loads, LoadResult::firstMismatch));
    }

    private static String firstNonNull(List<LoadResult> loads, Function<LoadResult, String> field) {
        return loads.stream().map(field).filter(Objects::nonNull).findFirst().orElse(null);
    }
}
