package org.fwbench.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import java.io.IOException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One connection slot (a user, in the closed model): it makes attempts one after the other on its current
 * connection, opening a new one when there is none. It is the handler of each connection it opens, and
 * ignores events of connections it has already let go. All its methods run on its event loop.
 */
@Sharable
final class User extends ChannelInboundHandlerAdapter implements ChannelFutureListener, Runnable {

    private static final long MIN_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long MAX_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final Loop loop;
    private final Load run;
    private final Bootstrap bootstrap;
    private final ResponseParser parser;

    private Channel channel;
    private boolean connected;
    private int responsesOnChannel;
    /** A connection the server said it would close: left for it to close, so the TIME_WAIT is the server's. */
    private Channel lingering;
    private long lingeringSince;
    private ByteBuf cumulation;
    private ScheduledFuture<?> pending;
    private long backoffNanos = MIN_BACKOFF_NANOS;
    private long connectStart;

    private boolean inFlight;
    private boolean measured;
    private boolean retried;
    private long attemptStart;
    private long sendStart;
    private long attemptBytes;

    User(Loop loop, Load run, ChannelFactory<Channel> channels) {
        this.loop = loop;
        this.run = run;
        this.parser = new ResponseParser(run.expectBody);
        // TCP_NODELAY is Netty's default on Linux already: setting it again would cost a system call per connection
        this.bootstrap = new Bootstrap().group(loop.eventLoop).channelFactory(channels)
                // no Netty connect timer (a scheduled task per connection): the loop's sweeper times attempts out
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 0)
                .handler(this);
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
        retried = false;
        attemptStart = intended;
        sendStart = now;
        attemptBytes = 0;
        if (connected) {
            send();
        } else if (channel == null) {
            connect();
        } // else a connection is being made: operationComplete sends
    }

    /** Open model, keep-alive: connects before the first request so that it does not pay for the handshake. */
    void preconnect() {
        if (channel == null) {
            connect();
        }
    }

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

    private void connect() {
        closeLingering();
        connectStart = System.nanoTime();
        ChannelFuture f = bootstrap.connect(run.address);
        channel = f.channel();
        connected = false;
        f.addListener(this);
    }

    /** The connect finished. */
    @Override
    public void operationComplete(ChannelFuture f) {
        if (f.channel() != channel) {
            return;
        }
        if (f.isSuccess()) {
            run.connected();
            loop.connected(connectStart, System.nanoTime(), 0, Protocol.HTTP_1_1, null);
            connected = true;
            responsesOnChannel = 0;
            backoffNanos = MIN_BACKOFF_NANOS;
            if (inFlight) {
                send();
            }
        } else {
            channel = null;
            run.connectFailed(f.cause());
            if (inFlight) {
                failed(ErrorKind.CONNECT);
            }
        }
    }

    private void send() {
        parser.start(run.head);
        channel.writeAndFlush(loop.request.retainedDuplicate(), channel.voidPromise());
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        loop.open++;
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        loop.open--;
        if (ctx.channel() == lingering) {
            lingering = null;
        }
        if (ctx.channel() != channel) {
            return;
        }
        channel = null;
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

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf in = (ByteBuf) msg;
        if (ctx.channel() != channel || !inFlight) {
            in.release();
            if (ctx.channel() == channel) {
                drop(); // bytes nobody asked for: the connection can no longer be trusted
            }
            return;
        }
        attemptBytes += in.readableBytes();
        if (cumulation != null) {
            cumulation.writeBytes(in);
            in.release();
            in = cumulation;
            cumulation = null;
        }
        int r = parser.feed(in);
        if (r == ResponseParser.NEED_MORE && in.isReadable()) {
            // an unfinished header or chunk-size line: keep it for the next read (rare, so copying is fine)
            cumulation = ctx.alloc().buffer(Math.max(256, 2 * in.readableBytes()));
            cumulation.writeBytes(in);
            in.release();
            return;
        }
        boolean extra = in.isReadable();
        in.release();
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

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (ctx.channel() != channel) {
            ctx.close();
        } else if (!inFlight) {
            drop();
        } else if (cause instanceof IOException) {
            retryOr(ErrorKind.RESET);
        } else {
            failed(ErrorKind.PROTOCOL);
        }
    }

    /** Called by the loop's sweeper. */
    void checkTimeout(long now) {
        if (inFlight && now - sendStart >= run.timeoutNanos) {
            failed(ErrorKind.TIMEOUT);
        }
        if (lingering != null && now - lingeringSince >= run.timeoutNanos) {
            closeLingering();
        }
    }

    /**
     * The connection died before any byte of the response. On a connection that already carried a response,
     * that is the race of a server closing an idle keep-alive connection: try once more on a new one, as
     * browsers do. Otherwise it is the attempt's failure.
     */
    private void retryOr(ErrorKind kind) {
        if (attemptBytes == 0 && responsesOnChannel > 0 && !retried) {
            drop();
            retried = true;
            connect();
        } else {
            failed(kind);
        }
    }

    private void responseDone() {
        long now = System.nanoTime();
        responsesOnChannel++;
        inFlight = false;
        ErrorKind kind = run.judge(parser.status(), parser.bodyMatches());
        if (kind == ErrorKind.VALIDATION && measured && loop.wantsMismatch()) {
            loop.mismatch(run.mismatch(parser.status(), parser), now);
        }
        loop.completed(this, now, parser.status(), kind, attemptBytes);
        if (!parser.keepAlive()) {
            linger(now);
        } else if (!run.keepAlive) {
            drop();
        }
        if (run.thinkNanos > 0 && !run.open) {
            schedule(run.thinkNanos);
        } else {
            next(now);
        }
    }

    private void failed(ErrorKind kind) {
        long now = System.nanoTime();
        inFlight = false;
        drop();
        loop.completed(this, now, 0, kind, attemptBytes);
        if (run.stopped()) {
            return;
        }
        if (kind == ErrorKind.CONNECT) {
            schedule(backoffNanos);
            backoffNanos = Math.min(MAX_BACKOFF_NANOS, backoffNanos * 2);
        } else if (run.thinkNanos > 0 && !run.open) {
            schedule(run.thinkNanos);
        } else {
            // not at once: a server that resets everything must not drive a recursion through connect and write
            loop.eventLoop.execute(this);
        }
    }

    /** Lets go of the current connection and closes it. */
    void drop() {
        Channel c = channel;
        channel = null;
        connected = false;
        releaseCumulation();
        if (c != null) {
            c.close();
        }
    }

    private void linger(long now) {
        closeLingering();
        if (channel != null && channel.isActive()) {
            lingering = channel;
            lingeringSince = now;
        }
        channel = null;
        connected = false;
        releaseCumulation();
    }

    private void closeLingering() {
        if (lingering != null) {
            if (lingering.isOpen()) {
                lingering.close();
            }
            lingering = null;
        }
    }

    /** End of the run: cancels what is scheduled and closes every connection. */
    void stop() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
        inFlight = false;
        drop();
        closeLingering();
    }

    private void releaseCumulation() {
        if (cumulation != null) {
            cumulation.release();
            cumulation = null;
        }
    }
}
