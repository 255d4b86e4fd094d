package org.fwbench.load;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelInitializer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP/2 connection slot of the load model, carrying the attempts of its {@link H2Stream}s: they queue
 * here and go out as its current connection has room, up to the smaller of {@code streams} and the server's
 * own limit. After a GOAWAY it opens a new connection for what follows, while the old one finishes its
 * streams. All its methods run on its event loop.
 */
final class H2Session implements Dialer.Client {

    private static final long MIN_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long MAX_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    final Loop loop;
    private final Load run;
    private final Dialer dialer;
    private final Initializer initializer = new Initializer();
    private final ArrayDeque<H2Stream> waiting = new ArrayDeque<>();
    /** Every connection still open, the current one and those finishing after a GOAWAY. */
    private final List<H2Connection> connections = new ArrayList<>();
    /** Where new streams go; null when there is none, until the next attempt dials one. */
    private H2Connection current;
    /** The current connection's TCP and TLS are done. */
    private boolean secured;
    private long dialedAt;
    private long backoffNanos = MIN_BACKOFF_NANOS;

    H2Session(Loop loop, Load run, ChannelFactory<Channel> channels) {
        this.loop = loop;
        this.run = run;
        this.dialer = new Dialer(loop, run, channels, Protocol.H2C);
    }

    /** Adds the handler of each new connection: the connection it makes is the current one. */
    @Sharable
    private final class Initializer extends ChannelInitializer<Channel> {
        @Override
        protected void initChannel(Channel ch) {
            H2Connection c = H2Connection.create(H2Session.this, run);
            ch.pipeline().addLast(c);
            current = c;
            connections.add(c);
        }
    }

    /** {@code s} wants to send: it goes out as soon as there is room. */
    void submit(H2Stream s) {
        waiting.addLast(s);
        pump();
    }

    /** {@code s} goes again, before those that wait: the server never handled it. */
    void retry(H2Stream s) {
        waiting.addFirst(s);
        pump();
    }

    /** {@code s} gives up waiting. */
    void withdraw(H2Stream s) {
        waiting.remove(s);
    }

    void preconnect() {
        if (current == null) {
            connect();
        }
    }

    private void connect() {
        secured = false;
        dialedAt = System.nanoTime();
        dialer.dial(initializer, this); // sets current (see Initializer)
    }

    /** Sends what waits while the current connection has room, dialling one if there is none. */
    void pump() {
        if (waiting.isEmpty() || run.stopped()) {
            return;
        }
        if (current == null) {
            connect();
            return;
        }
        if (!secured || !current.ready()) {
            return; // the handshake or the server's SETTINGS still to come
        }
        while (!waiting.isEmpty() && current.hasRoom()) {
            current.send(waiting.pollFirst());
            if (current == null) {
                return; // stream ids ran out: the next connection is on its way
            }
        }
    }

    @Override
    public void ready(Channel ch, Protocol protocol) {
        if (current == null || ch != current.channel()) {
            return;
        }
        if (protocol == Protocol.HTTP_1_1) { // ALPN said http/1.1 on this connection
            H2Connection c = current;
            current = null;
            c.close();
            failWaiting(ErrorKind.PROTOCOL);
            return;
        }
        secured = true;
        backoffNanos = MIN_BACKOFF_NANOS;
        pump();
    }

    @Override
    public void unreachable(Channel ch, ErrorKind kind) {
        if (current == null || ch != current.channel()) {
            return;
        }
        current = null;
        ch.close();
        failWaiting(kind);
        backoffNanos = Math.min(MAX_BACKOFF_NANOS, backoffNanos * 2);
    }

    long backoffNanos() {
        return backoffNanos;
    }

    /** {@code c} said GOAWAY: what follows goes on a new connection. */
    void goneAway(H2Connection c) {
        if (c == current) {
            current = null;
            pump();
        }
    }

    /**
     * {@code c} closed. Its open streams have already failed. If it closed before the server's SETTINGS, the
     * attempts that waited for it fail too (else a server that closes every connection would be redialled in
     * a tight loop); otherwise they go on a new connection.
     */
    void closed(H2Connection c, boolean settled) {
        connections.remove(c);
        if (c != current) {
            return;
        }
        current = null;
        if (!settled && secured) {
            failWaiting(ErrorKind.RESET);
        } else {
            pump();
        }
    }

    private void failWaiting(ErrorKind kind) {
        List<H2Stream> failed = new ArrayList<>(waiting);
        waiting.clear();
        failed.forEach(s -> s.failed(kind));
    }

    /** Called by the loop's sweeper: a connection that got no SETTINGS within the timeout is given up. */
    void checkTimeout(long now) {
        if (current != null && !current.ready() && now - dialedAt >= run.timeoutNanos) {
            H2Connection c = current;
            current = null;
            c.close();
        }
    }

    /** End of the run: closes every connection. */
    void stop() {
        waiting.clear();
        current = null;
        new ArrayList<>(connections).forEach(H2Connection::close);
    }
}
