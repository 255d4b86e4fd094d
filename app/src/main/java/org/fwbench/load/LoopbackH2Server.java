package org.fwbench.load;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http2.DefaultHttp2Connection;
import io.netty.handler.codec.http2.DefaultHttp2ConnectionDecoder;
import io.netty.handler.codec.http2.DefaultHttp2ConnectionEncoder;
import io.netty.handler.codec.http2.DefaultHttp2FrameReader;
import io.netty.handler.codec.http2.DefaultHttp2FrameWriter;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersEncoder;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2Connection;
import io.netty.handler.codec.http2.Http2ConnectionDecoder;
import io.netty.handler.codec.http2.Http2ConnectionEncoder;
import io.netty.handler.codec.http2.Http2ConnectionHandler;
import io.netty.handler.codec.http2.Http2ConnectionHandlerBuilder;
import io.netty.handler.codec.http2.Http2EventAdapter;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersEncoder;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * An HTTP/2 server on the loopback address, in this process, for the engine's own JIT warm-up of its HTTP/2
 * and TLS paths (see {@link Warmup}): Netty's codec on a thread all of them share, cleartext (h2c) or over TLS (h2, or
 * HTTP/1.1 when the client offers no h2), opening HTTP/2 connections with nginx's settings and answering every
 * request with the headers a real server sends and a small body, or now and then a larger one. Its TLS
 * certificate and key ship with fwbench and serve only this server, inside the process, on the loopback address.
 */
final class LoopbackH2Server implements AutoCloseable {

    private static final ByteBuf BODY = Unpooled.unreleasableBuffer(
            Unpooled.directBuffer().writeBytes("hello world\n".getBytes(StandardCharsets.US_ASCII)));
    /**
     * Every {@value #LARGE_EVERY}th response: a page of 20 kB, two DATA frames, so that the engine's reads also
     * end inside frames and its decoder must grow what it keeps of them, as against a real server under load
     * (with small responses only, that branch was first taken in the measured run: an "uncommon trap" in
     * ByteToMessageDecoder's cumulator under -Xlog:deoptimization=debug, and Netty's read path compiled again).
     */
    private static final ByteBuf LARGE = Unpooled.unreleasableBuffer(
            Unpooled.directBuffer().writeBytes("x".repeat(20_000).getBytes(StandardCharsets.US_ASCII)));
    private static final int LARGE_EVERY = 8;

    /**
     * One thread for every loopback server of the process, never shut down (a daemon, idle between warm-ups).
     * Shutting a group down runs branches of Netty's event loop that the engine's loops share and had never
     * taken (SingleThreadEventExecutor.runAllTasks, isShuttingDown, DefaultPromise.notifyListeners): C2 threw that
     * code away as the measured run began ("uncommon trap", -XX:+LogCompilation) and compiled it again in it.
     */
    private static final EventLoopGroup GROUP = new MultiThreadIoEventLoopGroup(1,
            new DefaultThreadFactory("fwbench-warmup-h2", true), NioIoHandler.newFactory());
    private final Channel server;

    private final SslContext tls;

    /** Over TLS when {@code tls}, HTTP/2 or HTTP/1.1 as ALPN chooses; else cleartext HTTP/2 (h2c). */
    LoopbackH2Server(boolean tls) {
        this.tls = tls ? serverTls() : null;
        server = new ServerBootstrap().group(GROUP).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        if (LoopbackH2Server.this.tls == null) {
                            addH2(ch.pipeline());
                            return;
                        }
                        ch.pipeline().addLast(LoopbackH2Server.this.tls.newHandler(ch.alloc()), new ByAlpn());
                    }
                }).bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).syncUninterruptibly().channel();
    }

    private static void addH2(ChannelPipeline pipeline) {
        Answers answers = new Answers();
        answers.handler = handler(answers);
        pipeline.addLast(answers.handler, new Opening(answers.handler));
    }

    /** Over TLS: HTTP/2 when the client offers h2, else HTTP/1.1 (the engine's https path without --http 2). */
    private static final class ByAlpn extends ApplicationProtocolNegotiationHandler {
        ByAlpn() {
            super(ApplicationProtocolNames.HTTP_1_1);
        }

        @Override
        protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
            if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
                addH2(ctx.pipeline());
            } else {
                ctx.pipeline().addLast(new HttpServerCodec(), new Http1Answers());
            }
        }

        @Override
        protected void handshakeFailure(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close(); // the engine ended a pass during the handshake: nothing for the console
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    /** HTTP/1.1: answers each request with the small body, keeping the connection; flushes once a read. */
    private static final class Http1Answers extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest) {
                FullHttpResponse response = new DefaultFullHttpResponse(
                        io.netty.handler.codec.http.HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                        BODY.duplicate());
                response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain")
                        .setInt(HttpHeaderNames.CONTENT_LENGTH, BODY.readableBytes());
                ctx.write(response, ctx.voidPromise());
            }
            ReferenceCountUtil.release(msg);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    /**
     * Netty's server codec with an HPACK encoder that Huffman-codes every string, as nginx and h2o do. Netty's own
     * does so from 512 bytes on: the engine's Huffman decoder was then first compiled in the measured run, which
     * made the first second against nginx 55-75 % as fast as the next ones (-XX:+PrintCompilation).
     */
    private static Http2ConnectionHandler handler(Answers answers) {
        DefaultHttp2Connection connection = new DefaultHttp2Connection(true);
        Http2ConnectionEncoder encoder = new DefaultHttp2ConnectionEncoder(connection, new DefaultHttp2FrameWriter(
                new DefaultHttp2HeadersEncoder(Http2HeadersEncoder.NEVER_SENSITIVE, false, 16, 0)));
        Http2ConnectionDecoder decoder = new DefaultHttp2ConnectionDecoder(connection, encoder,
                new DefaultHttp2FrameReader());
        return new Http2ConnectionHandlerBuilder().codec(decoder, encoder).frameListener(answers)
                .initialSettings(new Http2Settings().maxConcurrentStreams(128)
                        .initialWindowSize(Http2CodecUtil.DEFAULT_WINDOW_SIZE + 1)
                        .maxFrameSize(Http2CodecUtil.MAX_FRAME_SIZE_UPPER_BOUND))
                .build();
    }

    /**
     * Opens each connection as nginx does: SETTINGS with a stream limit, a stream window one byte above the
     * default and the largest frame size (with Netty's defaults only, applying them and the connection window's
     * update below were first seen by the engine's compiled read path in the measured run, which deoptimised it:
     * "uncommon trap" in DefaultHttp2RemoteFlowController and ByteToMessageDecoder under -XX:+PrintCompilation);
     * and closes a connection the engine reset without a warning on the console.
     */
    private static final class Opening extends ChannelInboundHandlerAdapter {
        private final Http2ConnectionHandler handler;

        Opening(Http2ConnectionHandler handler) {
            this.handler = handler;
        }

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) throws Exception {
            if (ctx.channel().isActive()) { // added after the TLS handshake
                widenWindow(ctx);
            }
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) throws Exception {
            widenWindow(ctx);
            super.channelActive(ctx);
        }

        private void widenWindow(ChannelHandlerContext ctx) throws Http2Exception {
            Http2Connection c = handler.connection();
            c.local().flowController().incrementWindowSize(c.connectionStream(),
                    Integer.MAX_VALUE - Http2CodecUtil.DEFAULT_WINDOW_SIZE);
            ctx.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    private static SslContext serverTls() {
        try (InputStream cert = LoopbackH2Server.class.getResourceAsStream("warmup-cert.pem");
                InputStream key = LoopbackH2Server.class.getResourceAsStream("warmup-key.pem")) {
            return SslContextBuilder.forServer(cert, key)
                    .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                            ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("the warm-up's TLS certificate cannot be read", e);
        }
    }

    URI url() {
        InetSocketAddress a = (InetSocketAddress) server.localAddress();
        return URI.create((tls == null ? "http" : "https") + "://" + a.getAddress().getHostAddress() + ":" + a.getPort() + "/");
    }

    /** Answers each request when its headers end it (the warm-up sends GETs). */
    private static final class Answers extends Http2EventAdapter {
        private Http2ConnectionHandler handler;
        private long responses;

        @Override
        public void onHeadersRead(ChannelHandlerContext ctx, int streamId, Http2Headers headers, int streamDependency,
                short weight, boolean exclusive, int padding, boolean endOfStream) {
            if (endOfStream) {
                // a value new on every response, as a real server's date: a Huffman-coded literal to decode each time
                ByteBuf body = ++responses % LARGE_EVERY == 0 ? LARGE : BODY;
                Http2Headers response = new DefaultHttp2Headers().status("200").add("content-type", "text/plain")
                        .setInt("content-length", body.readableBytes()).add("etag", "\"w" + responses + "\"");
                handler.encoder().writeHeaders(ctx, streamId, response, 0, false, ctx.newPromise());
                handler.encoder().writeData(ctx, streamId, body.duplicate(), 0, true, ctx.newPromise());
            }
        }
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
    }
}
