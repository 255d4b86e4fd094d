package org.fwbench.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * The address of a server that is already running, as a suite's {@code url} or {@code --url} gives it:
 * {@code http://HOST:PORT} or {@code https://HOST:PORT} (a server that serves TLS) with an optional path prefix that
 * every scenario's path is appended to.
 */
public final class TargetUrl {

    private TargetUrl() {
    }

    /** What is wrong with {@code text} as a target's URL, or empty when it is one. */
    public static Optional<String> problem(String text) {
        if (!text.regionMatches(true, 0, "http://", 0, 7) && !isHttps(text)) {
            return Optional.of("'" + text + "' must start with http:// or https://");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return Optional.of("'" + text + "' is not a URL: " + e.getReason());
        }
        if (uri.getHost() == null || uri.getPort() == -1) {
            return Optional.of("'" + text + "' must name a host and a port, e.g. http://127.0.0.1:8080");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Optional.of("'" + text + "' must not have a query or a fragment: scenarios' paths are appended to it");
        }
        return Optional.empty();
    }

    /** Whether the URL is https, i.e. the server serves TLS. */
    public static boolean isHttps(String text) {
        return text.regionMatches(true, 0, "https://", 0, 8);
    }

    /** The URL without a trailing slash, so that a scenario's path ({@code /hello}) can be appended. */
    public static String base(String text) {
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
