package org.fwbench.memory;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Reads a tree's memory at a fixed rate on its own daemon thread. Timeline points carry the totals
 * only, without the per-process breakdown: ten points a second over a long run would otherwise
 * repeat every command line thousands of times. Take one {@link MemoryProbe#read} before and after
 * load for the breakdown. A platform thread, not a virtual one, since only a platform thread's CPU
 * time can be measured.
 */
public final class MemorySampler implements AutoCloseable {

    /** Ten samples a second. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(100);
    /**
     * Every so many samples a full read (USS, PSS, swap); the others read RSS and CPU only. A JVM's
     * smaps_rollup costs 2 to 6 ms a read here (the kernel walks its page tables, under its memory
     * lock), so PSS ten times a second would take a noticeable share of the load engine's CPU.
     */
    static final int FULL_READ_EVERY = 5;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final MemoryProbe probe;
    private final long rootPid;
    private final long intervalNanos;
    private final List<TreeMemory> timeline = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long samples;
    private volatile long readNanos;
    private volatile long cpuNanos = -1;
    private RuntimeException failure;

    private MemorySampler(MemoryProbe probe, long rootPid, Duration interval) {
        this.probe = probe;
        this.rootPid = rootPid;
        this.intervalNanos = interval.toNanos();
        this.thread = Thread.ofPlatform().daemon().name("memory-sampler-" + rootPid).unstarted(this::run);
    }

    /** Starts sampling {@code rootPid}'s tree every {@link #DEFAULT_INTERVAL}. */
    public static MemorySampler start(MemoryProbe probe, long rootPid) {
        return start(probe, rootPid, DEFAULT_INTERVAL);
    }

    /** Starts sampling {@code rootPid}'s tree every {@code interval}. */
    public static MemorySampler start(MemoryProbe probe, long rootPid, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("sampling interval must be positive, got " + interval);
        }
        MemorySampler sampler = new MemorySampler(probe, rootPid, interval);
        sampler.thread.start();
        return sampler;
    }

    private void run() {
        boolean measurable = THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
        long cpuAtStart = measurable ? THREADS.getCurrentThreadCpuTime() : -1;
        long next = System.nanoTime();
        while (running) {
            long begin = System.nanoTime();
            try {
                TreeMemory m = samples % FULL_READ_EVERY == 0 ? probe.read(rootPid) : probe.readResident(rootPid);
                timeline.add(m.withoutProcesses());
            } catch (ProcessGoneException e) {
                return; // the target ended; the timeline stops with it
            } catch (RuntimeException e) {
                failure = e;
                return;
            }
            readNanos += System.nanoTime() - begin;
            samples++;
            if (measurable) {
                cpuNanos = THREADS.getCurrentThreadCpuTime() - cpuAtStart;
            }
            // Fixed rate, but a late sample is not followed by a burst of catch-up reads.
            next = Math.max(next + intervalNanos, System.nanoTime());
            for (long wait = next - System.nanoTime(); running && wait > 0; wait = next - System.nanoTime()) {
                LockSupport.parkNanos(this, wait);
            }
        }
    }

    /**
     * Stops sampling and returns the timeline, oldest first. It ends early if the root process
     * ended.
     *
     * @throws IllegalStateException when the probe failed for another reason
     */
    public List<TreeMemory> stop() {
        running = false;
        // Unpark rather than interrupt: an interrupt would close the file channel of a read under way.
        LockSupport.unpark(thread);
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw new IllegalStateException("memory sampling of process " + rootPid + " failed: " + failure.getMessage(),
                    failure);
        }
        return List.copyOf(timeline);
    }

    /** The cost so far (complete once {@link #stop} has returned). */
    public SamplerOverhead overhead() {
        long n = samples;
        long cpu = cpuNanos;
        return new SamplerOverhead(n, cpu < 0 ? null : cpu / 1e9, n == 0 ? 0 : readNanos / 1e3 / n);
    }

    @Override
    public void close() {
        stop();
    }
}
