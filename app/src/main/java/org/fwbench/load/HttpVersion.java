package org.fwbench.load;

/**
 * The HTTP version the engine speaks. Over https, HTTP/2 is asked for by ALPN (h2) and the engine falls back
 * to HTTP/1.1 when the server does not offer it; over http, HTTP/2 is cleartext with prior knowledge (h2c).
 */
public enum HttpVersion {
    HTTP_1_1("1.1"),
    HTTP_2("2");

    private final String label;

    HttpVersion(String label) {
        this.label = label;
    }

    /** As the command line and the results say it: {@code 1.1} or {@code 2}. */
    public String label() {
        return label;
    }

    /** The version labelled {@code text} ({@code 1.1}, {@code 2}; {@code 1} and {@code 2.0} too). */
    public static HttpVersion of(String text) {
        return switch (text.trim()) {
            case "1.1", "1" -> HTTP_1_1;
            case "2", "2.0" -> HTTP_2;
            default -> throw new IllegalArgumentException("unknown HTTP version '" + text + "' (1.1 or 2)");
        };
    }
}
