package org.fwbench.load;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http2.DefaultHttp2HeadersEncoder;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2FrameTypes;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersEncoder;

/**
 * The HPACK encoder of one HTTP/2 connection of the engine: Netty's, whose output for the run's request is kept
 * once it refers to nothing but entries of the tables (static and dynamic). Such a block leaves the dynamic table
 * as it was, so every later stream sends the same bytes, through Netty's encoder or, for a request without a
 * body, as a whole HEADERS frame of its own ({@link #writeFrame}), until something else goes through the encoder
 * (other headers, or the table size update that the server's SETTINGS call for) and the block is learnt again.
 * The first request of a connection adds its :authority and the user's headers to the table; from the second on
 * the block is a few bytes of indexes, as h2load's and browsers' are.
 *
 * <p>Netty's encoder encoding every request cost about a tenth of the engine's CPU per request against h2o; a
 * block that used the static table only, sent before this one, made nginx parse the :authority as a literal on
 * every request (29 bytes a HEADERS frame against h2load's 14; perf and bench/vs-h2load.sh).
 */
final class H2RequestBlock implements Http2HeadersEncoder, Http2HeadersEncoder.Configuration {

    private static final int END_STREAM = 0x1;
    private static final int END_HEADERS = 0x4;

    private final Http2Headers request;
    private final DefaultHttp2HeadersEncoder hpack = new DefaultHttp2HeadersEncoder(NEVER_SENSITIVE);
    /** The request's block while the encoder's table stays as that block left it; null until learnt again. */
    private byte[] block;

    H2RequestBlock(Http2Headers request) {
        this.request = request;
    }

    /**
     * Whether {@link #writeFrame} may send the request: its block is known, and fits in one frame of the size
     * every server must take (16,384 bytes). Otherwise the request goes through Netty's encoder.
     */
    boolean framable() {
        return block != null && block.length <= Http2CodecUtil.MAX_FRAME_SIZE_LOWER_BOUND;
    }

    /** Appends the HEADERS frame that opens and ends stream {@code streamId}: a request without a body. */
    void writeFrame(ByteBuf out, int streamId) {
        out.writeMedium(block.length);
        out.writeByte(Http2FrameTypes.HEADERS);
        out.writeByte(END_STREAM | END_HEADERS);
        out.writeInt(streamId);
        out.writeBytes(block);
    }

    @Override
    public void encodeHeaders(int streamId, Http2Headers headers, ByteBuf out) throws Http2Exception {
        if (headers == request && block != null) {
            out.writeBytes(block);
            return;
        }
        int start = out.writerIndex();
        hpack.encodeHeaders(streamId, headers, out);
        boolean learnt = headers == request && indexesOnly(out, start);
        block = learnt ? ByteBufUtil.getBytes(out, start, out.writerIndex() - start) : null;
    }

    /**
     * Whether the HPACK block from {@code start} to the end of {@code out} is indexed fields only (RFC 7541, 6.1):
     * no literal (which may add to the dynamic table) and no table size update.
     */
    static boolean indexesOnly(ByteBuf out, int start) {
        int end = out.writerIndex();
        int i = start;
        while (i < end) {
            int first = out.getUnsignedByte(i++);
            if ((first & 0x80) == 0) {
                return false;
            }
            if ((first & 0x7f) == 0x7f) { // the index goes on in bytes whose top bit says another follows (5.1)
                while (i < end && (out.getUnsignedByte(i++) & 0x80) != 0) {
                    // skip
                }
            }
        }
        return true;
    }

    @Override
    public Configuration configuration() {
        return this;
    }

    /** The server's SETTINGS_HEADER_TABLE_SIZE: a change is said by Netty's encoder before its next block. */
    @Override
    public void maxHeaderTableSize(long max) throws Http2Exception {
        if (max != hpack.maxHeaderTableSize()) {
            hpack.maxHeaderTableSize(max);
            block = null;
        }
    }

    @Override
    public long maxHeaderTableSize() {
        return hpack.maxHeaderTableSize();
    }

    @Override
    public void maxHeaderListSize(long max) throws Http2Exception {
        hpack.maxHeaderListSize(max);
    }

    @Override
    public long maxHeaderListSize() {
        return hpack.maxHeaderListSize();
    }
}
