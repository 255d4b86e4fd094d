package org.fwbench.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProcFsTest {

    /** A reading before any thread ran: what a tree used since it is all its CPU so far. */
    private static final TreeCpu NOTHING = new TreeCpu(Map.of(), Set.of(), 0, 0);

    @Test
    void statIsParsedFromAfterTheCommandNameWhateverItHolds() {
        String line = "4242 (we (ird) name) S 1 4240 4240 0 -1 4194560 100 0 0 0 250 75 0 0 20 0 1 0 5 0 0";
        assertThat(ProcStat.parse(4242, line)).isEqualTo(new ProcStat(4242, 'S', 4240, 250, 75, 0, 0));
        assertThat(ProcStat.parse(9, "9 (C2 CompilerThre) R 1 9 9 0 -1 0 0 0 0 0 3 1 0 0 0 -20 1 0 5 0 0").nice())
                .isEqualTo(-20);
        assertThat(ProcStat.parse(7, "7 (z) Z 1 7 7 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 5 0 0").isZombie()).isTrue();
    }

    @Test
    void treeCpuCountsEveryThreadOfEveryProcessInNanosecondsAndProcessCpuOnlyItsOwn() throws Exception {
        assumeTrue(ProcFs.isPresent(), "needs /proc");
        // A grandchild that spins on the CPU until the test has seen 100 ms of it (or is killed), then waits:
        // its CPU belongs to the tree. Bounded by the test's own deadline, not by the shell's clock, so a
        // fast or a slow machine both get there.
        Path stop = Files.createTempFile("fwbench-spin", ".stop");
        Files.delete(stop);
        Process p = new ProcessBuilder("bash", "-c", "bash -c 'while [ ! -e \"$0\" ]; do :; done; sleep 300' \""
                + stop + "\" & wait").start();
        try {
            long before = ProcFs.treeCpu(p.pid()).orElseThrow().since(NOTHING).nanos();
            long parentBefore = ProcFs.processCpu(p.pid()).orElseThrow().since(NOTHING).nanos();
            long deadline = System.nanoTime() + 20_000_000_000L;
            long now = before;
            while (now - before < 100_000_000L && System.nanoTime() < deadline) {
                Thread.sleep(20);
                now = ProcFs.treeCpu(p.pid()).orElseThrow().since(NOTHING).nanos();
            }
            long parentNow = ProcFs.processCpu(p.pid()).orElseThrow().since(NOTHING).nanos();
            Files.createFile(stop);
            // Nanoseconds, not 10 ms ticks: the reading is not a multiple of 10 ms.
            assertThat(now - before).isGreaterThanOrEqualTo(100_000_000L);
            assertThat(now % 10_000_000L).isNotZero();
            // One process alone (fwbench's own reading, whose children are the targets): the shell that only
            // waits, without the grandchild that spins
            assertThat(parentNow - parentBefore).isLessThan(50_000_000L);
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor();
            Files.deleteIfExists(stop);
        }
        assertThat(ProcFs.treeCpu(Long.MAX_VALUE / 2)).isEmpty();
    }

    @Test
    void theCpuOfThreadsThatEndedInTheIntervalIsCounted() throws Exception {
        assumeTrue(ProcFs.isPresent(), "needs /proc");
        // A thread per connection, as Python's http.server runs one: 20 threads one after another, each until it
        // has had 25 ms of CPU, all ended by the second reading.
        Path go = Files.createTempFile("fwbench-threads", ".go");
        Path done = Files.createTempFile("fwbench-threads", ".done");
        Files.delete(go);
        Files.delete(done);
        String script = String.join("\n", "import os, sys, threading, time",
                "while not os.path.exists(sys.argv[1]): time.sleep(0.01)",
                "def burn():",
                "    t = time.thread_time()",
                "    while time.thread_time() - t < 0.025: pass",
                "for i in range(20):",
                "    th = threading.Thread(target=burn); th.start(); th.join()",
                "open(sys.argv[2], 'w').close()",
                "time.sleep(300)");
        Process p = new ProcessBuilder("python3", "-c", script, go.toString(), done.toString()).start();
        try {
            TreeCpu before = ProcFs.treeCpu(p.pid()).orElseThrow();
            Files.createFile(go);
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!Files.exists(done) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(done).exists();
            TreeCpu after = ProcFs.treeCpu(p.pid()).orElseThrow();
            // The 20 workers have all ended: the second reading has no thread the first had not (the first may have
            // caught a thread of the interpreter's start-up that has ended since).
            assertThat(after.nanosByThread().keySet()).isSubsetOf(before.nanosByThread().keySet());
            assertThat(after.since(before).nanos()).isGreaterThanOrEqualTo(400_000_000L);
        } finally {
            p.destroyForcibly().waitFor();
            Files.deleteIfExists(go);
            Files.deleteIfExists(done);
        }
    }

    @Test
    void theJitCompilerThreadsOfAJvmAreCountedApartAndAShellHasNone() throws Exception {
        assumeTrue(ProcFs.isPresent(), "needs /proc");
        // This JVM has compiled the test framework by now; its C1/C2 threads are part of its CPU.
        TreeCpu.Used jvm = ProcFs.treeCpu(ProcessHandle.current().pid()).orElseThrow().since(NOTHING);
        assertThat(jvm.compilerNanos()).isPositive().isLessThan(jvm.nanos());
        Process shell = new ProcessBuilder("bash", "-c", "i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done; sleep 300").start();
        try {
            // read once its loop has run: just started, it may not have been on a CPU yet
            long deadline = System.nanoTime() + 10_000_000_000L;
            TreeCpu.Used bash = ProcFs.treeCpu(shell.pid()).orElseThrow().since(NOTHING);
            while (bash.nanos() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
                bash = ProcFs.treeCpu(shell.pid()).orElseThrow().since(NOTHING);
            }
            assertThat(bash.nanos()).isPositive();
            assertThat(bash.compilerNanos()).isZero();
        } finally {
            shell.destroyForcibly().waitFor();
        }
    }

    @Test
    void descendantsAreFoundThroughEveryGeneration() throws Exception {
        assumeTrue(ProcFs.isPresent(), "needs /proc");
        Process p = new ProcessBuilder("bash", "-c", "bash -c 'sleep 300 & echo $!; wait' & wait").start();
        try {
            long grandchild = Long.parseLong(new BufferedReader(
                    new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine().trim());
            List<Long> descendants = ProcFs.descendants(p.pid());
            assertThat(descendants).hasSize(2).endsWith(grandchild);
            assertThat(descendants).containsExactlyInAnyOrderElementsOf(
                    p.descendants().map(ProcessHandle::pid).toList());
            assertThat(ProcFs.isRunning(grandchild)).isTrue();
            assertThat(ProcFs.stat(grandchild).orElseThrow().pgrp()).isEqualTo(ProcFs.stat(p.pid()).orElseThrow().pgrp());
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor();
        }
        assertThat(ProcFs.stat(p.pid())).isEmpty();
        assertThat(ProcFs.isRunning(p.pid())).isFalse();
    }
}
