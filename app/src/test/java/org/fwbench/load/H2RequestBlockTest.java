package org.fwbench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersDecoder;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2Headers;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class H2RequestBlockTest {

    private final Http2Headers request = Requests.h2Headers(Specs.of(URI.create("http://127.0.0.1:8080/json?x=1"))
            .header("Accept", "application/json").build());

    @Test
    void theSecondStreamOnSendsTableIndexesOnlyAndAServerDecodesEveryBlockAsTheRequest() throws Exception {
        H2RequestBlock encoder = new H2RequestBlock(request);
        DefaultHttp2HeadersDecoder server = new DefaultHttp2HeadersDecoder(true); // one connection's
        assertThat(encoder.framable()).as("nothing learnt yet").isFalse();
        byte[] first = encode(encoder, 1);
        byte[] second = encode(encoder, 3);
        byte[] third = encode(encoder, 5);

        assertThat(H2RequestBlock.indexesOnly(Unpooled.wrappedBuffer(first), 0)).as("adds :authority and accept").isFalse();
        assertThat(H2RequestBlock.indexesOnly(Unpooled.wrappedBuffer(second), 0)).isTrue();
        assertThat(second).hasSizeLessThan(first.length).hasSize(5); // :method :scheme :authority :path accept
        assertThat(third).isEqualTo(second);
        assertThat(encoder.framable()).isTrue();
        for (byte[] block : List.of(first, second, third)) {
            assertThat(decode(server, block)).isEqualTo(request);
        }
        ByteBuf frame = Unpooled.buffer();
        encoder.writeFrame(frame, 7);
        assertThat(frame.readUnsignedMedium()).isEqualTo(second.length);
        frame.skipBytes(6); // type, flags, stream id
        assertThat(decode(server, ByteBufUtil.getBytes(frame))).isEqualTo(request);
        frame.release();
    }

    @Test
    void aServerThatShrinksItsTableGetsTheSizeUpdateOnceBeforeTheBlock() throws Exception {
        H2RequestBlock encoder = new H2RequestBlock(request);
        DefaultHttp2HeadersDecoder server = new DefaultHttp2HeadersDecoder(true);
        decode(server, encode(encoder, 1));
        byte[] indexed = encode(encoder, 3);
        assertThat(decode(server, indexed)).isEqualTo(request);

        server.configuration().maxHeaderTableSize(0); // the server's SETTINGS_HEADER_TABLE_SIZE: 0
        assertThatThrownBy(() -> decode(server, indexed)).as("a server expects the update first").isInstanceOf(Http2Exception.class);
        encoder.configuration().maxHeaderTableSize(0);
        assertThat(encoder.framable()).as("the block must be learnt again").isFalse();
        byte[] withUpdate = encode(encoder, 5);
        assertThat(withUpdate[0] & 0xe0).as("a dynamic table size update first").isEqualTo(0x20);
        DefaultHttp2HeadersDecoder shrunk = new DefaultHttp2HeadersDecoder(true);
        shrunk.configuration().maxHeaderTableSize(0);
        assertThat(decode(shrunk, withUpdate)).isEqualTo(request);
        // with no dynamic table the :authority stays a literal: every request goes through Netty's encoder
        byte[] next = encode(encoder, 7);
        assertThat(encoder.framable()).isFalse();
        assertThat(decode(shrunk, next)).isEqualTo(request);
    }

    @Test
    void otherHeadersGoThroughNettysEncoderAndTheRequestIsLearntAgainAfterThem() throws Exception {
        H2RequestBlock encoder = new H2RequestBlock(request);
        DefaultHttp2HeadersDecoder server = new DefaultHttp2HeadersDecoder(true);
        decode(server, encode(encoder, 1));
        decode(server, encode(encoder, 3));
        Http2Headers other = new DefaultHttp2Headers().method("GET").path("/other").scheme("http").authority("h");
        ByteBuf out = Unpooled.buffer();
        encoder.encodeHeaders(5, other, out);
        byte[] bytes = ByteBufUtil.getBytes(out);
        out.release();

        assertThat(encoder.framable()).isFalse();
        assertThat(decode(server, bytes)).isEqualTo(other);
        assertThat(decode(server, encode(encoder, 7))).as("indexes that count the other headers' entries").isEqualTo(request);
        assertThat(decode(server, encode(encoder, 9))).isEqualTo(request);
    }

    private byte[] encode(H2RequestBlock encoder, int streamId) throws Http2Exception {
        ByteBuf out = Unpooled.buffer();
        try {
            encoder.encodeHeaders(streamId, request, out);
            byte[] bytes = new byte[out.readableBytes()];
            out.readBytes(bytes);
            return bytes;
        } finally {
            out.release();
        }
    }

    private static Http2Headers decode(DefaultHttp2HeadersDecoder decoder, byte[] block) throws Http2Exception {
        ByteBuf in = Unpooled.wrappedBuffer(block);
        try {
            return decoder.decodeHeaders(1, in);
        } finally {
            in.release();
        }
    }
}
