package org.fwbench.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.fwbench.load.Progress;
import org.fwbench.units.Format;

/**
 * hammer's live line on a terminal, as k6 and oha show one: elapsed time, requests, req/s, errors and the
 * p99 of the last second, rewritten in place. The engine reports once a second; the line is redrawn four
 * times a second so the clock moves smoothly between reports.
 */
final class LiveLine implements AutoCloseable {

    private static final long REDRAW_MILLIS = 250;

    private final PrintWriter err;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fwbench-live-line");
        t.setDaemon(true);
        return t;
    });
    private Progress last;
    private long lastAtNanos;
    /** When the engine began its own warm-up; 0 when it is not warming up. */
    private long preparingSinceNanos;
    private double p99Ms = Double.NaN;

    LiveLine(PrintWriter err) {
        this.err = err;
        timer.scheduleAtFixedRate(this::draw, REDRAW_MILLIS, REDRAW_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The engine warms itself up (see {@code LoadEngine.warmUpFor}): the line says so, with the time it takes. */
    synchronized void preparing() {
        preparingSinceNanos = System.nanoTime();
    }

    /** The engine is warm: the line is empty until the run's first report. */
    synchronized void prepared() {
        preparingSinceNanos = 0;
        err.print("\r\033[K");
        err.flush();
    }

    /** The engine's report of the second that just ended. */
    synchronized void progress(Progress p) {
        last = p;
        lastAtNanos = System.nanoTime();
        if (p.warmup()) {
            p99Ms = Double.NaN;
        }
    }

    /** The latency histogram (microseconds) of the second that just ended: its p99 is the current one. */
    synchronized void interval(Histogram h) {
        p99Ms = h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(99) / 1000.0;
    }

    synchronized void draw() {
        if (last == null && preparingSinceNanos != 0) {
            err.print("\r\033[K" + preparing((System.nanoTime() - preparingSinceNanos) / 1e9));
            err.flush();
        } else if (last != null) {
            err.print("\r\033[K" + format(last, last.elapsedSeconds() + (System.nanoTime() - lastAtNanos) / 1e9, p99Ms));
            err.flush();
        }
    }

    /** One line, at most about 80 columns; {@code p99Ms} NaN when the last second had no response. */
    static String format(Progress p, double elapsedSeconds, double p99Ms) {
        return String.format(Locale.ROOT, "%s %6.1fs  %,d requests  %s req/s  %,d errors  p99 %s",
                p.warmup() ? "warm-up" : "       ", elapsedSeconds, p.requests(), Format.number(p.requestsPerSecond()),
                p.errors(), Double.isNaN(p99Ms) ? "-" : Format.number(p99Ms) + " ms");
    }

    /** The line while the engine warms itself up. */
    static String preparing(double elapsedSeconds) {
        return String.format(Locale.ROOT, "warming up the load engine %5.1fs  (its JIT compiles this path, once a process)",
                elapsedSeconds);
    }

    /** Stops redrawing and clears the line, so the summary starts on a clean one. */
    @Override
    public synchronized void close() {
        timer.shutdownNow();
        err.print("\r\033[K");
        err.flush();
    }
}
