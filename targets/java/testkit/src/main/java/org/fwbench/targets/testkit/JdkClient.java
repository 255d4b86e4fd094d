package org.fwbench.targets.testkit;

import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/** The JDK's client over HTTP/1.1, in cleartext or over TLS trusting the target's self-signed certificate. */
final class JdkClient implements Client {

    private final HttpClient client;
    private final URI base;

    private JdkClient(HttpClient client, URI base) {
        this.client = client;
        this.base = base;
    }

    static JdkClient cleartext(int port, Duration timeout) {
        return new JdkClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build(),
                URI.create("http://127.0.0.1:" + port));
    }

    /** HTTP/1.1 over TLS: the client offers only http/1.1 by ALPN, so the server must fall back to it. */
    static JdkClient tls(int port, Duration timeout) {
        return new JdkClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .sslContext(trustingAnyCertificate()).build(), URI.create("https://127.0.0.1:" + port));
    }

    @Override
    public Answer get(String path) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).GET().build();
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Content-Length").orElse(null), response.body(),
                    response.version() == HttpClient.Version.HTTP_2 ? "h2" : "http/1.1");
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during GET " + path, e);
        }
    }

    @Override
    public void close() {
        client.close();
    }

    /**
     * The target made its certificate at start: nothing can vouch for it. Netty's trust manager is a plain one,
     * so the JDK still checks the host name against the certificate.
     */
    private static SSLContext trustingAnyCertificate() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, InsecureTrustManagerFactory.INSTANCE.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS context", e);
        }
    }
}
