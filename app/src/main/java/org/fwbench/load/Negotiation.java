package org.fwbench.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.Future;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;

/**
 * Before an https run, one TLS handshake with the server, not measured: it tells what the run will speak (h2,
 * or HTTP/1.1 when the server's ALPN offers no h2) and turns a certificate or handshake problem into one clear
 * error before any load is sent. A server that cannot be reached is left for the run to report.
 */
final class Negotiation {

    private Negotiation() {
    }

    /**
     * The protocol the server picks by ALPN, or {@code fallback} when the server cannot be reached within
     * {@code timeout}.
     *
     * @throws IllegalArgumentException when the TLS handshake fails, with why in one line
     */
    static Protocol probe(Tls tls, InetSocketAddress address, EventLoop loop, ChannelFactory<Channel> channels,
            Duration timeout, Protocol fallback) {
        Bootstrap b = new Bootstrap().group(loop).channelFactory(channels)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        // the handshake's failure is read from its future; the exception it also fires ends here
                        ch.pipeline().addLast(tls.newHandler(ch.alloc()), new ChannelInboundHandlerAdapter() {
                            @Override
                            public void exceptionCaught(io.netty.channel.ChannelHandlerContext ctx, Throwable cause) {
                                ctx.close();
                            }
                        });
                    }
                });
        ChannelFuture connect = b.connect(address);
        Channel ch = connect.channel();
        try {
            if (!connect.awaitUninterruptibly(timeout.toMillis(), TimeUnit.MILLISECONDS) || !connect.isSuccess()) {
                return fallback;
            }
            Future<Channel> handshake = ch.pipeline().get(SslHandler.class).handshakeFuture();
            if (!handshake.awaitUninterruptibly(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalArgumentException("TLS handshake with " + Load.hostAndPort(address) + " failed: no answer within "
                        + timeout.toMillis() + " ms (is it an https port?)");
            }
            if (!handshake.isSuccess()) {
                throw new IllegalArgumentException("TLS handshake with " + Load.hostAndPort(address) + " failed: "
                        + reason(handshake.cause()));
            }
            return "h2".equals(ch.pipeline().get(SslHandler.class).applicationProtocol()) ? Protocol.H2 : Protocol.HTTP_1_1;
        } finally {
            ch.close().awaitUninterruptibly(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The innermost message, with a hint where the fix is the user's. */
    private static String reason(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        boolean certificate = message.contains("certification path") || message.contains("certificate")
                || message.contains("No subject alternative") || message.contains("No name matching");
        if (certificate || cause instanceof SSLHandshakeException && root instanceof java.security.cert.CertificateException) {
            return message + " (the server's certificate is not trusted here: --insecure accepts it)";
        }
        return message;
    }
}
