package org.fwbench.load;

import io.netty.buffer.ByteBuf;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.handler.codec.http2.AbstractHttp2ConnectionHandlerBuilder;
import io.netty.handler.codec.http2.DefaultHttp2Connection;
import io.netty.handler.codec.http2.DefaultHttp2ConnectionDecoder;
import io.netty.handler.codec.http2.DefaultHttp2ConnectionEncoder;
import io.netty.handler.codec.http2.DefaultHttp2FrameReader;
import io.netty.handler.codec.http2.DefaultHttp2FrameWriter;
import io.netty.handler.codec.http2.DefaultHttp2RemoteFlowController;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2ConnectionDecoder;
import io.netty.handler.codec.http2.Http2ConnectionEncoder;
import io.netty.handler.codec.http2.Http2ConnectionHandler;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2EventAdapter;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2PromisedRequestVerifier;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2Stream;
import io.netty.handler.codec.http2.UniformStreamByteDistributor;
import io.netty.util.AsciiString;
import io.netty.util.collection.IntObjectHashMap;
import io.netty.util.collection.IntObjectMap;
import java.io.IOException;

/**
 * One HTTP/2 connection of an {@link H2Session}: Netty's connection handler (framing, HPACK, flow control,
 * SETTINGS and PING answered) with the session's streams keyed by stream id. Frames go straight to the
 * streams, with no child channel per stream. Requests written while a read is being handled are flushed
 * once when it ends. Runs on the session's event loop.
 */
final class H2Connection extends Http2ConnectionHandler {

    /**
     * Receive windows of 1 GiB, for the connection and for each stream, as h2load's defaults: flow control
     * must never be what limits the rate. The server's window for our request bodies is the server's to set.
     */
    static final int WINDOW = (1 << 30) - 1;

    /**
     * Reads until the socket is empty (at most 16 reads) before the requests that the responses free are flushed;
     * Netty's epoll channel reads once per readiness. Against nginx over TLS (10 connections, 10 streams) the
     * engine then wrote 0.35 instead of 0.56 times per request (h2load: 0.21), and nginx, which decrypts fewer and
     * larger records, spent 8.1-8.3 instead of 8.4-8.6 us per request.
     */
    private static final RecvByteBufAllocator UNTIL_EMPTY = new AdaptiveRecvByteBufAllocator()
            .respectMaybeMoreData(false).maxMessagesPerRead(16);

    /**
     * Stops reading at a read that did not fill its buffer, as Netty does by default: with one stream a connection
     * nothing more can come before the next request leaves, and reading until empty put a read that finds nothing
     * between every response and that request. At one request in flight against nginx (6 runs each way, taking
     * turns) the p50 went from 40-57 to 39-50 us over h2c (median 48 to 41) and from 38-59 to 43-56 us over h2
     * (median 56.5 to 54), the rate up by 16 % and 7 %.
     */
    private static final RecvByteBufAllocator UNTIL_SHORT = new AdaptiveRecvByteBufAllocator().maxMessagesPerRead(16);

    private final H2Session session;
    private final Load run;
    private final IntObjectMap<H2Stream> streams = new IntObjectHashMap<>();
    private final H2RequestBlock requestBlock;
    /** HEADERS frames not written yet (see {@link #send}); null when there are none. */
    private ByteBuf frames;
    private ChannelHandlerContext ctx;
    private boolean settled;
    private boolean reading;
    private boolean goingAway;
    private int capacity;
    /** How the streams still open end when the connection does: a reset, or an HTTP/2 protocol error. */
    private ErrorKind closing = ErrorKind.RESET;

    private H2Connection(Http2ConnectionDecoder decoder, Http2ConnectionEncoder encoder, Http2Settings settings,
            H2Session session, Load run, H2RequestBlock requestBlock) {
        super(decoder, encoder, settings);
        this.requestBlock = requestBlock;
        this.session = session;
        this.run = run;
        Events events = new Events();
        decoder.frameListener(events);
        connection().addListener(events);
    }

    /** A new connection's handler. */
    static H2Connection create(H2Session session, Load run) {
        return new Builder(session, run).build();
    }

    /** How a connection with {@code streams} streams reads its socket. */
    static RecvByteBufAllocator reads(int streams) {
        return streams > 1 ? UNTIL_EMPTY : UNTIL_SHORT;
    }

    /** True once the server's SETTINGS arrived (its stream limit is known) and until it said GOAWAY. */
    boolean ready() {
        return settled && !goingAway && ctx.channel().isActive();
    }

    boolean hasRoom() {
        return streams.size() < capacity;
    }

    io.netty.channel.Channel channel() {
        return ctx.channel();
    }

    /**
     * Sends {@code s}'s request on a new stream. A request without a body goes as a HEADERS frame appended to
     * {@link #frames}, which the next flush writes as one buffer; the stream is opened in Netty's connection,
     * half closed, as its encoder would. Through the encoder each request was a buffer, a write and a promise
     * of its own: with 10 streams on each of 10 connections to h2o, that path was a fifth of the engine's CPU.
     */
    void send(H2Stream s) {
        int id = connection().local().incrementAndGetNextStreamId();
        boolean framed = run.body.length == 0 && requestBlock.framable();
        // all 2^30 client stream ids used, or a GOAWAY came or the server's stream limit shrank: a new connection
        if (id < 0 || framed && !opened(id)) {
            goingAway = true;
            session.goneAway(this);
            session.retry(s);
            return;
        }
        streams.put(id, s);
        s.sentOn(this, id);
        if (framed) {
            if (frames == null) {
                frames = ctx.alloc().buffer();
            }
            requestBlock.writeFrame(frames, id);
        } else {
            writeFrames(); // the stream ids must reach the server in order
            boolean body = run.body.length > 0;
            encoder().writeHeaders(ctx, id, run.h2Headers, 0, !body, ctx.newPromise());
            if (body) {
                encoder().writeData(ctx, id, run.h2Body.retainedDuplicate(), 0, true, ctx.newPromise());
            }
        }
        flushUnlessReading();
    }

    /** Opens stream {@code id} in Netty's connection, half closed: its request is sent whole. */
    private boolean opened(int id) {
        try {
            connection().local().createStream(id, true);
            return true;
        } catch (Http2Exception e) {
            return false;
        }
    }

    /** Gives up stream {@code id} (its attempt timed out): the server is told to drop it. */
    void cancel(int id) {
        if (streams.remove(id) != null) {
            writeFrames(); // the stream's HEADERS first
            resetStream(ctx, id, Http2Error.CANCEL.code(), ctx.newPromise());
            flushUnlessReading();
            closeIfDone();
        }
    }

    /** Writes the HEADERS frames appended since the last flush. */
    private void writeFrames() {
        if (frames != null) {
            ByteBuf b = frames;
            frames = null;
            ctx.write(b, ctx.voidPromise());
        }
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        writeFrames();
        super.flush(ctx);
    }

    /** The handler's own flush: request bodies wait in its flow controller until then, not only in the channel. */
    private void flushUnlessReading() {
        if (!reading) {
            flush(ctx);
        }
    }

    void close() {
        if (ctx != null) {
            ctx.close();
        }
    }

    /** After GOAWAY no stream is added: once the last one ends, the connection is closed. */
    private void closeIfDone() {
        if (goingAway && streams.isEmpty()) {
            ctx.close();
        }
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) throws Exception {
        this.ctx = ctx;
        ctx.channel().config().setRecvByteBufAllocator(reads(run.streams));
        super.handlerAdded(ctx);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        session.loop.open++;
        super.channelActive(ctx); // the preface and our SETTINGS
        connection().local().flowController().incrementWindowSize(connection().connectionStream(),
                WINDOW - Http2CodecUtil.DEFAULT_WINDOW_SIZE);
        flush(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        session.loop.open--;
        if (frames != null) { // never written: the connection went first
            frames.release();
            frames = null;
        }
        super.channelInactive(ctx); // closes the open streams: they fail (see onStreamClosed)
        session.closed(this, settled);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        reading = true;
        session.loop.received(((ByteBuf) msg).readableBytes(), System.nanoTime());
        super.channelRead(ctx, msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
        reading = false;
        super.channelReadComplete(ctx); // flushes what the streams wrote while the read was handled
    }

    @Override
    protected void onConnectionError(ChannelHandlerContext ctx, boolean outbound, Throwable cause, Http2Exception http2Ex) {
        if (!(cause instanceof IOException)) {
            closing = ErrorKind.PROTOCOL;
        }
        super.onConnectionError(ctx, outbound, cause, http2Ex);
    }

    /** The frames and stream events of this connection, handed to the streams. */
    private final class Events extends Http2EventAdapter {
        @Override
        public void onSettingsRead(ChannelHandlerContext ctx, Http2Settings settings) {
            capacity = Math.min(run.streams, connection().local().maxActiveStreams());
            if (!settled) {
                settled = true;
                session.pump();
            }
        }

        @Override
        public void onHeadersRead(ChannelHandlerContext ctx, int streamId, Http2Headers headers, int padding, boolean endOfStream) {
            H2Stream s = streams.get(streamId);
            if (s == null) {
                return;
            }
            int status = status(headers.status());
            if (status >= 100 && status < 200 && !endOfStream) {
                return; // informational: the final response follows
            }
            s.headers(status);
            if (endOfStream) {
                streams.remove(streamId);
                s.done();
                closeIfDone();
            }
        }

        @Override
        public void onHeadersRead(ChannelHandlerContext ctx, int streamId, Http2Headers headers, int streamDependency,
                short weight, boolean exclusive, int padding, boolean endOfStream) {
            onHeadersRead(ctx, streamId, headers, padding, endOfStream);
        }

        @Override
        public int onDataRead(ChannelHandlerContext ctx, int streamId, ByteBuf data, int padding, boolean endOfStream) {
            int n = data.readableBytes() + padding;
            H2Stream s = streams.get(streamId);
            if (s != null) {
                s.data(data);
                if (endOfStream) {
                    streams.remove(streamId);
                    s.done();
                    closeIfDone();
                }
            }
            return n; // consumed: the flow controller gives the window back
        }

        @Override
        public void onRstStreamRead(ChannelHandlerContext ctx, int streamId, long errorCode) {
            H2Stream s = streams.remove(streamId);
            if (s != null) {
                s.failed(ErrorKind.STREAM_RESET);
                closeIfDone();
            }
        }

        @Override
        public void onGoAwayRead(ChannelHandlerContext ctx, int lastStreamId, long errorCode, ByteBuf debugData) {
            goingAway = true;
            session.goneAway(H2Connection.this);
        }

        /**
         * A stream closed before its response ended: above the last stream id of a GOAWAY the server never
         * handled it, so it goes again on a new connection; otherwise the connection died under it.
         */
        @Override
        public void onStreamClosed(Http2Stream stream) {
            H2Stream s = streams.remove(stream.id());
            if (s == null) {
                return;
            }
            if (connection().goAwayReceived() && stream.id() > connection().local().lastStreamKnownByPeer()) {
                session.retry(s);
            } else {
                s.failed(closing);
            }
            closeIfDone();
        }
    }

    private static int status(CharSequence status) {
        if (status == null) {
            return 0;
        }
        try {
            return status instanceof AsciiString a ? a.parseInt() : Integer.parseInt(status.toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static final class Builder extends AbstractHttp2ConnectionHandlerBuilder<H2Connection, Builder> {
        private final H2Session session;
        private final Load run;
        private final H2RequestBlock requestBlock;

        Builder(H2Session session, Load run) {
            this.session = session;
            this.run = run;
            // Netty's default weighs streams by a priority tree (WeightedFairQueueByteDistributor) on every
            // stream's start and end, which showed in profiles; the engine's streams are all alike
            DefaultHttp2Connection connection = new DefaultHttp2Connection(false);
            connection.remote().flowController(new DefaultHttp2RemoteFlowController(connection,
                    new UniformStreamByteDistributor(connection)));
            // Netty's guard against "rapid reset" floods (200 RST_STREAM a 30 s, on by default as the builder
            // takes itself for a server's) would close the connection of a server that resets many streams, or on
            // which many streams time out: here each reset is to be counted. Set before the codec, as Netty asks.
            decoderEnforceMaxRstFramesPerWindow(0, 0);
            requestBlock = new H2RequestBlock(run.h2Headers);
            // The codec is Netty's, with the engine's own HPACK ends: the request's header block kept once it is
            // table indexes only (H2RequestBlock), the responses' headers reduced to :status (H2StatusDecoder),
            // neither validated one by one.
            Http2ConnectionEncoder encoder = new DefaultHttp2ConnectionEncoder(connection,
                    new DefaultHttp2FrameWriter(requestBlock));
            Http2ConnectionDecoder decoder = new DefaultHttp2ConnectionDecoder(connection, encoder,
                    new DefaultHttp2FrameReader(new H2StatusDecoder()), Http2PromisedRequestVerifier.ALWAYS_VERIFY,
                    true, true, false);
            codec(decoder, encoder);
            initialSettings(Http2Settings.defaultSettings().initialWindowSize(WINDOW).pushEnabled(false));
            // the run ends at once: a graceful close must not wait for streams still in flight
            gracefulShutdownTimeoutMillis(0);
        }

        @Override
        protected H2Connection build() {
            return super.build();
        }

        @Override
        protected H2Connection build(Http2ConnectionDecoder decoder, Http2ConnectionEncoder encoder, Http2Settings settings) {
            return new H2Connection(decoder, encoder, settings, session, run, requestBlock);
        }
    }
}
