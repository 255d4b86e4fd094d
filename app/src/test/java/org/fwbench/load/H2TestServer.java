package org.fwbench.load;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2ConnectionHandler;
import io.netty.handler.codec.http2.Http2ConnectionHandlerBuilder;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2EventAdapter;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/2 server on 127.0.0.1 for the engine's tests (Netty's codec, one thread), cleartext (h2c) or over
 * TLS with a self-signed certificate (h2, or HTTP/1.1 only: what a server without h2 offers by ALPN). It
 * answers {@code hello world\n}, and misbehaves as its {@link Behaviour} says.
 */
final class H2TestServer implements AutoCloseable {

    static final byte[] HELLO = "hello world\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    enum Mode { H2C, H2, HTTPS_1_1 }

    /**
     * @param maxStreams  the SETTINGS_MAX_CONCURRENT_STREAMS it announces; 0 for Netty's default (none)
     * @param delayMillis how long each response waits
     * @param resetEvery  every N-th stream is answered with RST_STREAM; 0 never
     * @param goAwayAfter after N streams on a connection, GOAWAY and a close; 0 never
     * @param silent      never answers
     * @param promptHandshakes over TLS, the connections after this many wait {@link #HANDSHAKE_HOLD_MILLIS} before
     *                    the server reads their handshake; 0 holds none
     */
    record Behaviour(int maxStreams, long delayMillis, int resetEvery, int goAwayAfter, boolean silent,
            int promptHandshakes) {
        static final Behaviour PLAIN = new Behaviour(0, 0, 0, 0, false, 0);

        Behaviour withMaxStreams(int n) {
            return new Behaviour(n, delayMillis, resetEvery, goAwayAfter, silent, promptHandshakes);
        }

        Behaviour withDelay(long millis) {
            return new Behaviour(maxStreams, millis, resetEvery, goAwayAfter, silent, promptHandshakes);
        }

        Behaviour withResetEvery(int n) {
            return new Behaviour(maxStreams, delayMillis, n, goAwayAfter, silent, promptHandshakes);
        }

        Behaviour withGoAwayAfter(int n) {
            return new Behaviour(maxStreams, delayMillis, resetEvery, n, silent, promptHandshakes);
        }

        Behaviour silenced() {
            return new Behaviour(maxStreams, delayMillis, resetEvery, goAwayAfter, true, promptHandshakes);
        }

        Behaviour withPromptHandshakes(int n) {
            return new Behaviour(maxStreams, delayMillis, resetEvery, goAwayAfter, silent, n);
        }
    }

    /** How long a held handshake waits: a client sees its connection still being made all that time. */
    static final long HANDSHAKE_HOLD_MILLIS = 1000;

    private final Mode mode;
    private final Behaviour behaviour;
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel server;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger streams = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();

    H2TestServer(Mode mode, Behaviour behaviour) throws Exception {
        this.mode = mode;
        this.behaviour = behaviour;
        SslContext tls = mode == Mode.H2C ? null : serverTls(mode);
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        int n = connections.incrementAndGet();
                        if (tls != null) {
                            ch.pipeline().addLast(tls.newHandler(ch.alloc()));
                            if (behaviour.promptHandshakes() > 0 && n > behaviour.promptHandshakes()) {
                                ch.config().setAutoRead(false); // the ClientHello stays unread until then
                                ch.eventLoop().schedule(() -> ch.config().setAutoRead(true), HANDSHAKE_HOLD_MILLIS,
                                        TimeUnit.MILLISECONDS);
                            }
                        }
                        if (mode == Mode.HTTPS_1_1) {
                            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 16), new Http1());
                        } else {
                            ch.pipeline().addLast(h2Handler());
                        }
                        ch.pipeline().addLast(new CloseOnError());
                    }
                }).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
    }

    private static SslContext serverTls(Mode mode) throws Exception {
        SelfSignedCertificate cert = new SelfSignedCertificate("localhost");
        String[] protocols = mode == Mode.H2 ? new String[] {"h2", "http/1.1"} : new String[] {"http/1.1"};
        return SslContextBuilder.forServer(cert.certificate(), cert.privateKey())
                .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                        ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                        ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, protocols))
                .build();
    }

    URI url(String path) {
        int port = ((InetSocketAddress) server.localAddress()).getPort();
        return URI.create((mode == Mode.H2C ? "http" : "https") + "://127.0.0.1:" + port + path);
    }

    int connections() {
        return connections.get();
    }

    int streams() {
        return streams.get();
    }

    /** The most streams that were ever open at once on one connection. */
    int mostInFlight() {
        return mostInFlight.get();
    }

    private Http2ConnectionHandler h2Handler() {
        Responder responder = new Responder();
        Http2Settings settings = Http2Settings.defaultSettings();
        if (behaviour.maxStreams() > 0) {
            settings.maxConcurrentStreams(behaviour.maxStreams());
        }
        Http2ConnectionHandler h = new Http2ConnectionHandlerBuilder().server(true).initialSettings(settings)
                .encoderEnforceMaxRstFramesPerWindow(0, 0).frameListener(responder).build();
        responder.handler = h;
        return h;
    }

    /** Answers each request once its headers (and body) are in. */
    private final class Responder extends Http2EventAdapter {
        Http2ConnectionHandler handler;
        private int onConnection;
        private int inFlight;
        private boolean goneAway;

        @Override
        public void onHeadersRead(ChannelHandlerContext ctx, int streamId, Http2Headers headers, int padding, boolean endOfStream) {
            if (endOfStream) {
                request(ctx, streamId);
            }
        }

        @Override
        public void onHeadersRead(ChannelHandlerContext ctx, int streamId, Http2Headers headers, int streamDependency,
                short weight, boolean exclusive, int padding, boolean endOfStream) {
            onHeadersRead(ctx, streamId, headers, padding, endOfStream);
        }

        @Override
        public int onDataRead(ChannelHandlerContext ctx, int streamId, ByteBuf data, int padding, boolean endOfStream) {
            if (endOfStream) {
                request(ctx, streamId);
            }
            return data.readableBytes() + padding;
        }

        private void request(ChannelHandlerContext ctx, int streamId) {
            int n = streams.incrementAndGet();
            onConnection++;
            inFlight++;
            mostInFlight.accumulateAndGet(inFlight, Math::max);
            if (behaviour.silent() || goneAway) {
                return;
            }
            boolean reset = behaviour.resetEvery() > 0 && n % behaviour.resetEvery() == 0;
            boolean goAway = behaviour.goAwayAfter() > 0 && onConnection == behaviour.goAwayAfter();
            if (goAway) {
                goneAway = true;
            }
            Runnable answer = () -> {
                inFlight--;
                if (reset) {
                    handler.encoder().writeRstStream(ctx, streamId, Http2Error.INTERNAL_ERROR.code(), ctx.newPromise());
                } else {
                    handler.encoder().writeHeaders(ctx, streamId, new DefaultHttp2Headers().status("200")
                            .setInt("content-length", HELLO.length), 0, false, ctx.newPromise());
                    handler.encoder().writeData(ctx, streamId, Unpooled.wrappedBuffer(HELLO), 0, true, ctx.newPromise());
                }
                if (goAway) {
                    handler.goAway(ctx, streamId, Http2Error.NO_ERROR.code(), Unpooled.EMPTY_BUFFER, ctx.newPromise());
                    ctx.executor().schedule(() -> ctx.close(), 50, TimeUnit.MILLISECONDS);
                }
                handler.flush(ctx); // the handler's flush: DATA waits in its flow controller until then
            };
            if (behaviour.delayMillis() > 0) {
                ctx.executor().schedule(answer, behaviour.delayMillis(), TimeUnit.MILLISECONDS);
            } else {
                answer.run();
            }
        }
    }

    /** HTTP/1.1 over TLS: what the server answers when ALPN offered it no h2. */
    private final class Http1 extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            streams.incrementAndGet();
            DefaultFullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    Unpooled.wrappedBuffer(HELLO));
            r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, HELLO.length);
            ctx.writeAndFlush(r);
        }
    }

    /**
     * The end of every connection's pipeline: a client that resets its connections at the end of a run, or fails
     * a handshake on purpose, closes the connection without Netty's "reached at the tail" warning and stack trace
     * in the test log (over a hundred a build).
     */
    private static final class CloseOnError extends ChannelInboundHandlerAdapter {
        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
