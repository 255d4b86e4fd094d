package org.fwbench.targets.netty;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.Version;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.fwbench.targets.Listen;
import org.fwbench.targets.ManualRoutes;
import org.fwbench.targets.SelfSigned;
import org.fwbench.targets.StaticFiles;
import org.fwbench.targets.TargetApp;
import org.fwbench.targets.TargetMain;
import org.fwbench.targets.TemplatePage;

/** Starts Netty with {@link RouteHandler} behind the codecs {@link Connections} sets up for the transport asked for. */
public final class NettyTarget {

    private static final int BACKLOG = 1024;

    private NettyTarget() {
    }

    public static void main(String[] args) {
        TargetMain.run(args, app());
    }

    static TargetApp app() {
        return TargetApp.anyTransport("Netty", Version.identify().get("netty-codec-http").artifactVersion(),
                NettyTarget::start);
    }

    private static AutoCloseable start(Listen listen) throws InterruptedException, SSLException {
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends ServerChannel> channel = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(io);
        RouteHandler routes = new RouteHandler(new ManualRoutes(TemplatePage.load()),
                StaticFiles.URL_PREFIX + "/" + StaticFiles.STYLE_SHEET, StaticFiles.bytes(StaticFiles.STYLE_SHEET));
        ChannelInitializer<SocketChannel> connections = switch (listen.transport()) {
            case HTTP1 -> Connections.http1(routes);
            case H2C -> Connections.h2c(routes);
            case TLS -> Connections.tls(routes, SelfSigned.create());
        };
        try {
            Channel server = new ServerBootstrap()
                    .group(group)
                    .channel(channel)
                    .option(ChannelOption.SO_BACKLOG, BACKLOG)
                    .childHandler(connections)
                    .bind("127.0.0.1", listen.port()).sync().channel();
            return () -> {
                server.close().sync();
                group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
            };
        } catch (InterruptedException | RuntimeException e) {
            group.shutdownGracefully();
            throw e;
        }
    }
}
