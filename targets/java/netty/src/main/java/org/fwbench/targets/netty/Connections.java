package org.fwbench.targets.netty;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerAdapter;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.codec.http.HttpServerUpgradeHandler;
import io.netty.handler.codec.http2.CleartextHttp2ServerUpgradeHandler;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2SecurityUtil;
import io.netty.handler.codec.http2.Http2ServerUpgradeCodec;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import io.netty.util.AsciiString;
import javax.net.ssl.SSLException;
import org.fwbench.targets.SelfSigned;

/**
 * The pipeline of each accepted connection, per transport. HTTP/2 runs each stream as a child channel whose
 * frames Netty's codec turns into the same HTTP/1 objects, so one {@link RouteHandler} answers every protocol.
 */
final class Connections {

    private static final String FRAMES = "http2-frames";

    private Connections() {
    }

    /** Cleartext HTTP/1.1 with keep-alive. */
    static ChannelInitializer<SocketChannel> http1(RouteHandler routes) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast(new HttpServerCodec(), new HttpServerKeepAliveHandler(), routes);
            }
        };
    }

    /**
     * Cleartext HTTP/1.1 and h2c on one port: Netty's cleartext handler reads the first bytes, switches to
     * HTTP/2 on the connection preface (prior knowledge) or on an {@code Upgrade: h2c}, else stays HTTP/1.1.
     */
    static ChannelInitializer<SocketChannel> h2c(RouteHandler routes) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                HttpServerCodec codec = new HttpServerCodec();
                HttpServerUpgradeHandler upgrade = new HttpServerUpgradeHandler(codec, protocol ->
                        AsciiString.contentEquals(Http2CodecUtil.HTTP_UPGRADE_PROTOCOL_NAME, protocol)
                                ? new Http2ServerUpgradeCodec(Http2FrameCodecBuilder.forServer().build(),
                                        new Http2MultiplexHandler(streams(routes)))
                                : null);
                ch.pipeline().addLast(new CleartextHttp2ServerUpgradeHandler(codec, upgrade, http2(routes)),
                        new HttpServerKeepAliveHandler(), routes);
            }
        };
    }

    /** TLS offering h2 and http/1.1 by ALPN (h2 first); the protocol agreed on decides the rest of the pipeline. */
    static ChannelInitializer<SocketChannel> tls(RouteHandler routes, SelfSigned certificate) throws SSLException {
        SslContext tls = SslContextBuilder.forServer(certificate.keyManagers())
                .ciphers(Http2SecurityUtil.CIPHERS, SupportedCipherSuiteFilter.INSTANCE)
                .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                        ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                        ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                        ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1))
                .build();
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast(tls.newHandler(ch.alloc()),
                        new ApplicationProtocolNegotiationHandler(ApplicationProtocolNames.HTTP_1_1) {
                            @Override
                            protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
                                if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
                                    ctx.pipeline().addLast(http2(routes));
                                } else {
                                    ctx.pipeline().addLast(new HttpServerCodec(), new HttpServerKeepAliveHandler(), routes);
                                }
                            }
                        });
            }
        };
    }

    /**
     * The HTTP/2 connection: frames, and a child channel per stream. It puts both where it is added itself, not
     * at the pipeline's end: after prior knowledge the HTTP/1.1 handlers still follow it and must not see the bytes.
     */
    private static ChannelHandler http2(RouteHandler routes) {
        return new ChannelHandlerAdapter() {
            @Override
            public void handlerAdded(ChannelHandlerContext ctx) {
                // The multiplexer finds the frame codec when added, so the codec goes in first.
                ctx.pipeline().replace(this, FRAMES, Http2FrameCodecBuilder.forServer().build())
                        .addAfter(FRAMES, null, new Http2MultiplexHandler(streams(routes)));
            }
        };
    }

    private static ChannelHandler streams(RouteHandler routes) {
        return new ChannelInitializer<Http2StreamChannel>() {
            @Override
            protected void initChannel(Http2StreamChannel ch) {
                ch.pipeline().addLast(new Http2StreamFrameToHttpObjectCodec(true), routes);
            }
        };
    }
}
