package org.fwbench.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fwbench.memory.Python.HOLDS_64_MIB;
import static org.fwbench.memory.Python.IDLE;
import static org.fwbench.memory.Python.MIB;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.fwbench.proc.ProcFs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LinuxProcProbeTest {

    private final LinuxProcProbe probe = new LinuxProcProbe();

    @BeforeAll
    static void onLinux() {
        assumeTrue(ProcFs.isPresent(), "needs /proc");
    }

    @Test
    void ussAndPssSeeTheMemoryAProcessTouched() throws Exception {
        try (Python python = new Python()) {
            ProcessMemory idle = only(probe.read(python.start(IDLE)));
            ProcessMemory holding = only(probe.read(python.start(HOLDS_64_MIB)));

            assertThat(holding.ussBytes() - idle.ussBytes()).isBetween(60 * MIB, 80 * MIB);
            assertThat(holding.pssBytes() - idle.pssBytes()).isBetween(60 * MIB, 80 * MIB);
            assertThat(holding.rssBytes() - idle.rssBytes()).isBetween(60 * MIB, 80 * MIB);
            for (ProcessMemory m : new ProcessMemory[] {idle, holding}) {
                assertThat(m.ussBytes()).isPositive().isLessThanOrEqualTo(m.pssBytes());
                // status's RSS comes from counters the kernel updates lazily: allow a few pages.
                assertThat(m.pssBytes()).isLessThanOrEqualTo(m.rssBytes() + MIB);
                assertThat(m.vmsBytes()).isGreaterThanOrEqualTo(m.rssBytes());
                assertThat(m.swapBytes()).isNotNull();
                assertThat(m.threads()).isPositive();
                assertThat(m.command()).startsWith("/usr/bin/python3 -c ");
            }
        }
    }

    @Test
    void aResidentReadLeavesOutWhatOnlySmapsTells() throws Exception {
        try (Python python = new Python()) {
            TreeMemory m = probe.readResident(python.start(HOLDS_64_MIB));
            assertThat(m.rssBytes()).isGreaterThan(64L << 20);
            assertThat(m.pssBytes()).isNull();
            assertThat(m.ussBytes()).isNull();
            assertThat(m.swapBytes()).isNull();
            assertThat(m.cpuSeconds()).isPositive();
        }
    }

    @Test
    void peakRssRemembersMemoryAlreadyFreed() throws Exception {
        try (Python python = new Python()) {
            ProcessMemory m = only(probe.read(python.start(HOLDS_64_MIB + "\ndel data")));
            assertThat(m.peakRssBytes() - m.rssBytes()).isGreaterThan(60 * MIB);
        }
    }

    @Test
    void cpuTimeIsWhatTheProcessBurned() throws Exception {
        try (Python python = new Python()) {
            ProcessMemory m = only(probe.read(python.start("import time\nwhile time.process_time() < 0.3: pass")));
            assertThat(m.cpuSeconds()).isBetween(0.25, 5.0);
        }
    }

    @Test
    void aTreeSumsItsProcesses() throws Exception {
        try (Python python = new Python()) {
            String child = "/usr/bin/python3 -c '" + HOLDS_64_MIB.replace("'", "\"")
                    + "\nimport time\ntime.sleep(300)' & ";
            long root = python.startCommand("bash", "-c", child + child + "echo ready; wait");
            TreeMemory tree = awaitUss(root, 2 * 60 * MIB);

            assertThat(tree.processes()).hasSize(3);
            assertThat(tree.processes().getFirst().pid()).isEqualTo(root);
            assertThat(tree.processes()).filteredOn(p -> p.command().startsWith("/usr/bin/python3")).hasSize(2);
            assertThat(tree.rssBytes()).isEqualTo(tree.processes().stream().mapToLong(ProcessMemory::rssBytes).sum());
            assertThat(tree.pssBytes()).isEqualTo(tree.processes().stream().mapToLong(ProcessMemory::pssBytes).sum());
            assertThat(tree.ussBytes()).isLessThanOrEqualTo(tree.pssBytes());
            // The two pythons share their interpreter's pages: RSS counts them twice, PSS once.
            assertThat(tree.pssBytes()).isLessThan(tree.rssBytes());
        }
    }

    @Test
    void aRootThatExitedIsReportedGone() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        assertThatThrownBy(() -> probe.read(p.pid()))
                .isInstanceOf(ProcessGoneException.class)
                .hasMessage("process " + p.pid() + " is not running");
    }

    @Test
    void smapsFieldsAreSummedOverMappingsInBytes() {
        String smaps = """
                55d0c0000000-55d0c0001000 r--p 00000000 08:01 1234   /usr/bin/python3.11
                Rss:                   8 kB
                Pss:                   4 kB
                Private_Dirty:         0 kB
                VmFlags: rd mr mw me dw sd
                7f0000000000-7f0000100000 rw-p 00000000 00:00 0
                Rss:                1024 kB
                Pss:                1024 kB
                Private_Dirty:      1024 kB
                Threads:    7
                """;
        assertThat(LinuxProcProbe.fields(smaps))
                .isEqualTo(Map.of("Rss", 1032 * 1024L, "Pss", 1028 * 1024L, "Private_Dirty", 1024 * 1024L, "Threads", 7L));
    }

    /** Reads the tree until its children have allocated what they were told to. */
    private TreeMemory awaitUss(long root, long bytes) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        TreeMemory tree = probe.read(root);
        while (tree.ussBytes() < bytes && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            tree = probe.read(root);
        }
        assertThat(tree.ussBytes()).isGreaterThanOrEqualTo(bytes);
        return tree;
    }

    private static ProcessMemory only(TreeMemory tree) {
        assertThat(tree.processes()).hasSize(1);
        return tree.processes().getFirst();
    }
}
