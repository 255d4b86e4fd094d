package org.fwbench.run;

import org.fwbench.load.LoadResult;
import org.fwbench.result.MeasuredLoad;

/** The load engine's result as the results keep it: the same figures under the same names. */
final class LoadRecords {

    private LoadRecords() {
    }

    static MeasuredLoad of(LoadResult r) {
        LoadResult.ClientCpu c = r.client();
        return new MeasuredLoad(r.model(), r.connections(), r.requests(), r.ok(), r.failed(), r.statuses(),
                r.errors(), r.durationSeconds(), r.throughput(), r.requestsPerSecond(), r.bytesRead(),
                r.transferPerSecond(), r.latencyMs(), r.serviceTimeMs(), r.waitMs(),
                new MeasuredLoad.ClientCpu(c.cpuSeconds(), c.cpuMicrosPerRequest(), c.utilization(), c.saturated()),
                r.startedAtMillis(), r.endedAtMillis(),
                r.timeline().stream().map(i -> new MeasuredLoad.Interval(i.second(), i.requests(), i.ok(), i.errors(),
                        i.connections(), i.p50Ms(), i.p99Ms())).toList(),
                r.latencyHistogram(), transport(r.transport()));
    }

    private static MeasuredLoad.Transport transport(LoadResult.Transport t) {
        return t == null ? null : new MeasuredLoad.Transport(t.protocol(), t.tlsProvider(), t.tlsVersion(), t.connectMs(),
                t.tlsHandshakeMs(), t.connectHistogram(), t.tlsHandshakeHistogram());
    }
}
