package org.fwbench.load;

import io.netty.buffer.ByteBuf;

/**
 * An HTTP/2 slot: one of the {@code streams} requests its {@link H2Session} may have in flight at once. Each
 * attempt waits in the session's queue until its connection has room, then runs on a stream of its own.
 * All its methods run on its event loop.
 */
final class H2Stream extends Slot {

    private final H2Session session;
    private final BodyCheck body;
    /** The connection and stream the attempt went out on; null while it waits. */
    private H2Connection connection;
    private int streamId;
    private int status;

    H2Stream(Loop loop, Load run, H2Session session) {
        super(loop, run);
        this.session = session;
        this.body = new BodyCheck(run.expectBody);
    }

    @Override
    void send() {
        connection = null;
        status = 0;
        body.reset();
        session.submit(this);
    }

    @Override
    void preconnect() {
        session.preconnect();
    }

    @Override
    long backoffNanos() {
        return session.backoffNanos();
    }

    /** The attempt went out on stream {@code id} of {@code c}: the service time counts from now. */
    void sentOn(H2Connection c, int id) {
        connection = c;
        streamId = id;
        sendStart = System.nanoTime();
    }

    void headers(int responseStatus) {
        status = responseStatus;
    }

    void data(ByteBuf data) {
        body.add(data, data.readableBytes());
    }

    /** The response ended. */
    void done() {
        if (!inFlight) {
            return; // the run was stopped
        }
        long now = System.nanoTime();
        connection = null;
        if (status == 0) {
            ended(now, 0, ErrorKind.PROTOCOL); // a response without a valid :status
            return;
        }
        ErrorKind kind = run.judge(status, body.matches());
        if (kind == ErrorKind.VALIDATION && measured() && loop.wantsMismatch()) {
            loop.mismatch(run.mismatch(status, body), now);
        }
        ended(now, status, kind);
    }

    /** The attempt ended without a response. */
    void failed(ErrorKind kind) {
        if (!inFlight) {
            return;
        }
        connection = null;
        ended(System.nanoTime(), 0, kind);
    }

    @Override
    void checkTimeout(long now) {
        if (inFlight && now - sendStart >= run.timeoutNanos) {
            if (connection != null) {
                connection.cancel(streamId);
            } else {
                session.withdraw(this);
            }
            failed(ErrorKind.TIMEOUT);
        }
    }
}
