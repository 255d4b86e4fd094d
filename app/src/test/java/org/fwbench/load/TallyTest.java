package org.fwbench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.fwbench.stats.Histograms;
import org.junit.jupiter.api.Test;

/** Merging the event loops' histograms and counters: the run's figures are sums, never averages. */
class TallyTest {

    private static Loop.Snapshot snapshot(long ok, long errors, long... micros) {
        Histogram h = Histograms.newMicros();
        for (long m : micros) {
            h.recordValue(m);
        }
        return new Loop.Snapshot(h, ok + errors, ok, errors, 0, 0, 3);
    }

    @Test
    void intervalsOfAllLoopsAddUpToTheRun() {
        List<Histogram> logged = new ArrayList<>();
        Tally t = new Tally(logged::add);
        t.add(List.of(snapshot(2, 0, 1000, 1000), snapshot(1, 1, 9000)), 1000, 2000);
        t.add(List.of(snapshot(1, 0, 100_000), snapshot(0, 0)), 2000, 3000);
        Load run = new Load(Specs.of(URI.create("http://127.0.0.1:1/")).build(), null, null, Protocol.HTTP_1_1);
        List<Loop.Final> finals = List.of(new Loop.Final(null, new long[600], new long[ErrorKind.values().length], 10,
                Histograms.newMicros(), Histograms.newMicros(), null, 0, new Connects()));

        LoadResult r = t.result(run, finals, 2.0, 1_000_000_000L, 2, 1000, 3000, false);

        assertThat(r.requests()).isEqualTo(5);
        assertThat(r.ok()).isEqualTo(4);
        assertThat(r.failed()).isEqualTo(1);
        assertThat(r.latencyMs().count()).isEqualTo(4);
        assertThat(r.latencyMs().max()).isBetween(99.9, 100.1);
        assertThat(r.latencyMs().p50()).isBetween(0.99, 1.01);
        assertThat(Histograms.decode(r.latencyHistogram()).getTotalCount()).isEqualTo(4);
        assertThat(r.timeline()).hasSize(2);
        assertThat(r.timeline().get(0).requests()).isEqualTo(4);
        assertThat(r.timeline().get(0).connections()).isEqualTo(6);
        assertThat(r.timeline().get(1).p99Ms()).isBetween(99.9, 100.1);
        assertThat(logged).hasSize(2);
        assertThat(logged.get(1).getStartTimeStamp()).isEqualTo(2000);
        assertThat(r.throughput()).isEqualTo(2.0);
        assertThat(r.client().cpuMicrosPerRequest()).isEqualTo(200_000.0);
        assertThat(r.client().utilization()).isEqualTo(0.25);
        assertThat(r.client().saturated()).isFalse();
    }
}
