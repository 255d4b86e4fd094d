package org.fwbench.load;

import io.netty.buffer.ByteBuf;

/**
 * A lean HTTP/1.1 response parser working in place on Netty buffers: it reads the status line and the
 * three headers that frame a response (Content-Length, Transfer-Encoding, Connection), counts and checks
 * the body as it streams past, and never copies or keeps it. Netty's own codec builds header maps,
 * strings and content objects for every response; this one allocates nothing per response.
 *
 * <p>One parser serves one connection slot; {@link #start} readies it for the next response.
 */
final class ResponseParser {

    static final int NEED_MORE = 0;
    static final int DONE = 1;
    static final int MALFORMED = 2;

    /** Longest status, header, chunk-size or trailer line accepted. */
    static final int MAX_LINE = 8 * 1024;
    /** Most header and trailer bytes accepted for one response. */
    static final int MAX_HEAD = 64 * 1024;
    private static final byte[] CONTENT_LENGTH = bytes("content-length");
    private static final byte[] TRANSFER_ENCODING = bytes("transfer-encoding");
    private static final byte[] CONNECTION = bytes("connection");
    private static final byte[] CHUNKED = bytes("chunked");
    private static final byte[] CLOSE = bytes("close");
    private static final byte[] KEEP_ALIVE = bytes("keep-alive");
    private static final byte[] HTTP_1 = bytes("HTTP/1.");

    private enum State { STATUS, HEADERS, FIXED_BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, UNTIL_CLOSE, COMPLETE }

    private final BodyCheck body;
    /**
     * The current status, header or chunk-size line, copied out of the buffer in one go: parsing a plain
     * array is several times cheaper than reading a ByteBuf byte by byte, each read checked.
     */
    private byte[] line = new byte[256];
    private State state = State.COMPLETE;
    private boolean head;
    private int status;
    private boolean http10;
    private long contentLength;
    private boolean chunked;
    private boolean closeHeader;
    private boolean keepAliveHeader;
    private boolean keepAlive;
    private long remaining;
    private int headBytes;
    private String problem;

    /** @param expectedBody the body every response must have, or null when bodies are not checked */
    ResponseParser(byte[] expectedBody) {
        this.body = new BodyCheck(expectedBody);
    }

    /** Readies the parser for the response to the request just sent. */
    void start(boolean headRequest) {
        head = headRequest;
        state = State.STATUS;
        headBytes = 0;
        problem = null;
        resetMessage();
    }

    private void resetMessage() {
        status = 0;
        http10 = false;
        contentLength = -1;
        chunked = false;
        closeHeader = false;
        keepAliveHeader = false;
        body.reset();
    }

    /**
     * Consumes what it can of {@code in}. Returns {@link #DONE} when a whole response was read (bytes after
     * it stay in {@code in}), {@link #NEED_MORE} when {@code in} ends inside it (an unfinished line stays in
     * {@code in}), or {@link #MALFORMED} (see {@link #problem()}).
     */
    int feed(ByteBuf in) {
        while (true) {
            switch (state) {
                case STATUS, HEADERS, CHUNK_SIZE, CHUNK_END, TRAILERS -> {
                    int lf = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
                    if (lf < 0) {
                        return in.readableBytes() > MAX_LINE ? malformed("line longer than " + MAX_LINE + " bytes") : NEED_MORE;
                    }
                    int start = in.readerIndex();
                    int length = lf > start && in.getByte(lf - 1) == '\r' ? lf - 1 - start : lf - start;
                    if (state != State.CHUNK_SIZE && state != State.CHUNK_END) {
                        headBytes += lf + 1 - start;
                        if (headBytes > MAX_HEAD) {
                            return malformed("more than " + MAX_HEAD + " bytes of headers");
                        }
                    }
                    if (length > line.length) {
                        line = new byte[Math.max(length, 2 * line.length)];
                    }
                    in.getBytes(start, line, 0, length);
                    in.readerIndex(lf + 1);
                    int r = line(length);
                    if (r != NEED_MORE) {
                        return r;
                    }
                }
                case FIXED_BODY, CHUNK_DATA -> {
                    if (!in.isReadable()) {
                        return NEED_MORE;
                    }
                    int n = (int) Math.min(in.readableBytes(), remaining);
                    body(in, n);
                    remaining -= n;
                    if (remaining == 0) {
                        if (state == State.FIXED_BODY) {
                            return complete();
                        }
                        state = State.CHUNK_END;
                    }
                }
                case UNTIL_CLOSE -> {
                    if (in.isReadable()) {
                        body(in, in.readableBytes());
                    }
                    return NEED_MORE;
                }
                case COMPLETE -> {
                    return DONE;
                }
                default -> throw new IllegalStateException(state.name());
            }
        }
    }

    /** The connection ended: completes a close-delimited body, else the response was cut short. */
    int endOfInput() {
        if (state == State.UNTIL_CLOSE) {
            return complete();
        }
        if (state == State.COMPLETE) {
            return DONE;
        }
        return malformed("connection closed inside the response (" + state.name().toLowerCase() + ")");
    }

    int status() {
        return status;
    }

    /** Whether the connection may carry another request after this response. */
    boolean keepAlive() {
        return keepAlive;
    }

    /** The body of the last response: its length and whether it was the expected one. */
    BodyCheck body() {
        return body;
    }

    /** Why the last response was malformed. */
    String problem() {
        return problem;
    }

    private int line(int length) {
        switch (state) {
            case STATUS -> {
                return statusLine(length);
            }
            case HEADERS -> {
                if (length == 0) {
                    return endOfHeaders();
                }
                return header(length);
            }
            case CHUNK_SIZE -> {
                return chunkSize(length);
            }
            case CHUNK_END -> {
                if (length != 0) {
                    return malformed("chunk data longer than its size");
                }
                state = State.CHUNK_SIZE;
                return NEED_MORE;
            }
            default -> { // TRAILERS: their content does not matter, only where they end
                return length == 0 ? complete() : NEED_MORE;
            }
        }
    }

    private int statusLine(int length) {
        byte[] b = line;
        if (length < 12 || !startsWith(b, HTTP_1) || !digit(b[7]) || b[8] != ' ' || !digit(b[9]) || !digit(b[10])
                || !digit(b[11]) || length > 12 && b[12] != ' ') {
            return malformed("bad status line");
        }
        http10 = b[7] == '0';
        status = (b[9] - '0') * 100 + (b[10] - '0') * 10 + b[11] - '0';
        if (status < 100) {
            return malformed("bad status code " + status);
        }
        state = State.HEADERS;
        return NEED_MORE;
    }

    private int header(int length) {
        byte[] b = line;
        if (b[0] == ' ' || b[0] == '\t') {
            return NEED_MORE; // obsolete line folding: continues a header none of ours is spread over
        }
        int colon = 0;
        while (colon < length && b[colon] != ':') {
            colon++;
        }
        if (colon == 0 || colon == length) {
            return malformed("header line without a name and colon");
        }
        int v = colon + 1;
        int ve = length;
        while (v < ve && isSpace(b[v])) {
            v++;
        }
        while (ve > v && isSpace(b[ve - 1])) {
            ve--;
        }
        if (colon == CONTENT_LENGTH.length && equalsIgnoreCase(b, 0, CONTENT_LENGTH)) {
            long n = parseDecimal(b, v, ve);
            if (n < 0 || contentLength >= 0 && contentLength != n) {
                return malformed("bad Content-Length");
            }
            contentLength = n;
        } else if (colon == TRANSFER_ENCODING.length && equalsIgnoreCase(b, 0, TRANSFER_ENCODING)) {
            // chunked must be the last coding; any other coding leaves the body delimited by the close
            chunked = ve - v >= CHUNKED.length && equalsIgnoreCase(b, ve - CHUNKED.length, CHUNKED);
            if (!chunked) {
                closeHeader = true;
            }
        } else if (colon == CONNECTION.length && equalsIgnoreCase(b, 0, CONNECTION)) {
            if (ve - v == KEEP_ALIVE.length && equalsIgnoreCase(b, v, KEEP_ALIVE)) {
                keepAliveHeader = true; // the usual value, spared the search below
            } else {
                closeHeader |= containsIgnoreCase(b, v, ve, CLOSE);
                keepAliveHeader |= containsIgnoreCase(b, v, ve, KEEP_ALIVE);
            }
        }
        return NEED_MORE;
    }

    private int endOfHeaders() {
        if (status < 200) {
            if (status == 101) {
                return malformed("unrequested protocol switch (101)");
            }
            resetMessage(); // 100 Continue and other interim responses: the real one follows
            state = State.STATUS;
            return NEED_MORE;
        }
        keepAlive = !closeHeader && (!http10 || keepAliveHeader);
        if (head || status == 204 || status == 304) {
            return complete();
        }
        if (chunked) {
            state = State.CHUNK_SIZE;
        } else if (contentLength >= 0) {
            remaining = contentLength;
            state = State.FIXED_BODY;
            if (remaining == 0) {
                return complete();
            }
        } else {
            keepAlive = false;
            state = State.UNTIL_CLOSE;
        }
        return NEED_MORE;
    }

    private int chunkSize(int length) {
        byte[] b = line;
        long size = 0;
        int i = 0;
        for (; i < length; i++) {
            int d = Character.digit(b[i], 16);
            if (d < 0) {
                break;
            }
            if (i >= 15) {
                return malformed("chunk size too large");
            }
            size = size * 16 + d;
        }
        if (i == 0 || i < length && b[i] != ';' && !isSpace(b[i])) {
            return malformed("broken chunk size line");
        }
        if (size == 0) {
            state = State.TRAILERS;
        } else {
            remaining = size;
            state = State.CHUNK_DATA;
        }
        return NEED_MORE;
    }

    private void body(ByteBuf in, int n) {
        body.add(in, n);
        in.skipBytes(n);
    }

    private int complete() {
        state = State.COMPLETE;
        return DONE;
    }

    private int malformed(String why) {
        problem = why;
        state = State.COMPLETE;
        return MALFORMED;
    }

    private static long parseDecimal(byte[] b, int from, int to) {
        if (from == to || to - from > 18) {
            return -1;
        }
        long n = 0;
        for (int i = from; i < to; i++) {
            if (!digit(b[i])) {
                return -1;
            }
            n = n * 10 + b[i] - '0';
        }
        return n;
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** {@code lower} is lower-case ASCII. */
    private static boolean equalsIgnoreCase(byte[] b, int at, byte[] lower) {
        for (int i = 0; i < lower.length; i++) {
            byte c = b[at + i];
            if ((c >= 'A' && c <= 'Z' ? c | 0x20 : c) != lower[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsIgnoreCase(byte[] b, int from, int to, byte[] lower) {
        for (int i = from; i + lower.length <= to; i++) {
            if (equalsIgnoreCase(b, i, lower)) {
                return true;
            }
        }
        return false;
    }

    private static boolean digit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t';
    }

    private static byte[] bytes(String ascii) {
        return ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
