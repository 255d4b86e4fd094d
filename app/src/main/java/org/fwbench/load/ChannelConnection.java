package org.fwbench.load;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * A {@link User}'s connection as a Netty channel: what https (the TLS handler) and the NIO transport (no
 * epoll) use. It is the channel's handler and hears the {@link Dialer} about its connect and handshake.
 */
final class ChannelConnection extends ChannelInboundHandlerAdapter implements Connection, Dialer.Client {

    private final User user;
    private final Loop loop;
    private final Dialer dialer;
    private Channel channel;

    private ChannelConnection(User user, Loop loop, Dialer dialer) {
        this.user = user;
        this.loop = loop;
        this.dialer = dialer;
    }

    /** A user's connector: its connections are dialled one at a time, by a dialer of its own. */
    static Connector connector(Loop loop, Load run, ChannelFactory<Channel> channels) {
        Dialer dialer = new Dialer(loop, run, channels, Protocol.HTTP_1_1);
        return user -> new ChannelConnection(user, loop, dialer);
    }

    @Override
    public void open() {
        channel = dialer.dial(this, this);
    }

    @Override
    public void send(ByteBuf request) {
        channel.writeAndFlush(request.retainedDuplicate(), channel.voidPromise());
    }

    @Override
    public boolean isOpen() {
        return channel.isActive();
    }

    @Override
    public void close() {
        channel.close();
    }

    // The dialer's and the channel's events may come before open() returns: each sets the channel first.

    @Override
    public void ready(Channel ch, Protocol protocol) {
        channel = ch;
        user.ready(this);
    }

    @Override
    public void unreachable(Channel ch, ErrorKind kind) {
        channel = ch;
        user.unreachable(this, kind);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        loop.open++;
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        loop.open--;
        user.closed(this);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf in = (ByteBuf) msg;
        try {
            user.received(this, in);
        } finally {
            in.release();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        user.broken(this, cause);
    }
}
