package org.fwbench.load;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.EventLoop;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.fwbench.stats.Histograms;

/**
 * What one event loop does in one run: its users, its share of the open model's schedule, and its own
 * counters and histograms, which only its thread touches (the coordinator swaps them out by running tasks
 * on the loop). Nothing here is shared, so the hot path takes no lock and does no atomic operation.
 */
final class Loop {

    /** Attempts longer than this are recorded as this: a histogram must not throw on a stray value. */
    private static final long MAX_MICROS = Histograms.HIGHEST_MICROS;

    final EventLoop eventLoop;
    final Load run;
    final ByteBuf request;
    private final List<Slot> users = new ArrayList<>();
    private final List<H2Session> sessions = new ArrayList<>();
    /** Cleartext HTTP/1.1 on epoll: what the users' own connections share; else null (they use channels). */
    private final EpollConnector epoll;
    private final ArrayDeque<Slot> idle = new ArrayDeque<>();
    private final LongQueue backlog = new LongQueue();
    /** Index of the loop among the loops in use, and how many there are: the open model's share. */
    private final int index;
    private final int loops;
    private final long sweepNanos;
    private ScheduledFuture<?> sweeper;
    private ScheduledFuture<?> dispatcher;
    /** Open model: the loop that takes this one's arrivals while all of this one's connections are being made. */
    private Loop neighbour;
    /** Open model: this loop's arrival times, from the run's start. */
    private Schedule schedule;
    private long nextArrival;

    int open;
    private Histogram latency = Histograms.newMicros();
    private final Histogram service = Histograms.newMicros();
    private final Histogram wait = Histograms.newMicros();
    private long requests;
    private long ok;
    private long errors;
    private long warmupRequests;
    private long warmupErrors;
    private final long[] statuses = new long[600];
    private final long[] errorCounts = new long[ErrorKind.values().length];
    private long bytes;
    private final Connects connects = new Connects();
    /** The first validation error's description, kept so that a failed expectation can be shown, not just counted. */
    private String firstMismatch;
    private long firstMismatchNanos;

    /**
     * Loop {@code index} of {@code loops} gets connections {@code index}, {@code index + loops}, ... of the run's:
     * a user each for HTTP/1.1, a session of {@code streams} streams each for HTTP/2.
     */
    Loop(EventLoop eventLoop, Load run, int index, int loops, ChannelFactory<Channel> channels) {
        this.eventLoop = eventLoop;
        this.run = run;
        this.index = index;
        this.loops = loops;
        this.request = PooledByteBufAllocator.DEFAULT.directBuffer(run.request.length).writeBytes(run.request);
        // late by at most a tenth of the timeout, and never busier than every millisecond
        this.sweepNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(1), Math.min(run.timeoutNanos / 10, TimeUnit.MILLISECONDS.toNanos(100)));
        this.epoll = EpollConnector.of(this, eventLoop, run);
        for (int g = index; g < run.spec.model().connections(); g += loops) {
            if (run.h2) {
                H2Session session = new H2Session(this, run, channels);
                sessions.add(session);
                for (int s = 0; s < run.streams; s++) {
                    users.add(new H2Stream(this, run, session));
                }
            } else {
                users.add(new User(this, run, epoll != null ? epoll : ChannelConnection.connector(this, run, channels)));
            }
        }
    }

    /** Runs on the loop: starts the users, or the open model's schedule. */
    void start() {
        sweeper = eventLoop.scheduleAtFixedRate(this::sweep, sweepNanos, sweepNanos, TimeUnit.NANOSECONDS);
        if (run.open) {
            idle.addAll(users);
            if (run.keepAlive) {
                users.forEach(Slot::preconnect);
            }
            schedule = new Schedule(run.startNanos, run.rate, run.arrivals, index, loops);
            nextArrival = schedule.next();
            dispatch();
        } else if (run.spawnRate > 0) {
            for (int i = 0; i < users.size(); i++) {
                long at = run.startNanos + (long) ((index + (double) i * loops) * Load.NANOS_PER_SECOND / run.spawnRate);
                users.get(i).schedule(Math.max(0, at - System.nanoTime()));
            }
        } else {
            users.forEach(Slot::beginClosed);
        }
    }

    /** Open model: hands every arrival that is due to a free user, or queues it. */
    private void dispatch() {
        if (run.stopped()) {
            return;
        }
        long now = System.nanoTime();
        while (nextArrival <= now) {
            boolean measured = nextArrival >= run.warmupEndNanos;
            if (measured && !run.claimTicket()) {
                return; // a fixed count, all handed out
            }
            Slot u = takeIdle();
            if (u != null) {
                u.begin(nextArrival, measured, now);
            } else if (neighbour != null && allConnecting()) {
                Loop to = neighbour;
                long intended = nextArrival;
                to.eventLoop.execute(() -> to.handedOver(intended));
            } else {
                backlog.add(nextArrival);
            }
            nextArrival = schedule.next();
        }
        dispatcher = eventLoop.schedule(this::dispatch, nextArrival - now, TimeUnit.NANOSECONDS);
    }

    /**
     * Open model: the idle slot to send an arrival on, the one freed last (its connection is the warmest), passing
     * over slots whose connection is still being made; null when none is idle or all of those are connecting, and
     * the arrival waits for the first to be free or ready. Why: at the start of a run every keep-alive connection is
     * made at once, and a server with a short accept queue drops some of the SYNs (Cheroot's, for web.py and
     * CherryPy, holds 5): such a connection is made a second later, when the SYN is sent again. The first
     * arrivals went to slots in turn whatever their connection's state, and about 1 % of a 5 s load at 179 req/s
     * on 16 connections waited that second: a p99 of 975-992 ms in two of three runs, 2.8 ms in the third.
     */
    private Slot takeIdle() {
        Slot last = idle.peekLast();
        if (last == null || !last.connecting()) {
            return idle.pollLast(); // the usual case, once the connections are up: no search
        }
        for (Iterator<Slot> it = idle.descendingIterator(); it.hasNext(); ) {
            Slot u = it.next();
            if (!u.connecting()) {
                it.remove();
                return u;
            }
        }
        return null;
    }

    /**
     * Open model, keep-alive: the loop this one hands its arrivals to while every connection of its own is still being
     * made (without keep-alive every request makes its own, and waits for it wherever it goes). Why:
     * each loop makes its share of the connections, and the ones a server lets in first (a short accept queue, a
     * slow handshake) can all be one loop's. The other loop's arrivals, half of them with two loops, then waited for
     * its connections: in OpenModelTest, where the server holds all of them but one in their TLS handshake for a
     * second, the arrivals had a p99 of 998-1,013 ms in three runs, against under 500 ms since.
     */
    void handOverTo(Loop l) {
        neighbour = l;
    }

    private boolean allConnecting() {
        for (int i = 0; i < users.size(); i++) {
            if (!users.get(i).connecting()) {
                return false; // mostly the first: busy or idle, it is up
            }
        }
        return true;
    }

    /**
     * Runs on this loop: an arrival its neighbour could not send. It is sent or waits here as one of this loop's own.
     */
    private void handedOver(long intended) {
        if (run.stopped()) {
            return;
        }
        Slot u = takeIdle();
        if (u != null) {
            u.begin(intended, intended >= run.warmupEndNanos, System.nanoTime());
        } else {
            backlog.add(intended);
        }
    }

    /** Open model: an idle slot's connection is up, or could not be made: it takes the oldest queued arrival. */
    void readied(Slot u, long now) {
        if (!backlog.isEmpty() && idle.remove(u)) {
            beginOldestQueued(u, now);
        }
    }

    /** Open model: a user is free for the oldest queued arrival, or goes idle. */
    void free(Slot u, long now) {
        if (backlog.isEmpty()) {
            idle.addLast(u);
        } else {
            beginOldestQueued(u, now);
        }
    }

    /** Open model: {@code u} sends the arrival that has waited longest for a connection. */
    private void beginOldestQueued(Slot u, long now) {
        long intended = backlog.poll();
        u.begin(intended, intended >= run.warmupEndNanos, now);
    }

    private void sweep() {
        long now = System.nanoTime();
        for (int i = 0; i < users.size(); i++) {
            users.get(i).checkTimeout(now);
        }
        for (int i = 0; i < sessions.size(); i++) {
            sessions.get(i).checkTimeout(now);
        }
        // open model: an arrival that found no free connection within the timeout is a timeout too
        while (!backlog.isEmpty() && now - backlog.peek() >= run.timeoutNanos) {
            long intended = backlog.poll();
            if (intended >= run.warmupEndNanos) {
                count(now, 0, ErrorKind.TIMEOUT, 0, 0, 0);
            } else {
                warmup(ErrorKind.TIMEOUT);
            }
        }
    }

    /** An attempt of {@code u} ended at {@code now}: with a response of {@code status}, or none (0). */
    void completed(Slot u, long now, int status, ErrorKind kind, long received) {
        if (u.measured()) {
            count(now, status, kind, received, u.attemptStart(), u.sendStart());
        } else {
            warmup(kind);
        }
    }

    /** HTTP/2: {@code n} bytes arrived at {@code now} on a connection shared by streams; counted in the measured window. */
    void received(long n, long now) {
        if (now >= run.warmupEndNanos && now < run.endNanos) {
            bytes += n;
        }
    }

    /**
     * A connection of this loop is ready: connect began at {@code start}, TCP was up at {@code established},
     * TLS done at {@code secured} (0 for cleartext). Times count for connections begun in the measured window.
     */
    void connected(long start, long established, long secured, Protocol protocol, String tlsVersion) {
        connects.add(start, established, secured, protocol, tlsVersion, start >= run.warmupEndNanos && start < run.endNanos);
    }

    /** True until this loop has recorded a mismatch: what users ask before describing one. */
    boolean wantsMismatch() {
        return firstMismatch == null;
    }

    /** Records the first measured validation error of this loop, at {@code now}. */
    void mismatch(String description, long now) {
        if (firstMismatch == null) {
            firstMismatch = description;
            firstMismatchNanos = now;
        }
    }

    private void warmup(ErrorKind kind) {
        warmupRequests++;
        if (kind != null) {
            warmupErrors++;
        }
    }

    private void count(long now, int status, ErrorKind kind, long received, long attemptStart, long sendStart) {
        run.ticketDone();
        if (now >= run.endNanos) {
            return; // ended after the measured window
        }
        requests++;
        bytes += received;
        if (kind == null) {
            ok++;
        } else {
            errors++;
            errorCounts[kind.ordinal()]++;
        }
        if (status != 0) {
            statuses[Math.min(status, statuses.length - 1)]++;
            latency.recordValue(micros(now - attemptStart));
            if (run.open) {
                service.recordValue(micros(now - sendStart));
                wait.recordValue(micros(sendStart - attemptStart));
            }
        }
    }

    static long micros(long nanos) {
        return Math.min(MAX_MICROS, Math.max(0, nanos / 1000));
    }

    /** Runs on the loop: the warm-up's counters so far, leaving the measured interval alone. */
    Snapshot peek() {
        return new Snapshot(null, 0, 0, 0, warmupRequests, warmupErrors, open);
    }

    /** Runs on the loop: hands over the interval's histogram and counters, starting a new interval on {@code spare}. */
    Snapshot swap(Histogram spare) {
        Snapshot s = new Snapshot(latency, requests, ok, errors, warmupRequests, warmupErrors, open);
        latency = spare;
        requests = 0;
        ok = 0;
        errors = 0;
        return s;
    }

    /** Runs on the loop: stops every user and timer, and hands over the last interval and the run's totals. */
    Final finish(Histogram spare) {
        if (sweeper != null) {
            sweeper.cancel(false);
        }
        if (dispatcher != null) {
            dispatcher.cancel(false);
        }
        users.forEach(Slot::stop);
        sessions.forEach(H2Session::stop);
        idle.clear();
        backlog.clear();
        request.release();
        if (epoll != null) {
            epoll.release();
        }
        return new Final(swap(spare), statuses.clone(), errorCounts.clone(), bytes, service, wait, firstMismatch,
                firstMismatchNanos, connects);
    }

    /** One interval of one loop; the histogram holds the measured latencies completed in it. */
    record Snapshot(Histogram latency, long requests, long ok, long errors, long warmupRequests, long warmupErrors,
            int connections) {
    }

    /** The end of one loop's run. */
    record Final(Snapshot last, long[] statuses, long[] errors, long bytes, Histogram service, Histogram waiting,
            String firstMismatch, long firstMismatchNanos, Connects connects) {
    }
}
