package org.fwbench.server;

import java.net.Socket;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The JDK client fwbench asks a target with outside the load (is it ready, does it answer correctly). It
 * accepts any certificate, as the load engine is told to in a run: a suite's targets run on this machine,
 * and a built-in target makes its self-signed certificate at start, so there is nothing to verify it against.
 */
public final class ProbeClient {

    private ProbeClient() {
    }

    /** A client of {@code version} (HTTP/2: h2 by ALPN over https, an Upgrade over http) that follows no redirect. */
    public static HttpClient create(HttpClient.Version version, Duration connectTimeout) {
        return HttpClient.newBuilder().version(version).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).sslContext(ANY_CERTIFICATE).build();
    }

    private static final SSLContext ANY_CERTIFICATE = anyCertificate();

    /** An extended trust manager that checks nothing, so the JDK checks no host name either. */
    private static SSLContext anyCertificate() {
        TrustManager trustAll = new X509ExtendedTrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustAll}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no TLS", e);
        }
    }
}
