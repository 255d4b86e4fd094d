package org.fwbench.load;

import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2Headers;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.fwbench.load.LoadSpec.Header;

/** Turns a {@link LoadSpec} into its request, once per run: HTTP/1.1 bytes, or HTTP/2 headers. */
final class Requests {

    private Requests() {
    }

    /** Headers of HTTP/1.1 that HTTP/2 forbids (RFC 9113, 8.2.2); Host becomes :authority. */
    private static final Set<String> CONNECTION_SPECIFIC = Set.of("connection", "keep-alive", "proxy-connection",
            "transfer-encoding", "upgrade", "host");

    /** The request bytes: request line, Host, the user's headers, Content-Length, Connection, body. */
    static byte[] encode(LoadSpec spec) {
        URI url = spec.url();
        StringBuilder sb = new StringBuilder(256);
        sb.append(spec.method()).append(' ').append(target(url));
        sb.append(" HTTP/1.1\r\n");
        if (spec.headers().stream().noneMatch(h -> h.name().equalsIgnoreCase("Host"))) {
            sb.append("Host: ").append(url.getHost());
            if (url.getPort() != -1) {
                sb.append(':').append(url.getPort());
            }
            sb.append("\r\n");
        }
        for (Header h : spec.headers()) {
            if (!engineOwned(h)) {
                sb.append(h.name()).append(": ").append(h.value()).append("\r\n");
            }
        }
        byte[] body = spec.body();
        if (body.length > 0 || expectsBody(spec.method())) {
            sb.append("Content-Length: ").append(body.length).append("\r\n");
        }
        if (!keepAlive(spec)) {
            sb.append("Connection: close\r\n");
        }
        sb.append("\r\n");
        byte[] head = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    /**
     * The HTTP/2 request headers: the pseudo-headers, the user's headers in lower case (a Host header of
     * theirs becomes :authority, the connection-specific ones are left out), and content-length as HTTP/1.1
     * would send it.
     */
    static Http2Headers h2Headers(LoadSpec spec) {
        URI url = spec.url();
        String authority = url.getHost() + (url.getPort() == -1 ? "" : ":" + url.getPort());
        for (Header h : spec.headers()) {
            if (h.name().equalsIgnoreCase("Host")) {
                authority = h.value();
            }
        }
        Http2Headers headers = new DefaultHttp2Headers().method(spec.method()).scheme(url.getScheme().toLowerCase(Locale.ROOT))
                .authority(authority).path(target(url));
        for (Header h : spec.headers()) {
            String name = h.name().toLowerCase(Locale.ROOT);
            if (!CONNECTION_SPECIFIC.contains(name) && !name.equals("content-length")) {
                headers.add(name, h.value());
            }
        }
        int length = spec.body().length;
        if (length > 0 || expectsBody(spec.method())) {
            headers.add("content-length", Integer.toString(length));
        }
        return headers;
    }

    /** The request target: path and query, {@code /} for none. */
    private static String target(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }

    /** Keep-alive unless the spec says no, or the user's own headers ask for {@code Connection: close} (as wrk users do). */
    static boolean keepAlive(LoadSpec spec) {
        return spec.keepAlive() && spec.headers().stream()
                .noneMatch(h -> h.name().equalsIgnoreCase("Connection") && h.value().toLowerCase(Locale.ROOT).contains("close"));
    }

    static boolean isHead(LoadSpec spec) {
        return spec.method().equalsIgnoreCase("HEAD");
    }

    private static boolean engineOwned(Header h) {
        return h.name().equalsIgnoreCase("Content-Length") || h.name().equalsIgnoreCase("Connection");
    }

    private static boolean expectsBody(String method) {
        return method.equalsIgnoreCase("POST") || method.equalsIgnoreCase("PUT") || method.equalsIgnoreCase("PATCH");
    }
}
