package org.fwbench.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fwbench.memory.Python.HOLDS_64_MIB;
import static org.fwbench.memory.Python.MIB;

import org.junit.jupiter.api.Test;

/** OSHI also works on Linux, so the macOS and Windows fallback is tested here for real. */
class OshiProbeTest {

    private final OshiProbe probe = new OshiProbe();

    @Test
    void readsRssAndCpuButNeverPretendsToKnowUssOrPss() throws Exception {
        assertThat(probe.hasUssAndPss()).isFalse();
        try (Python python = new Python()) {
            long pid = python.start(HOLDS_64_MIB);
            TreeMemory tree = probe.read(pid);

            ProcessMemory m = tree.processes().getFirst();
            assertThat(m.pid()).isEqualTo(pid);
            assertThat(m.command()).contains("python3");
            assertThat(m.rssBytes()).isGreaterThan(64 * MIB);
            assertThat(m.vmsBytes()).isGreaterThanOrEqualTo(m.rssBytes());
            assertThat(m.peakRssBytes()).isGreaterThanOrEqualTo(m.rssBytes());
            assertThat(m.threads()).isPositive();
            assertThat(m.ussBytes()).isNull();
            assertThat(m.pssBytes()).isNull();
            assertThat(tree.ussBytes()).isNull();
            assertThat(tree.pssBytes()).isNull();
        }
    }

    @Test
    void aRootThatExitedIsReportedGone() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        assertThatThrownBy(() -> probe.read(p.pid())).isInstanceOf(ProcessGoneException.class);
    }
}
