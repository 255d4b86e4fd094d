package org.fwbench.load;

import java.util.Locale;

/** Why an attempt failed; {@link #key()} is the name used in results. */
enum ErrorKind {
    /** No complete response within the timeout (or, open model, no free connection within it). */
    TIMEOUT,
    /** The TCP connection could not be made. */
    CONNECT,
    /** The connection was reset or closed before any byte of the response, or reset inside it. */
    RESET,
    /** A response that is not valid HTTP/1.1: bad status line, wrong length, broken chunk. */
    PROTOCOL,
    /** A response that misses the expected status or body. */
    VALIDATION,
    /** A 4xx or 5xx response when no expectation was given. */
    STATUS;

    private final String key = name().toLowerCase(Locale.ROOT);

    String key() {
        return key;
    }
}
