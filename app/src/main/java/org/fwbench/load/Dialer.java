package org.fwbench.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.Future;

/**
 * Makes the Netty channels of one {@link User} (through {@link ChannelConnection}) or {@link H2Session}, one
 * at a time: TCP, then the TLS handshake for https, each step timed into the loop's {@link Connects}. The
 * client of a dial hears of its connection once, ready or not; events of a connection dialled before the last
 * one are dropped. Runs on the holder's event loop.
 */
final class Dialer implements ChannelFutureListener {

    /** The holder's side. */
    interface Client {
        /** The connection is up (and secured, for https) and speaks {@code protocol}. */
        void ready(Channel channel, Protocol protocol);

        /** The connection could not be made: {@link ErrorKind#CONNECT} or {@link ErrorKind#TLS}. */
        void unreachable(Channel channel, ErrorKind kind);
    }

    private final Loop loop;
    private final Load run;
    private final Bootstrap bootstrap;
    private final Protocol cleartext;
    private Client client;
    private Channel channel;
    private long start;
    private long established;

    /** @param cleartext what a cleartext connection speaks */
    Dialer(Loop loop, Load run, ChannelFactory<Channel> channels, Protocol cleartext) {
        this.loop = loop;
        this.run = run;
        this.cleartext = cleartext;
        // TCP_NODELAY is Netty's default on Linux already: setting it again would cost a system call per connection
        this.bootstrap = new Bootstrap().group(loop.eventLoop).channelFactory(channels)
                // no Netty connect timer (a scheduled task per connection): the loop's sweeper times attempts out
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 0);
    }

    /**
     * Starts a new connection with {@code handler} in its pipeline (after the TLS handler over https; added
     * before this returns); its outcome goes to {@code client}.
     */
    Channel dial(ChannelHandler handler, Client client) {
        this.client = client;
        start = System.nanoTime();
        bootstrap.handler(run.tls == null ? handler : new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel ch) {
                ch.pipeline().addLast(run.tls.newHandler(ch.alloc()), handler);
            }
        });
        ChannelFuture f = bootstrap.connect(run.address);
        channel = f.channel();
        f.addListener(this);
        return channel;
    }

    /** The TCP connect finished. */
    @Override
    public void operationComplete(ChannelFuture f) {
        Channel ch = f.channel();
        if (ch != channel) {
            return;
        }
        if (!f.isSuccess()) {
            run.connectFailed(f.cause());
            client.unreachable(ch, ErrorKind.CONNECT);
            return;
        }
        established = System.nanoTime();
        run.connected();
        if (run.tls == null) {
            loop.connected(start, established, 0, cleartext, null);
            client.ready(ch, cleartext);
        } else {
            SslHandler ssl = ch.pipeline().get(SslHandler.class);
            ssl.handshakeFuture().addListener(h -> handshaken(ch, ssl, h));
        }
    }

    private void handshaken(Channel ch, SslHandler ssl, Future<?> handshake) {
        if (ch != channel) {
            return;
        }
        if (!handshake.isSuccess()) {
            client.unreachable(ch, ErrorKind.TLS);
            return;
        }
        run.tls.handshaken(ssl);
        Protocol p = "h2".equals(ssl.applicationProtocol()) ? Protocol.H2 : Protocol.HTTP_1_1;
        loop.connected(start, established, System.nanoTime(), p, ssl.engine().getSession().getProtocol());
        client.ready(ch, p);
    }
}
