package org.fwbench.proc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What an interval used, taken thread by thread between two readings of a tree. */
class TreeCpuTest {

    @Test
    void aCompilerThreadThatEndsTakesItsPastWithItAndNothingOfTheInterval() {
        // A JVM ended its second C2 thread (7 with 900 ms so far) once the queue was empty; 5, the first, went on.
        TreeCpu before = new TreeCpu(Map.of(1L, 1_000L, 5L, 2_000L, 7L, 900_000_000L), Set.of(5L, 7L));
        TreeCpu after = new TreeCpu(Map.of(1L, 251_000L, 5L, 12_000L), Set.of(5L));

        assertThat(after.since(before)).isEqualTo(new TreeCpu.Used(260_000, 10_000));
    }

    @Test
    void aThreadStartedInTheIntervalCountsWithAllItsTime() {
        TreeCpu before = new TreeCpu(Map.of(1L, 1_000L), Set.of());
        TreeCpu after = new TreeCpu(Map.of(1L, 3_000L, 9L, 40_000L), Set.of(9L));

        assertThat(after.since(before)).isEqualTo(new TreeCpu.Used(42_000, 40_000));
    }

    @Test
    void aThreadIdGivenAgainToANewThreadNeverCountsBelowNothing() {
        // 3 ended after 5 s on a CPU and the kernel gave its id to a thread that has run 1 ms.
        TreeCpu before = new TreeCpu(Map.of(1L, 0L, 3L, 5_000_000_000L), Set.of());
        TreeCpu after = new TreeCpu(Map.of(1L, 2_000L, 3L, 1_000_000L), Set.of());

        assertThat(after.since(before)).isEqualTo(new TreeCpu.Used(2_000, 0));
    }

    @Test
    void betweenTwoReadingsOnlyWhenBothWereRead() {
        Optional<TreeCpu> before = Optional.of(new TreeCpu(Map.of(1L, 1_000L), Set.of()));
        Optional<TreeCpu> after = Optional.of(new TreeCpu(Map.of(1L, 4_000L), Set.of()));

        assertThat(TreeCpu.between(before, after)).contains(new TreeCpu.Used(3_000, 0));
        assertThat(TreeCpu.between(Optional.empty(), after)).isEmpty();
        assertThat(TreeCpu.between(before, Optional.empty())).isEmpty();
    }
}
