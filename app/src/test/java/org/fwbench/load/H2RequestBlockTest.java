package org.fwbench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersDecoder;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2Headers;
import java.net.URI;
import org.junit.jupiter.api.Test;

class H2RequestBlockTest {

    private final Http2Headers request = Requests.h2Headers(Specs.of(URI.create("http://127.0.0.1:8080/json?x=1"))
            .header("Accept", "application/json").build());

    @Test
    void everyStreamSendsTheSameBlockAndAServerDecodesItAsTheRequest() throws Exception {
        H2RequestBlock encoder = new H2RequestBlock(request, H2RequestBlock.staticOnly(request));
        DefaultHttp2HeadersDecoder server = new DefaultHttp2HeadersDecoder(true);
        byte[] first = encode(encoder, 1);
        byte[] second = encode(encoder, 3);

        assertThat(second).isEqualTo(first);
        // one decoder for both, as a server's for one connection: the block means the same whatever went before
        assertThat(decode(server, first)).isEqualTo(request);
        assertThat(decode(server, second)).isEqualTo(request);
        assertThat(first[0] & 0xe0).as("no dynamic table size update").isNotEqualTo(0x20);
    }

    @Test
    void aServerThatShrinksItsTableGetsTheSizeUpdateOnceBeforeTheBlock() throws Exception {
        H2RequestBlock encoder = new H2RequestBlock(request, H2RequestBlock.staticOnly(request));
        DefaultHttp2HeadersDecoder server = new DefaultHttp2HeadersDecoder(true);
        byte[] plain = encode(encoder, 1);
        server.configuration().maxHeaderTableSize(0); // the server's SETTINGS_HEADER_TABLE_SIZE: 0
        assertThatThrownBy(() -> decode(server, plain)).as("a server expects the update first").isInstanceOf(Http2Exception.class);

        encoder.configuration().maxHeaderTableSize(0);
        DefaultHttp2HeadersDecoder shrunk = new DefaultHttp2HeadersDecoder(true);
        shrunk.configuration().maxHeaderTableSize(0);
        byte[] withUpdate = encode(encoder, 3);
        assertThat(withUpdate.length).isGreaterThan(plain.length);
        assertThat(decode(shrunk, withUpdate)).isEqualTo(request);
        assertThat(encode(encoder, 5)).isEqualTo(plain);
        assertThat(decode(shrunk, plain)).isEqualTo(request);
    }

    @Test
    void otherHeadersGoThroughNettysEncoder() throws Exception {
        H2RequestBlock encoder = new H2RequestBlock(request, H2RequestBlock.staticOnly(request));
        Http2Headers other = new DefaultHttp2Headers().method("GET").path("/other").scheme("http").authority("h");
        ByteBuf out = Unpooled.buffer();
        encoder.encodeHeaders(1, other, out);
        byte[] bytes = new byte[out.readableBytes()];
        out.readBytes(bytes).release();

        assertThat(decode(new DefaultHttp2HeadersDecoder(true), bytes)).isEqualTo(other);
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
