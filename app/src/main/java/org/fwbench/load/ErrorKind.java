package org.fwbench.load;

import java.util.Locale;

/** Why an attempt failed; {@link #key()} is the name used in results. */
enum ErrorKind {
    /** No complete response within the timeout (or, open model, no free connection within it). */
    TIMEOUT,
    /** The TCP connection could not be made. */
    CONNECT,
    /** The TLS handshake failed: an untrusted certificate, no common protocol or cipher. */
    TLS,
    /** The connection was reset or closed before any byte of the response, or reset inside it. */
    RESET,
    /** HTTP/2: the server reset the request's stream (RST_STREAM), e.g. refused it above its stream limit. */
    STREAM_RESET,
    /** A response that is not valid HTTP: bad status line, wrong length, broken chunk, an HTTP/2 protocol error. */
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
