package org.fwbench.proc;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The CPU time of a process tree's threads at one moment, in nanoseconds by thread id, and which of them are JIT
 * compiler threads. What an interval used is taken thread by thread ({@link #since}), not as a difference of sums:
 * a JVM ends the compiler threads it added once their queue is empty (a JVM with more than one compiler thread of a
 * kind: {@code -XX:CICompilerCount=3}, or one allowed four CPUs or more), and the seconds of CPU such a thread
 * leaves with made a sum fall, so that a warm-up interval's compilers seemed to use less than nothing and were
 * judged quiet.
 *
 * @param nanosByThread   each thread's time on a CPU so far
 * @param compilerThreads the ids among them of JIT compiler threads (none for a process without a JIT)
 */
public record TreeCpu(Map<Long, Long> nanosByThread, Set<Long> compilerThreads) {

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
     * reading, a thread started since with all of its time. A thread that ended since takes its last moments with it
     * (at most an interval of one thread), never more.
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
        return new Used(nanos, compiler);
    }

    /** What a tree used between two readings of it; empty when either could not be read. */
    public static Optional<Used> between(Optional<TreeCpu> earlier, Optional<TreeCpu> later) {
        return later.flatMap(l -> earlier.map(l::since));
    }
}
