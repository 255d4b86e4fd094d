package org.fwbench.load;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP/1.1 slot (a user, in the closed model): it makes attempts one after the other on its current
 * connection, opening a new one when there is none. Its handler serves each connection it opens, and ignores
 * events of connections it has already let go. All its methods run on its event loop.
 */
final class User extends Slot implements Dialer.Client {

    private static final long MIN_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long MAX_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final ResponseParser parser;
    private final Dialer dialer;

    private Channel channel;
    private boolean connected;
    private int responsesOnChannel;
    /** A connection the server said it would close: left for it to close, so the TIME_WAIT is the server's. */
    private Channel lingering;
    private long lingeringSince;
    private ByteBuf cumulation;
    private long backoffNanos = MIN_BACKOFF_NANOS;
    private boolean retried;

    User(Loop loop, Load run, ChannelFactory<Channel> channels) {
        super(loop, run);
        this.parser = new ResponseParser(run.expectBody);
        this.dialer = new Dialer(loop, run, channels, new Handler(), Protocol.HTTP_1_1, this);
    }

    @Override
    void send() {
        retried = false;
        if (connected) {
            write();
        } else if (channel == null) {
            connect();
        } // else a connection is being made: ready() sends
    }

    @Override
    void preconnect() {
        if (channel == null) {
            connect();
        }
    }

    private void connect() {
        closeLingering();
        connected = false;
        channel = dialer.dial();
    }

    @Override
    public void ready(Channel ch, Protocol protocol) {
        if (ch != channel) {
            return;
        }
        connected = true;
        responsesOnChannel = 0;
        backoffNanos = MIN_BACKOFF_NANOS;
        if (inFlight) {
            write();
        }
    }

    @Override
    public void unreachable(Channel ch, ErrorKind kind) {
        if (ch != channel) {
            return;
        }
        drop();
        if (inFlight) {
            failed(kind);
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
        channel.writeAndFlush(loop.request.retainedDuplicate(), channel.voidPromise());
    }

    /** The handler of every connection of this user; one per user, so that it knows whose events it hears. */
    @Sharable
    private final class Handler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            loop.open++;
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            loop.open--;
            inactive(ctx.channel());
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            read(ctx, (ByteBuf) msg);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            exception(ctx, cause);
        }
    }

    private void inactive(Channel ch) {
        if (ch == lingering) {
            lingering = null;
        }
        if (ch != channel || !connected) {
            return; // not ours any more, or still in its TLS handshake: the dialer reports that
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

    private void read(ChannelHandlerContext ctx, ByteBuf in) {
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

    private void exception(ChannelHandlerContext ctx, Throwable cause) {
        if (ctx.channel() != channel) {
            ctx.close();
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

    @Override
    void stop() {
        super.stop();
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
