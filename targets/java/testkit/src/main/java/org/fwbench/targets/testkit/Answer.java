package org.fwbench.targets.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A response as the contract checks it, whichever client fetched it.
 *
 * @param contentType   the Content-Type header, "" when absent
 * @param contentLength the Content-Length header, null when absent
 * @param protocol      what the response came over: {@code http/1.1}, {@code h2} or {@code h2c}
 */
record Answer(int status, String contentType, String contentLength, byte[] body, String protocol) {

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The Content-Type without its parameters, lower case: frameworks differ in adding a charset. */
    String mediaType() {
        return contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }
}
