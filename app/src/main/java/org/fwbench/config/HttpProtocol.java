package org.fwbench.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.fwbench.load.HttpVersion;

/**
 * The protocol a scenario's load speaks, as a suite names it ({@code protocol: h2}). Whether the
 * connection is TLS is the target's ({@code tls: true}): h2 runs over TLS only, h2c in cleartext only,
 * HTTP/1.1 over either.
 */
public enum HttpProtocol {
    HTTP_1_1("http1.1", HttpVersion.HTTP_1_1),
    /** HTTP/2 in cleartext with prior knowledge. */
    H2C("h2c", HttpVersion.HTTP_2),
    /** HTTP/2 over TLS, agreed by ALPN. */
    H2("h2", HttpVersion.HTTP_2);

    private final String key;
    private final HttpVersion version;

    HttpProtocol(String key, HttpVersion version) {
        this.key = key;
        this.version = version;
    }

    /** As a suite writes it: {@code http1.1}, {@code h2c} or {@code h2}. */
    public String key() {
        return key;
    }

    /** The HTTP version the load engine is asked for; TLS follows from the URL's scheme. */
    public HttpVersion httpVersion() {
        return version;
    }

    /** What the engine reports a connection spoke, when it spoke this ({@code http/1.1}, {@code h2}, {@code h2c}). */
    public String negotiated() {
        return this == HTTP_1_1 ? "http/1.1" : key;
    }

    /** Whether it fits a target that does (or does not) serve TLS. */
    public boolean fits(boolean tls) {
        return switch (this) {
            case HTTP_1_1 -> true;
            case H2C -> !tls;
            case H2 -> tls;
        };
    }

    /** The protocol a suite names by {@code text}, if any. */
    public static Optional<HttpProtocol> of(String text) {
        return Arrays.stream(values()).filter(p -> p.key.equals(text)).findFirst();
    }

    /** The names a suite may write, for messages. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(HttpProtocol::key).toList();
    }
}
