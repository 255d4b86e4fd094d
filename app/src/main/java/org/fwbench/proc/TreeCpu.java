package org.fwbench.proc;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The CPU time of a process tree at one moment: its threads' in nanoseconds by thread id, which of them are JIT
 * compiler threads, and its processes' own counts in clock ticks. What an interval used is taken thread by thread
 * ({@link #since}), not as a difference of sums: a JVM ends the compiler threads it added once their queue is empty
 * (a JVM with more than one compiler thread of a kind: {@code -XX:CICompilerCount=3}, or one allowed four CPUs or
 * more), and the seconds of CPU such a thread leaves with made a sum fall, so that a warm-up interval's compilers
 * seemed to use less than nothing and were judged quiet. The processes' counts catch the opposite case.
 *
 * @param nanosByThread   each thread's time on a CPU so far; empty where the kernel keeps no schedstat
 * @param compilerThreads the ids among them of JIT compiler threads (none for a process without a JIT)
 * @param processTicks    the tree's processes' user and system time so far, in clock ticks, with that of every
 *                        thread they have had (ended ones too) and of the children they have reaped
 * @param processes       how many processes that sum was read from: each one's times are cut to whole ticks
 */
public record TreeCpu(Map<Long, Long> nanosByThread, Set<Long> compilerThreads, long processTicks, int processes) {

    public TreeCpu {
        nanosByThread = Map.copyOf(nanosByThread);
        compilerThreads = Set.copyOf(compilerThreads);
    }

    /** CPU used over an interval, and the JIT compiler threads' part of it. */
    public record Used(long nanos, long compilerNanos) {
        /** No CPU: what an interval used when its process could not be read. */
        public static final Used NONE = new Used(0, 0);
    }

    /**
     * What the tree used since {@code earlier}, a reading of the same tree: each thread there now from its earlier
     * reading, a thread started since with all of its time. A thread that ended since takes its time in the interval
     * with it; most often that is a moment (a JVM's idle compiler thread), but a server that starts a thread per
     * connection and ends it when the connection closes (Python's ThreadingHTTPServer, Flask's development server)
     * does most of its work in such threads (Python's http.server at 300 requests a second for 2 s: 62 ms counted
     * thread by thread of the 240 ms its process counted). So where the processes' ticks show more than the
     * threads by more than the ticks' rounding, the ticks are the answer; so they are where no thread could be read.
     */
    public Used since(TreeCpu earlier) {
        long nanos = 0;
        long compiler = 0;
        for (Map.Entry<Long, Long> e : nanosByThread.entrySet()) {
            // max: a thread id the kernel gave to a new thread since reads lower than the ended thread's
            long used = Math.max(0, e.getValue() - earlier.nanosByThread.getOrDefault(e.getKey(), 0L));
            nanos += used;
            if (compilerThreads.contains(e.getKey())) {
                compiler += used;
            }
        }
        long tick = 1_000_000_000L / ProcFs.clockTicks();
        long ticked = (processTicks - earlier.processTicks) * tick;
        // user and system time, each cut to a whole tick in both readings, of every process read
        long rounding = 2L * Math.max(processes, earlier.processes) * tick;
        return nanosByThread.isEmpty() || ticked > nanos + rounding ? new Used(Math.max(0, ticked), compiler)
                : new Used(nanos, compiler);
    }

    /** What a tree used between two readings of it; empty when either could not be read. */
    public static Optional<Used> between(Optional<TreeCpu> earlier, Optional<TreeCpu> later) {
        return later.flatMap(l -> earlier.map(l::since));
    }
}
