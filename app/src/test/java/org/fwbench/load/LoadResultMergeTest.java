package org.fwbench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.fwbench.result.Json;
import org.fwbench.stats.Histograms;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Results of agents that loaded one server together, merged: sums and histogram adds, never averages. */
class LoadResultMergeTest {

    private static FaultServer server;
    private static LoadEngine engine;

    @BeforeAll
    static void start() throws Exception {
        server = new FaultServer();
        engine = new LoadEngine();
    }

    @AfterAll
    static void stop() throws Exception {
        engine.close();
        server.close();
    }

    private static LoadResult run(String path, long requests) throws InterruptedException {
        return engine.run(Specs.of(server.url(path)).connections(2).requests(requests).build(), p -> { });
    }

    @Test
    void countsAndHistogramsAddUpExactly() throws Exception {
        LoadResult a = run("/ok", 300).asAgent(0, 2);
        LoadResult b = run("/ok", 300).asAgent(1, 2);

        LoadResult m = LoadResult.merge(List.of(a, b));

        assertThat(m.requests()).isEqualTo(600);
        assertThat(m.ok()).isEqualTo(a.ok() + b.ok());
        assertThat(m.statuses()).containsEntry("200", 600L);
        assertThat(m.errors()).containsEntry("timeout", 0L);
        Histogram both = Histograms.decode(a.latencyHistogram());
        both.add(Histograms.decode(b.latencyHistogram()));
        assertThat(Histograms.decode(m.latencyHistogram())).isEqualTo(both);
        assertThat(m.latencyMs().p99()).isEqualTo(both.getValueAtPercentile(99) / 1000.0);
        assertThat(m.latencyMs().max()).isEqualTo(Math.max(a.latencyMs().max(), b.latencyMs().max()));
        assertThat(m.requestsPerSecond()).isEqualTo(a.requestsPerSecond() + b.requestsPerSecond());
        assertThat(m.startedAtMillis()).isEqualTo(a.startedAtMillis());
        assertThat(m.endedAtMillis()).isEqualTo(b.endedAtMillis());
        assertThat(m.connections()).isEqualTo(4);
        assertThat(m.agentIndexes()).containsExactly(0, 1);
        assertThat(m.url()).isEqualTo(a.url());
        assertThat(m.plan()).isEqualTo(a.plan());
        assertThat(m.timeline().stream().mapToLong(LoadResult.Interval::requests).sum()).isEqualTo(600);
        assertThat(m.transport().protocol()).isEqualTo("http/1.1");
        assertThat(m.transport().connectMs().count()).isEqualTo(a.transport().connectMs().count() + b.transport().connectMs().count());
    }

    @Test
    void transportsThatDifferMergeAsMixed() {
        LoadResult.Transport h2 = new LoadResult.Transport("h2", "OpenSSL", "TLSv1.3", null, null, null, null);
        LoadResult.Transport h1 = new LoadResult.Transport("http/1.1", "OpenSSL", "TLSv1.2", null, null, null, null);

        LoadResult.Transport m = LoadResult.Transport.merge(java.util.Arrays.asList(h2, h1, null));

        assertThat(m.protocol()).isEqualTo("mixed");
        assertThat(m.tlsProvider()).isEqualTo("OpenSSL");
        assertThat(m.tlsVersion()).isEqualTo("mixed");
        assertThat(m.connectMs()).isNull();
    }

    @Test
    void theJsonFormMergesToTheSameResult() throws Exception {
        LoadResult a = run("/ok", 100);
        LoadResult read = Json.MAPPER.readValue(Json.MAPPER.writeValueAsBytes(a), LoadResult.class);

        assertThat(read).isEqualTo(a);
        assertThat(LoadResult.merge(List.of(read, read)).requests()).isEqualTo(200);
    }

    @Test
    void intervalsThatBeganNearTheSameWallClockSecondAddUp() throws Exception {
        LoadResult base = run("/ok", 1);
        Histogram fast = Histograms.newMicros();
        fast.recordValue(1000);
        Histogram slow = Histograms.newMicros();
        slow.recordValue(9000);
        long second = 1_795_000_000_000L;
        LoadResult a = withTimeline(base, List.of(LoadResult.Interval.of(0, 1, 1, 0, 1, second + 3, fast),
                LoadResult.Interval.of(1, 1, 1, 0, 1, second + 1003, fast)));
        LoadResult b = withTimeline(base, List.of(LoadResult.Interval.of(0, 1, 1, 0, 2, second - 20, slow),
                LoadResult.Interval.of(1, 1, 1, 0, 2, second + 980, slow), LoadResult.Interval.of(2, 1, 1, 0, 2, second + 1990, slow)));

        List<LoadResult.Interval> t = LoadResult.merge(List.of(a, b)).timeline();

        assertThat(t).extracting(LoadResult.Interval::second).containsExactly(0, 1, 2);
        assertThat(t).extracting(LoadResult.Interval::requests).containsExactly(2L, 2L, 1L);
        assertThat(t).extracting(LoadResult.Interval::connections).containsExactly(3, 3, 2);
        assertThat(t.get(0).startedAtMillis()).isEqualTo(second - 20);
        assertThat(t.get(0).p99Ms()).isBetween(8.9, 9.1);
        assertThat(Histograms.decode(t.get(1).latencyHistogram()).getTotalCount()).isEqualTo(2);
    }

    /** {@code base} with only this timeline: what an agent's result holds, second by second. */
    private static LoadResult withTimeline(LoadResult r, List<LoadResult.Interval> timeline) {
        Histogram all = Histograms.newMicros();
        timeline.forEach(i -> all.add(Histograms.decode(i.latencyHistogram())));
        return new LoadResult(r.model(), 1, timeline.size(), timeline.size(), 0, r.statuses(), r.errors(), 2, 1, 1, 0, 0,
                r.latencyMs(), null, null, r.client(), timeline.getFirst().startedAtMillis(), 0, timeline,
                Histograms.encode(all), r.url(), r.plan(), List.of(0), null, null, false, null, null, r.transport());
    }

    @Test
    void resultsOfOtherUrlsOrPlansOrTheSameAgentTwiceDoNotBelongTogether() throws Exception {
        LoadResult ok = run("/ok", 10);
        assertThat(ok.mismatch(run("/ok", 10))).isEmpty();
        assertThat(ok.mismatch(run("/delay?ms=1", 10))).get().asString().startsWith("different URLs");
        assertThat(ok.mismatch(run("/ok", 11))).get().asString().startsWith("different load plans");
        assertThat(ok.asAgent(1, 3).mismatch(run("/ok", 10).asAgent(1, 3))).get().asString()
                .isEqualTo("agent 1 of 3 is in both");
        assertThat(ok.asAgent(1, 3).mismatch(run("/ok", 10).asAgent(2, 3))).isEmpty();
    }

    @Test
    void aResultWithoutItsHistogramIsRefused() throws Exception {
        LoadResult r = run("/ok", 5);
        LoadResult old = new LoadResult(r.model(), r.connections(), r.requests(), r.ok(), r.failed(), r.statuses(), r.errors(),
                r.durationSeconds(), r.throughput(), r.requestsPerSecond(), r.bytesRead(), r.transferPerSecond(), r.latencyMs(),
                null, null, r.client(), r.startedAtMillis(), r.endedAtMillis(), r.timeline(), null, r.url(), r.plan(),
                r.agentIndexes(), null, null, false, null, null, r.transport());
        assertThatThrownBy(() -> LoadResult.merge(List.of(r, old))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("latency histogram");
    }

    @Test
    void theMeasuredWindowOpensAtTheStartTimeAfterTheWarmup() throws Exception {
        Instant at = Instant.now().plusMillis(600);
        LoadResult r = engine.run(Specs.of(server.url("/ok")).connections(2).duration(300).warmup(200).startAt(at).build(),
                p -> { });
        assertThat(r.startedAtMillis()).isGreaterThanOrEqualTo(at.toEpochMilli());
        assertThat(r.ok()).isPositive();
        assertThat(r.timeline().getFirst().startedAtMillis()).isEqualTo(r.startedAtMillis());
    }
}
