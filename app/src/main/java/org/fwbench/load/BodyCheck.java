package org.fwbench.load;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/**
 * Counts a response body as it streams past and compares it with the expected one, without keeping it: only
 * a few bytes around the first difference are copied, so that a mismatch can be shown. One check serves one
 * attempt at a time; {@link #reset} readies it for the next response. Both HTTP versions use it.
 */
final class BodyCheck {

    /** A mismatch is shown with this many bytes of the body, starting this many before the first difference. */
    private static final int EXCERPT = 40;
    private static final int EXCERPT_BEFORE = 10;

    private final ByteBuf expectedBody;
    private long bodyBytes;
    private boolean matches;
    /*
     * Where the body first differed from the expected one (-1: not yet), and a few bytes of it from a little
     * before that offset, copied into a buffer reused for every response.
     */
    private long mismatchAt;
    private long excerptFrom;
    private final byte[] excerpt = new byte[EXCERPT];
    private int excerptLength;

    /** @param expectedBody the body every response must have, or null when bodies are not checked */
    BodyCheck(byte[] expectedBody) {
        this.expectedBody = expectedBody == null ? null : Unpooled.wrappedBuffer(expectedBody);
    }

    void reset() {
        bodyBytes = 0;
        matches = true;
        mismatchAt = -1;
    }

    /** The next {@code n} readable bytes of {@code in} are body: counts and compares them, leaving {@code in} as it was. */
    void add(ByteBuf in, int n) {
        if (expectedBody != null && matches) {
            matches = bodyBytes + n <= expectedBody.readableBytes()
                    && ByteBufUtil.equals(in, in.readerIndex(), expectedBody, (int) bodyBytes, n);
            if (!matches) {
                keepMismatch(in, n);
            }
        }
        bodyBytes += n;
    }

    long bodyBytes() {
        return bodyBytes;
    }

    /** True when no body was expected, or the body was exactly the expected one. */
    boolean matches() {
        return expectedBody == null || matches && bodyBytes == expectedBody.readableBytes();
    }

    /** The first {@code n} readable bytes of {@code in}, the body from offset bodyBytes, differ from the expected body. */
    private void keepMismatch(ByteBuf in, int n) {
        int expectedLeft = expectedBody.readableBytes() - (int) bodyBytes;
        int i = 0;
        while (i < n && i < expectedLeft && in.getByte(in.readerIndex() + i) == expectedBody.getByte((int) bodyBytes + i)) {
            i++;
        }
        int from = Math.max(0, i - EXCERPT_BEFORE);
        excerptLength = Math.min(n - from, EXCERPT);
        in.getBytes(in.readerIndex() + from, excerpt, 0, excerptLength);
        excerptFrom = bodyBytes + from;
        mismatchAt = bodyBytes + i;
    }

    /**
     * How the last response's body, which did not match, differed from the expected one, as {@code run}'s check
     * says it: {@code body differs from expected at offset 6: got "there\n", expected "world\n"}.
     */
    String mismatch() {
        int expectedLength = expectedBody.readableBytes();
        long at = mismatchAt >= 0 ? mismatchAt : bodyBytes; // else the body ended early
        long from = mismatchAt >= 0 ? excerptFrom : Math.max(0, at - EXCERPT_BEFORE);
        String got = mismatchAt >= 0 ? quote(excerpt, 0, excerptLength, from > 0, from + excerptLength < bodyBytes) : "\"\" (the end)";
        int expFrom = (int) Math.min(from, expectedLength);
        int expLength = Math.min(expectedLength - expFrom, EXCERPT);
        String expected = expFrom == expectedLength ? "\"\" (the end)"
                : quote(ByteBufUtil.getBytes(expectedBody, expFrom, expLength), 0, expLength, expFrom > 0, expFrom + expLength < expectedLength);
        String sizes = bodyBytes == expectedLength ? "" : " (" + bodyBytes + " bytes, expected " + expectedLength + ")";
        return "body differs from expected at offset " + at + ": got " + got + ", expected " + expected + sizes;
    }

    private static String quote(byte[] b, int from, int length, boolean cutBefore, boolean cutAfter) {
        String text = new String(b, from, length, StandardCharsets.UTF_8);
        return (cutBefore ? "..." : "") + "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\""
                + (cutAfter ? "..." : "");
    }
}
