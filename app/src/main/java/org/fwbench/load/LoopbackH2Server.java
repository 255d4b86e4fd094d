package org.fwbench.load;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2ConnectionHandler;
import io.netty.handler.codec.http2.Http2ConnectionHandlerBuilder;
import io.netty.handler.codec.http2.Http2EventAdapter;
import io.netty.handler.codec.http2.Http2Headers;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * A cleartext HTTP/2 server on the loopback address, in this process, for the engine's own JIT warm-up of
 * its HTTP/2 path (see {@link Warmup}): Netty's codec on one thread of its own, answering every request with
 * a small body and the headers a real server sends.
 */
final class LoopbackH2Server implements AutoCloseable {

    private static final ByteBuf BODY = Unpooled.unreleasableBuffer(
            Unpooled.directBuffer().writeBytes("hello world\n".getBytes(StandardCharsets.US_ASCII)));

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel server;

    LoopbackH2Server() {
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        Answers answers = new Answers();
                        answers.handler = new Http2ConnectionHandlerBuilder().server(true).frameListener(answers).build();
                        ch.pipeline().addLast(answers.handler);
                    }
                }).bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).syncUninterruptibly().channel();
    }

    URI url() {
        InetSocketAddress a = (InetSocketAddress) server.localAddress();
        return URI.create("http://" + a.getAddress().getHostAddress() + ":" + a.getPort() + "/");
    }

    /** Answers each request when its headers end it (the warm-up sends GETs). */
    private static final class Answers extends Http2EventAdapter {
        private Http2ConnectionHandler handler;

        @Override
        public void onHeadersRead(ChannelHandlerContext ctx, int streamId, Http2Headers headers, int streamDependency,
                short weight, boolean exclusive, int padding, boolean endOfStream) {
            if (endOfStream) {
                Http2Headers response = new DefaultHttp2Headers().status("200").add("content-type", "text/plain")
                        .setInt("content-length", BODY.readableBytes());
                handler.encoder().writeHeaders(ctx, streamId, response, 0, false, ctx.newPromise());
                handler.encoder().writeData(ctx, streamId, BODY.duplicate(), 0, true, ctx.newPromise());
            }
        }
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
