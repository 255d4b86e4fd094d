package org.fwbench.load;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP/1.1 slot (a user, in the closed model): it makes attempts one after the other on its current
 * connection, opening a new one when there is none. It hears the events of every connection it opens and
 * ignores those of connections it has already let go. All its methods run on its event loop.
 */
final class User extends Slot {

    private static final long MIN_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long MAX_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    /** The most connections a user leaves for the server to close (see {@link #lingering}). */
    static final int MAX_LINGERING = 8;

    private final ResponseParser parser;
    private final Connection.Connector connector;

    private Connection connection;
    private boolean connected;
    private int responsesOnConnection;
    /**
     * Connections the server said it would close, oldest first: left for it to close, so the TIME_WAIT is the
     * server's. More than one, because a server busy elsewhere may close later than the next response comes;
     * closing them here would leave the client a TIME_WAIT (and, at thousands a second, no ports). At most
     * {@value #MAX_LINGERING}: a server that says it will close and does not must not cost the engine a
     * descriptor per request until the timeout.
     */
    private final ArrayDeque<Lingering> lingering = new ArrayDeque<>(2);
    private ByteBuf cumulation;
    private long backoffNanos = MIN_BACKOFF_NANOS;
    private boolean retried;

    User(Loop loop, Load run, Connection.Connector connector) {
        super(loop, run);
        this.parser = new ResponseParser(run.expectBody);
        this.connector = connector;
    }

    @Override
    void send() {
        retried = false;
        if (connected) {
            write();
        } else if (connection == null) {
            connect();
        } // else a connection is being made: ready() sends
    }

    @Override
    void preconnect() {
        if (connection == null) {
            connect();
        }
    }

    /** Lingering connections stay: the next attempt is often quicker than the server's close after its response. */
    private void connect() {
        connected = false;
        connection = connector.newConnection(this);
        connection.open();
    }

    /** {@code c} is up (and secured, for https). */
    void ready(Connection c) {
        if (c != connection) {
            return;
        }
        connected = true;
        responsesOnConnection = 0;
        backoffNanos = MIN_BACKOFF_NANOS;
        if (inFlight) {
            write();
        } else if (run.open) {
            loop.readied(this, System.nanoTime());
        }
    }

    @Override
    boolean connecting() {
        return connection != null && !connected;
    }

    /** {@code c} could not be made: {@link ErrorKind#CONNECT} or {@link ErrorKind#TLS}. */
    void unreachable(Connection c, ErrorKind kind) {
        if (c != connection) {
            return;
        }
        drop();
        if (inFlight) {
            failed(kind);
        } else if (run.open) {
            loop.readied(this, System.nanoTime()); // a queued arrival tries again, and fails as its own attempt
        }
    }

    @Override
    long backoffNanos() {
        long b = backoffNanos;
        backoffNanos = Math.min(MAX_BACKOFF_NANOS, backoffNanos * 2);
        return b;
    }

    private void write() {
        parser.start(run.head);
        connection.send(loop.request);
    }

    /** {@code c} closed, by the server or by the user. */
    void closed(Connection c) {
        if (!lingering.isEmpty()) {
            lingering.removeIf(l -> l.connection == c);
        }
        if (c != connection || !connected) {
            return; // not ours any more, or still in its TLS handshake: the dialer reports that
        }
        connection = null;
        connected = false;
        releaseCumulation();
        if (!inFlight) {
            return;
        }
        if (attemptBytes == 0) {
            retryOr(ErrorKind.RESET);
        } else if (parser.endOfInput() == ResponseParser.DONE) {
            responseDone();
        } else {
            failed(ErrorKind.PROTOCOL);
        }
    }

    /** Bytes arrived on {@code c}; {@code in} stays the connection's (what is left unread is copied). */
    void received(Connection c, ByteBuf in) {
        if (c != connection || !inFlight) {
            if (c == connection) {
                drop(); // bytes nobody asked for: the connection can no longer be trusted
            }
            return;
        }
        attemptBytes += in.readableBytes();
        ByteBuf buf = in;
        ByteBuf kept = cumulation;
        if (kept != null) {
            kept.writeBytes(in);
            buf = kept;
            cumulation = null;
        }
        int r = parser.feed(buf);
        if (r == ResponseParser.NEED_MORE && buf.isReadable()) {
            // an unfinished header or chunk-size line: keep it for the next read (rare, so copying is fine)
            cumulation = buf.alloc().buffer(Math.max(256, 2 * buf.readableBytes()));
            cumulation.writeBytes(buf);
            if (kept != null) {
                kept.release();
            }
            return;
        }
        boolean extra = buf.isReadable();
        if (kept != null) {
            kept.release();
        }
        if (r == ResponseParser.DONE) {
            if (extra) {
                failed(ErrorKind.PROTOCOL); // more bytes than the response said it had
            } else {
                responseDone();
            }
        } else if (r == ResponseParser.MALFORMED) {
            failed(ErrorKind.PROTOCOL);
        }
    }

    /** {@code c} failed with {@code cause} (a reset, a failed write, a TLS error once secured). */
    void broken(Connection c, Throwable cause) {
        if (c != connection) {
            c.close();
        } else if (!connected) {
            return; // a failed TLS handshake: the dialer reports it
        } else if (!inFlight) {
            drop();
        } else if (cause instanceof IOException) {
            retryOr(ErrorKind.RESET);
        } else {
            failed(ErrorKind.PROTOCOL);
        }
    }

    @Override
    void checkTimeout(long now) {
        if (inFlight && now - sendStart >= run.timeoutNanos) {
            failed(ErrorKind.TIMEOUT);
        }
        while (!lingering.isEmpty() && now - lingering.peek().since >= run.timeoutNanos) {
            closeOldestLingering();
        }
    }

    /**
     * The connection died before any byte of the response. On a connection that already carried a response,
     * that is the race of a server closing an idle keep-alive connection: try once more on a new one, as
     * browsers do. Otherwise it is the attempt's failure.
     */
    private void retryOr(ErrorKind kind) {
        if (attemptBytes == 0 && responsesOnConnection > 0 && !retried) {
            drop();
            retried = true;
            connect();
        } else {
            failed(kind);
        }
    }

    private void responseDone() {
        long now = System.nanoTime();
        responsesOnConnection++;
        ErrorKind kind = run.judge(parser.status(), parser.body().matches());
        if (kind == ErrorKind.VALIDATION && measured() && loop.wantsMismatch()) {
            loop.mismatch(run.mismatch(parser.status(), parser.body()), now);
        }
        if (!parser.keepAlive()) {
            linger(now);
        } else if (!run.keepAlive) {
            drop();
        }
        ended(now, parser.status(), kind);
    }

    private void failed(ErrorKind kind) {
        drop();
        ended(System.nanoTime(), 0, kind);
    }

    /** Lets go of the current connection and closes it. */
    private void drop() {
        Connection c = connection;
        connection = null;
        connected = false;
        releaseCumulation();
        if (c != null) {
            c.close();
        }
    }

    private void linger(long now) {
        if (connection != null && connection.isOpen()) {
            if (lingering.size() == MAX_LINGERING) {
                closeOldestLingering();
            }
            lingering.add(new Lingering(connection, now));
        }
        connection = null;
        connected = false;
        releaseCumulation();
    }

    private void closeOldestLingering() {
        lingering.poll().connection.close();
    }

    @Override
    void stop() {
        super.stop();
        drop();
        while (!lingering.isEmpty()) {
            closeOldestLingering();
        }
    }

    private void releaseCumulation() {
        if (cumulation != null) {
            cumulation.release();
            cumulation = null;
        }
    }

    private record Lingering(Connection connection, long since) {
    }
}
