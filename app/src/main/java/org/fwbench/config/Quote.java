package org.fwbench.config;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/** Quotes text for a one-line message: control characters and quotes escaped the way JSON does. */
final class Quote {

    private Quote() {
    }

    static String of(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }

    /** At most {@code max} characters of {@code text}, quoted, with an ellipsis when cut. */
    static String shortened(String text, int max) {
        return text.length() <= max ? of(text) : of(text.substring(0, max)) + "...";
    }
}
