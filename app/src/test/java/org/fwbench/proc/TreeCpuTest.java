package org.fwbench.proc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What an interval used, taken thread by thread between two readings of a tree, or from its processes' ticks. */
class TreeCpuTest {

    private static final long TICK = 1_000_000_000L / ProcFs.clockTicks();

    /** A reading of one process whose own count did not move: the threads alone tell. */
    private static TreeCpu threads(Map<Long, Long> nanos, Set<Long> compilers) {
        return new TreeCpu(nanos, compilers, 0, 1);
    }

    @Test
    void aCompilerThreadThatEndsTakesItsPastWithItAndNothingOfTheInterval() {
        // A JVM ended its second C2 thread (7 with 900 ms so far) once the queue was empty; 5, the first, went on.
        TreeCpu before = threads(Map.of(1L, 1_000L, 5L, 2_000L, 7L, 900_000_000L), Set.of(5L, 7L));
        TreeCpu after = threads(Map.of(1L, 251_000L, 5L, 12_000L), Set.of(5L));

        assertThat(after.since(before)).isEqualTo(new TreeCpu.Used(260_000, 10_000));
    }

    @Test
    void aThreadStartedInTheIntervalCountsWithAllItsTime() {
        TreeCpu before = threads(Map.of(1L, 1_000L), Set.of());
        TreeCpu after = threads(Map.of(1L, 3_000L, 9L, 40_000L), Set.of(9L));

        assertThat(after.since(before)).isEqualTo(new TreeCpu.Used(42_000, 40_000));
    }

    @Test
    void aThreadIdGivenAgainToANewThreadNeverCountsBelowNothing() {
        // 3 ended after 5 s on a CPU and the kernel gave its id to a thread that has run 1 ms.
        TreeCpu before = threads(Map.of(1L, 0L, 3L, 5_000_000_000L), Set.of());
        TreeCpu after = threads(Map.of(1L, 2_000L, 3L, 1_000_000L), Set.of());

        assertThat(after.since(before)).isEqualTo(new TreeCpu.Used(2_000, 0));
    }

    @Test
    void betweenTwoReadingsOnlyWhenBothWereRead() {
        Optional<TreeCpu> before = Optional.of(threads(Map.of(1L, 1_000L), Set.of()));
        Optional<TreeCpu> after = Optional.of(threads(Map.of(1L, 4_000L), Set.of()));

        assertThat(TreeCpu.between(before, after)).contains(new TreeCpu.Used(3_000, 0));
        assertThat(TreeCpu.between(Optional.empty(), after)).isEmpty();
        assertThat(TreeCpu.between(before, Optional.empty())).isEmpty();
    }

    @Test
    void threadsThatEndedWithMostOfTheWorkAreCountedFromTheProcessesTicks() {
        // A thread per connection: 20 ran 5 ms before the interval; it and 21 ended in it, with 230 ms between them.
        TreeCpu before = new TreeCpu(Map.of(1L, 0L, 20L, 5_000_000L), Set.of(), 100, 1);
        TreeCpu after = new TreeCpu(Map.of(1L, 10_000_000L), Set.of(), 124, 1);

        assertThat(after.since(before)).isEqualTo(new TreeCpu.Used(24 * TICK, 0));
    }

    @Test
    void withinTheTicksRoundingTheThreadsNanosecondsStand() {
        // Two processes: each one's user and system time cut to whole ticks in both readings.
        TreeCpu before = new TreeCpu(Map.of(1L, 0L, 2L, 0L), Set.of(), 10, 2);
        TreeCpu after = new TreeCpu(Map.of(1L, 1_500_000L, 2L, 300_000L), Set.of(), 10 + 4, 2);

        assertThat(after.since(before)).isEqualTo(new TreeCpu.Used(1_800_000, 0));
    }

    @Test
    void withoutTheThreadsTimesTheTicksTell() {
        // a kernel without schedstat
        TreeCpu before = new TreeCpu(Map.of(), Set.of(), 10, 1);
        TreeCpu after = new TreeCpu(Map.of(), Set.of(), 13, 1);

        assertThat(after.since(before)).isEqualTo(new TreeCpu.Used(3 * TICK, 0));
    }
}
