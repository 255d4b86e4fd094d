package org.fwbench.load;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.fwbench.load.LoadSpec.Header;

/** Turns a {@link LoadSpec} into the bytes of its request, once per run. */
final class Requests {

    private Requests() {
    }

    /** The request bytes: request line, Host, the user's headers, Content-Length, Connection, body. */
    static byte[] encode(LoadSpec spec) {
        URI url = spec.url();
        StringBuilder sb = new StringBuilder(256);
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        sb.append(spec.method()).append(' ').append(path);
        if (url.getRawQuery() != null) {
            sb.append('?').append(url.getRawQuery());
        }
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
