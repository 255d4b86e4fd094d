package org.fwbench.load;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.EventLoop;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;
import org.fwbench.stats.Histograms;

/**
 * The coordinator of one run, on the caller's thread: starts the loops, wakes once a second to collect
 * their intervals and report progress, and stops everything at the end of the window or the count.
 */
final class LoadDriver {

    private static final long SECOND = Load.NANOS_PER_SECOND;

    private final Load run;
    private final List<Loop> loops = new ArrayList<>();
    private final Histogram[] spares;
    private final Tally tally;
    private final int cpus;
    private long cpuStart;
    private long windowStartMillis;
    private long lastTickMillis;
    private long lastWarmupRequests;

    LoadDriver(Load run, List<EventLoop> eventLoops, ChannelFactory<Channel> channels, int cpus,
            Consumer<Histogram> intervals) {
        this.run = run;
        this.cpus = cpus;
        int used = Math.min(eventLoops.size(), run.spec.model().connections());
        for (int i = 0; i < used; i++) {
            loops.add(new Loop(eventLoops.get(i), run, i, used, channels));
        }
        if (run.open && run.keepAlive && used > 1) {
            for (int i = 0; i < used; i++) {
                loops.get(i).handOverTo(loops.get((i + 1) % used));
            }
        }
        this.spares = new Histogram[used];
        for (int i = 0; i < used; i++) {
            spares[i] = Histograms.newMicros();
        }
        this.tally = new Tally(intervals);
    }

    /** Runs the whole run; on interrupt it stops early, returns what was measured and keeps the interrupt flag set. */
    LoadResult execute(Consumer<Progress> progress) {
        boolean interrupted = !awaitStart();
        List<Loop.Final> finals;
        long end;
        long endMillis;
        long cpuEnd;
        run.startClock(System.nanoTime());
        cpuStart = ProcessCpu.nanos();
        windowStartMillis = System.currentTimeMillis();
        try {
            if (!interrupted) {
                drive(progress);
            }
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            run.stop();
            end = System.nanoTime();
            endMillis = System.currentTimeMillis();
            cpuEnd = ProcessCpu.nanos();
            resetSpares();
            finals = onAll((l, i) -> l.finish(spares[i]));
        }
        if (end >= run.warmupEndNanos) {
            tally.add(finals.stream().map(Loop.Final::last).toList(), lastTickMillis, endMillis);
        }
        double seconds = Math.max(0, Math.min(end, run.endNanos) - run.warmupEndNanos) / 1e9;
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return tally.result(run, finals, seconds, cpuEnd - cpuStart, cpus, windowStartMillis, endMillis, interrupted);
    }

    /**
     * With a start time, sleeps until the load begins: the warm-up ends, and the measured window opens, at
     * that instant. False when interrupted while waiting.
     */
    private static final long SPIN_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private boolean awaitStart() {
        if (run.spec.startAt().isEmpty()) {
            return true;
        }
        Instant loadStart = run.spec.startAt().get().minus(run.spec.warmup());
        try {
            // A sleep wakes up late by the scheduler's whim, a few ms on a busy machine: sleep to just before
            // the instant, then spin the last stretch so that agents on different machines open together.
            TimeUnit.NANOSECONDS.sleep(Duration.between(Instant.now(), loadStart).toNanos() - SPIN_NANOS);
            while (Instant.now().isBefore(loadStart)) {
                if (Thread.interrupted()) {
                    return false;
                }
                Thread.onSpinWait();
            }
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private void drive(Consumer<Progress> progress) throws InterruptedException {
        onAll((l, i) -> {
            l.start();
            return null;
        });
        long tick = run.startNanos + SECOND;
        if (run.warmupEndNanos > run.startNanos) {
            while (true) {
                long until = Math.min(tick, run.warmupEndNanos);
                if (run.awaitOver(until - System.nanoTime())) {
                    return; // stopped early: no measured window follows
                }
                warmupTick(progress, until);
                if (until == run.warmupEndNanos) {
                    break;
                }
                tick += SECOND;
            }
            cpuStart = ProcessCpu.nanos();
            windowStartMillis = System.currentTimeMillis();
        }
        lastTickMillis = windowStartMillis;
        tick = run.warmupEndNanos + SECOND;
        while (true) {
            long until = Math.min(tick, run.endNanos);
            if (run.awaitOver(until - System.nanoTime()) || System.nanoTime() >= run.endNanos) {
                return; // the last, partial interval is collected with the loops' finish
            }
            List<Loop.Snapshot> s = swapAll();
            long now = System.currentTimeMillis();
            tally.add(s, lastTickMillis, now);
            lastTickMillis = now;
            Loop.Snapshot last = sum(s);
            progress.accept(new Progress((System.nanoTime() - run.warmupEndNanos) / 1e9, false, tally.requests(),
                    tally.failed(), last.requests(), last.connections()));
            tick += SECOND;
        }
    }

    private void warmupTick(Consumer<Progress> progress, long until) {
        Loop.Snapshot s = sum(onAll((l, i) -> l.peek()));
        double seconds = (until - Math.max(run.startNanos, until - SECOND)) / 1e9;
        progress.accept(new Progress((until - run.startNanos) / 1e9, true, s.warmupRequests(), s.warmupErrors(),
                (s.warmupRequests() - lastWarmupRequests) / seconds, s.connections()));
        lastWarmupRequests = s.warmupRequests();
    }

    /**
     * Swaps every loop's interval out. The histograms handed over are read by the tally and then, reset,
     * become the loops' next spares: two histograms per loop serve the whole run.
     */
    private List<Loop.Snapshot> swapAll() {
        resetSpares();
        List<Loop.Snapshot> snapshots = onAll((l, i) -> l.swap(spares[i]));
        for (int i = 0; i < snapshots.size(); i++) {
            spares[i] = snapshots.get(i).latency();
        }
        return snapshots;
    }

    private void resetSpares() {
        for (Histogram h : spares) {
            h.reset();
        }
    }

    private static Loop.Snapshot sum(List<Loop.Snapshot> snapshots) {
        long r = 0;
        long wr = 0;
        long we = 0;
        int c = 0;
        for (Loop.Snapshot s : snapshots) {
            r += s.requests();
            wr += s.warmupRequests();
            we += s.warmupErrors();
            c += s.connections();
        }
        return new Loop.Snapshot(null, r, 0, 0, wr, we, c);
    }

    private interface LoopTask<T> {
        T run(Loop loop, int index);
    }

    /** Runs a task on every loop's own thread and waits for all of them. */
    private <T> List<T> onAll(LoopTask<T> task) {
        List<io.netty.util.concurrent.Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < loops.size(); i++) {
            Loop l = loops.get(i);
            int index = i;
            futures.add(l.eventLoop.submit(() -> task.run(l, index)));
        }
        List<T> results = new ArrayList<>();
        for (io.netty.util.concurrent.Future<T> f : futures) {
            results.add(f.syncUninterruptibly().getNow());
        }
        return results;
    }
}
