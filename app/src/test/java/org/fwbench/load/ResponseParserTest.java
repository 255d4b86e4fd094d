package org.fwbench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseParserTest {

    private static final String CL = "HTTP/1.1 200 OK\r\nContent-Length: 12\r\nConnection: keep-alive\r\n\r\nhello world\n";
    private static final String CHUNKED = "HTTP/1.1 200 OK\r\ntransfer-encoding: Chunked\r\n\r\n"
            + "6;ext=1\r\nhello \r\n6\r\nworld\n\r\n0\r\nTrailer: x\r\n\r\n";

    /** Feeds {@code text} in pieces of {@code piece} bytes, keeping unconsumed bytes as the engine does. */
    private static Outcome parse(ResponseParser p, String text, int piece, boolean head) {
        p.start(head);
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuf buf = Unpooled.buffer();
        int r = ResponseParser.NEED_MORE;
        for (int i = 0; i < bytes.length && r == ResponseParser.NEED_MORE; i += piece) {
            buf.writeBytes(bytes, i, Math.min(piece, bytes.length - i));
            r = p.feed(buf);
            buf.discardReadBytes();
        }
        return new Outcome(r, buf.readableBytes());
    }

    private record Outcome(int result, int left) {
    }

    @ParameterizedTest(name = "in pieces of {0} bytes")
    @ValueSource(ints = {1, 2, 3, 7, 1000})
    void contentLengthAndChunkedBodiesAreReadWholeHoweverTheyArrive(int piece) {
        ResponseParser p = new ResponseParser("hello world\n".getBytes(StandardCharsets.US_ASCII));
        for (String response : new String[] {CL, CHUNKED}) {
            assertThat(parse(p, response, piece, false)).isEqualTo(new Outcome(ResponseParser.DONE, 0));
            assertThat(p.status()).isEqualTo(200);
            assertThat(p.body().bodyBytes()).isEqualTo(12);
            assertThat(p.body().matches()).isTrue();
            assertThat(p.keepAlive()).isTrue();
        }
    }

    @Test
    void bytesAfterTheResponseAreLeftInTheBuffer() {
        ResponseParser p = new ResponseParser(null);
        assertThat(parse(p, CL + "HTTP/1.1", 10_000, false)).isEqualTo(new Outcome(ResponseParser.DONE, 8));
    }

    @Test
    void interimResponsesAreSkipped() {
        ResponseParser p = new ResponseParser(null);
        assertThat(parse(p, "HTTP/1.1 100 Continue\r\n\r\n" + CL, 5, false).result()).isEqualTo(ResponseParser.DONE);
        assertThat(p.status()).isEqualTo(200);
        assertThat(p.body().bodyBytes()).isEqualTo(12);
    }

    @Test
    void headAnd204And304HaveNoBodyWhateverTheirHeadersSay() {
        ResponseParser p = new ResponseParser(null);
        assertThat(parse(p, "HTTP/1.1 200 OK\r\nContent-Length: 12\r\n\r\n", 100, true).result()).isEqualTo(ResponseParser.DONE);
        assertThat(parse(p, "HTTP/1.1 204 No Content\r\n\r\n", 100, false).result()).isEqualTo(ResponseParser.DONE);
        assertThat(parse(p, "HTTP/1.1 304 Not Modified\r\nContent-Length: 99\r\n\r\n", 100, false).result())
                .isEqualTo(ResponseParser.DONE);
        assertThat(p.body().bodyBytes()).isZero();
    }

    @Test
    void aBodyWithoutLengthEndsWithTheConnection() {
        ResponseParser p = new ResponseParser("hello".getBytes(StandardCharsets.US_ASCII));
        assertThat(parse(p, "HTTP/1.0 200 OK\r\n\r\nhel", 4, false).result()).isEqualTo(ResponseParser.NEED_MORE);
        ByteBuf rest = Unpooled.copiedBuffer("lo", StandardCharsets.US_ASCII);
        assertThat(p.feed(rest)).isEqualTo(ResponseParser.NEED_MORE);
        assertThat(p.endOfInput()).isEqualTo(ResponseParser.DONE);
        assertThat(p.body().matches()).isTrue();
        assertThat(p.keepAlive()).isFalse();
    }

    @Test
    void connectionHeadersDecideKeepAlive() {
        ResponseParser p = new ResponseParser(null);
        parse(p, "HTTP/1.1 200 OK\r\nConnection: Close\r\nContent-Length: 0\r\n\r\n", 100, false);
        assertThat(p.keepAlive()).isFalse();
        parse(p, "HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n", 100, false);
        assertThat(p.keepAlive()).isFalse();
        parse(p, "HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n", 100, false);
        assertThat(p.keepAlive()).isTrue();
    }

    @Test
    void aDifferentBodyDoesNotMatch() {
        ResponseParser p = new ResponseParser("hello world!".getBytes(StandardCharsets.US_ASCII));
        parse(p, CL, 3, false);
        assertThat(p.body().matches()).isFalse();
        ResponseParser shorter = new ResponseParser("hello".getBytes(StandardCharsets.US_ASCII));
        parse(shorter, CL, 3, false);
        assertThat(shorter.body().matches()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "HTPP/1.1 200 OK\r\n\r\n",
        "HTTP/1.1 2OO OK\r\n\r\n",
        "HTTP/1.1 200OK\r\n\r\n",
        "HTTP/2 200\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 12x\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
        "HTTP/1.1 200 OK\r\nno colon here\r\n\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n",
        "HTTP/1.1 101 Switching Protocols\r\n\r\n"})
    void malformedResponsesAreRejected(String response) {
        ResponseParser p = new ResponseParser(null);
        assertThat(parse(p, response, 1000, false).result()).isEqualTo(ResponseParser.MALFORMED);
        assertThat(p.problem()).isNotBlank();
    }

    @Test
    void aResponseCutShortIsMalformedAtTheEndOfInput() {
        ResponseParser p = new ResponseParser(null);
        parse(p, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nhello", 1000, false);
        assertThat(p.endOfInput()).isEqualTo(ResponseParser.MALFORMED);
    }

    @Test
    void endlessLinesAreRejected() {
        ResponseParser p = new ResponseParser(null);
        assertThat(parse(p, "HTTP/1.1 200 OK\r\nX: " + "a".repeat(ResponseParser.MAX_LINE + 10), 4096, false).result())
                .isEqualTo(ResponseParser.MALFORMED);
    }
}
