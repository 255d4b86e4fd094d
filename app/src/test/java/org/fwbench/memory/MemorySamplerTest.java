package org.fwbench.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fwbench.memory.Python.MIB;

import java.time.Duration;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class MemorySamplerTest {

    private final MemoryProbe probe = MemoryProbe.forThisSystem();

    @Test
    void recordsATimelineAndWhatItCost() throws Exception {
        try (Python python = new Python()) {
            // After a moment, grows by 8 MiB every 50 ms up to 64 MiB: the timeline must see it rise.
            long pid = python.startThenRun("time.sleep(0.2)\nchunks = []\nfor _ in range(8):\n"
                    + "    chunks.append(b'\\x01' * (8 << 20)); time.sleep(0.05)");
            MemorySampler sampler = MemorySampler.start(probe, pid, Duration.ofMillis(20));
            awaitRss(pid, 64 * MIB);
            List<TreeMemory> timeline = sampler.stop();

            assertThat(timeline).hasSizeGreaterThanOrEqualTo(5);
            assertThat(timeline).allSatisfy(point -> assertThat(point.processes()).isEmpty());
            LongSummaryStatistics rss = timeline.stream().mapToLong(TreeMemory::rssBytes).summaryStatistics();
            assertThat(rss.getMax() - rss.getMin()).isGreaterThanOrEqualTo(48 * MIB);
            assertThat(timeline).extracting(TreeMemory::epochMillis).isSorted();
            SamplerOverhead overhead = sampler.overhead();
            assertThat(overhead.samples()).isEqualTo(timeline.size());
            // PSS on every fifth point only: smaps_rollup is the expensive read.
            assertThat(timeline.getFirst().pssBytes()).isNotNull();
            assertThat(timeline.get(1).pssBytes()).isNull();
            assertThat(timeline.get(1).rssBytes()).isPositive();
            assertThat(overhead.cpuSeconds()).isNotNull().isGreaterThanOrEqualTo(0.0);
            assertThat(overhead.meanMicrosPerSample()).isPositive();
        }
    }

    @Test
    void theTimelineEndsWhenTheProcessEnds() throws Exception {
        Process p = new ProcessBuilder("sleep", "300").start();
        try (MemorySampler sampler = MemorySampler.start(probe, p.pid(), Duration.ofMillis(10))) {
            awaitSamples(sampler, 2);
            p.destroyForcibly().waitFor();
            long ended = sampler.overhead().samples();
            awaitQuiet(sampler);
            assertThat(sampler.stop()).hasSizeBetween(2, (int) ended + 2);
        } finally {
            p.destroyForcibly();
        }
    }

    private void awaitRss(long pid, long bytes) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (probe.read(pid).rssBytes() < bytes && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        assertThat(probe.read(pid).rssBytes()).isGreaterThanOrEqualTo(bytes);
    }

    private static void awaitSamples(MemorySampler sampler, long n) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (sampler.overhead().samples() < n && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
        assertThat(sampler.overhead().samples()).isGreaterThanOrEqualTo(n);
    }

    /** Waits until no new sample has come for ten intervals: the sampler has seen the process go. */
    private static void awaitQuiet(MemorySampler sampler) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long seen = -1;
        while (System.nanoTime() < deadline) {
            long now = sampler.overhead().samples();
            if (now == seen) {
                return;
            }
            seen = now;
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
        throw new AssertionError("the sampler kept sampling a process that had exited");
    }
}
