package org.fwbench.load;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One place for a request in flight, making attempts one after the other: a connection of its own for
 * HTTP/1.1 ({@link User}), a stream of a shared connection for HTTP/2 ({@link H2Stream}). This holds what an
 * attempt is and what follows its end; subclasses send it. All its methods run on its event loop.
 */
abstract class Slot implements Runnable {

    final Loop loop;
    final Load run;
    private ScheduledFuture<?> pending;

    boolean inFlight;
    private boolean measured;
    long attemptStart;
    long sendStart;
    long attemptBytes;

    Slot(Loop loop, Load run) {
        this.loop = loop;
        this.run = run;
    }

    boolean measured() {
        return measured;
    }

    long attemptStart() {
        return attemptStart;
    }

    long sendStart() {
        return sendStart;
    }

    /** Closed model: starts the next attempt now, if the run still wants one. */
    void beginClosed() {
        beginClosed(System.nanoTime());
    }

    private void beginClosed(long now) {
        boolean m = now >= run.warmupEndNanos;
        if (m && !run.claimTicket()) {
            return;
        }
        begin(now, m, now);
    }

    /** Starts an attempt meant to start at {@code intended} (the open model's schedule; now otherwise). */
    void begin(long intended, boolean measuredAttempt, long now) {
        if (run.stopped()) {
            return;
        }
        inFlight = true;
        measured = measuredAttempt;
        attemptStart = intended;
        sendStart = now;
        attemptBytes = 0;
        send();
    }

    /** Sends the attempt just begun, on a connection made first if need be. */
    abstract void send();

    /** Open model, keep-alive: connects before the first request so that it does not pay for the handshake. */
    abstract void preconnect();

    /**
     * Whether its own connection is still being made (TCP, TLS): the open model sends an arrival on a slot that can
     * send at once before one that waits (see {@link Loop#readied}). HTTP/2 streams share their session's
     * connections and never wait on one of their own.
     */
    boolean connecting() {
        return false;
    }

    /** Called by the loop's sweeper: ends an attempt that is out of time. */
    abstract void checkTimeout(long now);

    /** How long to wait before the next attempt after a connection could not be made. */
    abstract long backoffNanos();

    /** Starts later: the closed model's ramp and think time, and the back-off after a failed connect. */
    void schedule(long delayNanos) {
        pending = loop.eventLoop.schedule(this, delayNanos, TimeUnit.NANOSECONDS);
    }

    /** The deferred next step (see {@link #schedule}). */
    @Override
    public void run() {
        pending = null;
        next(System.nanoTime());
    }

    private void next(long now) {
        if (run.stopped()) {
            return;
        }
        if (run.open) {
            loop.free(this, now);
        } else {
            beginClosed(now);
        }
    }

    /** The attempt ended at {@code now}, with a response of {@code status} or none (0), failed as {@code kind} or not (null). */
    void ended(long now, int status, ErrorKind kind) {
        inFlight = false;
        loop.completed(this, now, status, kind, attemptBytes);
        if (status != 0) { // a response, good or not: the connection is fine
            if (run.thinkNanos > 0 && !run.open) {
                schedule(run.thinkNanos);
            } else {
                next(now);
            }
            return;
        }
        if (run.stopped()) {
            return;
        }
        if (kind == ErrorKind.CONNECT || kind == ErrorKind.TLS) {
            schedule(backoffNanos());
        } else if (run.thinkNanos > 0 && !run.open) {
            schedule(run.thinkNanos);
        } else {
            // not at once: a server that resets everything must not drive a recursion through connect and write
            loop.eventLoop.execute(this);
        }
    }

    /** End of the run: cancels what is scheduled; subclasses close their connections. */
    void stop() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
        inFlight = false;
    }
}
