package org.fwbench.load;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.OpenSslSessionContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.net.URI;
import java.util.List;
import javax.net.ssl.SSLException;

/**
 * The TLS side of an https run: one client context (TLS 1.3 and 1.2, ALPN, SNI, the certificate check unless
 * insecure) that makes each connection's handler. BoringSSL through netty-tcnative when it loads, which is
 * cheaper per handshake and per byte than the JDK's provider; the JDK's otherwise.
 */
final class Tls {

    static final String OPENSSL = "OpenSSL";
    static final String JDK = "JDK";

    private final SslContext context;
    private final String host;
    private final int port;
    private final boolean jdk;
    private final boolean resume;

    /**
     * A context for {@code spec}'s server offering {@code protocols} by ALPN, e.g. {@code h2, http/1.1}.
     *
     * @throws IllegalStateException when no TLS context can be made here (it needs no input of the user's)
     */
    Tls(LoadSpec spec, List<Protocol> protocols) {
        URI url = spec.url();
        this.host = url.getHost().replaceAll("^\\[|]$", "");
        this.port = url.getPort() == -1 ? 443 : url.getPort();
        this.jdk = !OpenSsl.isAvailable();
        this.resume = spec.tlsResume();
        SslContextBuilder b = SslContextBuilder.forClient().sslProvider(jdk ? SslProvider.JDK : SslProvider.OPENSSL)
                .protocols("TLSv1.3", "TLSv1.2")
                .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                        ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                        ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                        protocols.stream().map(p -> p == Protocol.H2 ? "h2" : "http/1.1").toList()));
        if (spec.insecure()) {
            // no certificate check, and so no check of the host name either
            b.trustManager(InsecureTrustManagerFactory.INSTANCE).endpointIdentificationAlgorithm(null);
        } else {
            b.endpointIdentificationAlgorithm("HTTPS");
        }
        try {
            this.context = b.build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot make a TLS client context: " + e.getMessage(), e);
        }
        if (!resume && context.sessionContext() instanceof OpenSslSessionContext s) {
            s.setSessionCacheEnabled(false);
        }
    }

    /** Which TLS implementation runs: {@value #OPENSSL} (BoringSSL) or {@value #JDK}. */
    String provider() {
        return jdk ? JDK : OPENSSL;
    }

    /** A handler for one new connection; it sends SNI when the URL's host is a name, and resumes sessions unless told not to. */
    SslHandler newHandler(ByteBufAllocator alloc) {
        return context.newHandler(alloc, host, port);
    }

    /**
     * A handshake ended well. Without resumption, the JDK's session is forgotten so that the next connection
     * makes a full handshake (BoringSSL's session cache is off instead).
     */
    void handshaken(SslHandler handler) {
        if (!resume && jdk) {
            handler.engine().getSession().invalidate();
        }
    }
}
