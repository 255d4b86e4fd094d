package org.fwbench.targets.testkit;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamChannelBootstrap;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.codec.http2.HttpConversionUtil;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * An HTTP/2 client on one connection: h2c with prior knowledge (the connection preface at once, no Upgrade),
 * or h2 over TLS by ALPN. Netty's, since the JDK's client has no prior knowledge; each request its own stream.
 */
final class H2Client implements Client {

    private static final long TIMEOUT_SECONDS = 10;
    private static final int MAX_BODY = 1 << 20;

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel connection;
    private final String protocol;

    private H2Client(int port, SslContext tls) throws InterruptedException {
        ChannelHandler noStreamsFromTheServer = new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                ch.close();
            }
        };
        Channel ch = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (tls != null) {
                            ch.pipeline().addLast(tls.newHandler(ch.alloc(), "127.0.0.1", port));
                        }
                        ch.pipeline().addLast(Http2FrameCodecBuilder.forClient().build(),
                                new Http2MultiplexHandler(noStreamsFromTheServer));
                    }
                })
                .connect("127.0.0.1", port).sync().channel();
        connection = ch;
        if (tls == null) {
            protocol = "h2c";
        } else {
            SslHandler ssl = ch.pipeline().get(SslHandler.class);
            ssl.handshakeFuture().sync();
            protocol = ssl.applicationProtocol();
        }
    }

    /** h2c with prior knowledge. */
    static H2Client cleartext(int port) {
        return open(port, null);
    }

    /** h2 over TLS, offering only h2 by ALPN and trusting the target's self-signed certificate. */
    static H2Client tls(int port) {
        try {
            SslContext tls = SslContextBuilder.forClient().trustManager(InsecureTrustManagerFactory.INSTANCE)
                    .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                            ApplicationProtocolNames.HTTP_2))
                    .build();
            return open(port, tls);
        } catch (SSLException e) {
            throw new IllegalStateException("no TLS client context", e);
        }
    }

    private static H2Client open(int port, SslContext tls) {
        try {
            return new H2Client(port, tls);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting", e);
        }
    }

    /** What ALPN agreed on ({@code null} when the server chose nothing), or {@code h2c} in cleartext. */
    String protocol() {
        return protocol;
    }

    @Override
    public Answer get(String path) {
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        try {
            Http2StreamChannel stream = new Http2StreamChannelBootstrap(connection)
                    .handler(new ChannelInitializer<Http2StreamChannel>() {
                        @Override
                        protected void initChannel(Http2StreamChannel ch) {
                            ch.pipeline().addLast(new Http2StreamFrameToHttpObjectCodec(false),
                                    new HttpObjectAggregator(MAX_BODY),
                                    new SimpleChannelInboundHandler<FullHttpResponse>() {
                                        @Override
                                        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse r) {
                                            answer.complete(new Answer(r.status().code(),
                                                    r.headers().get(HttpHeaderNames.CONTENT_TYPE, ""),
                                                    r.headers().get(HttpHeaderNames.CONTENT_LENGTH),
                                                    ByteBufUtil.getBytes(r.content()), protocol));
                                        }

                                        @Override
                                        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                            answer.completeExceptionally(cause);
                                        }

                                        @Override
                                        public void channelInactive(ChannelHandlerContext ctx) {
                                            answer.completeExceptionally(new IllegalStateException(
                                                    "stream closed without a response"));
                                        }
                                    });
                        }
                    }).open().sync().getNow();
            DefaultFullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, path);
            request.headers().set(HttpHeaderNames.HOST, "127.0.0.1")
                    .set(HttpConversionUtil.ExtensionHeaderNames.SCHEME.text(), protocol.equals("h2c") ? "http" : "https");
            stream.writeAndFlush(request);
            return answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during GET " + path, e);
        } catch (Exception e) {
            throw new IllegalStateException("GET " + path + " over " + protocol + " failed: " + e, e);
        }
    }

    @Override
    public void close() {
        connection.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
