package org.fwbench.config;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Where two bodies first differ, as one line with a little of each side around that point. */
final class Mismatch {

    private static final int BEFORE = 10;
    private static final int SHOWN = 40;

    private Mismatch() {
    }

    /** Null when equal, else e.g. {@code body differs from expected at offset 17: got "...", expected "..."}. */
    static String of(String what, byte[] actual, byte[] expected) {
        int at = Arrays.mismatch(actual, expected);
        if (at < 0) {
            return null;
        }
        return line(what, at, bytes(actual, at), bytes(expected, at), actual.length, expected.length, "bytes");
    }

    static String of(String what, String actual, String expected) {
        int at = Arrays.mismatch(actual.toCharArray(), expected.toCharArray());
        if (at < 0) {
            return null;
        }
        return line(what, at, chars(actual, at), chars(expected, at), actual.length(), expected.length(), "characters");
    }

    private static String line(String what, int at, String got, String wanted, int length, int expectedLength,
            String unit) {
        String sizes = length == expectedLength ? "" : " (" + length + " " + unit + ", expected " + expectedLength + ")";
        return what + " differs from expected at offset " + at + ": got " + got + ", expected " + wanted + sizes;
    }

    private static String bytes(byte[] data, int at) {
        int from = Math.max(0, at - BEFORE);
        int to = Math.min(data.length, from + SHOWN);
        return excerpt(from > 0, new String(data, from, Math.max(0, to - from), StandardCharsets.UTF_8), to < data.length);
    }

    private static String chars(String data, int at) {
        int from = Math.max(0, at - BEFORE);
        int to = Math.min(data.length(), from + SHOWN);
        return excerpt(from > 0, from < to ? data.substring(from, to) : "", to < data.length());
    }

    private static String excerpt(boolean cutBefore, String text, boolean cutAfter) {
        return (cutBefore ? "..." : "") + Quote.of(text) + (cutAfter ? "..." : "");
    }
}
