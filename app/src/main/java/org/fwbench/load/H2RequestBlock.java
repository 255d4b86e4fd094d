package org.fwbench.load;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http2.DefaultHttp2HeadersEncoder;
import io.netty.handler.codec.http2.EmptyHttp2Headers;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2FrameTypes;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersEncoder;

/**
 * The HPACK encoder of one HTTP/2 connection of the engine: the run's request headers are encoded once per run,
 * with the static table only, and every stream writes those same bytes, through Netty's encoder or, for a request
 * without a body, as a whole HEADERS frame of its own ({@link #writeFrame}). Netty's encoder HPACK-encoded them
 * again for each stream, about a tenth of the engine's CPU per request against h2o (perf, bench/vs-h2load.sh).
 * A block that never refers to the dynamic table stays valid whatever that table holds; the price is that the
 * server reads the :authority and the user's headers as literals on every request, a few bytes more than an
 * indexed reference.
 *
 * <p>Other headers (none today) and the dynamic table size updates the server's SETTINGS call for go through
 * Netty's encoder, whose dynamic table only they fill.
 */
final class H2RequestBlock implements Http2HeadersEncoder, Http2HeadersEncoder.Configuration {

    private static final int END_STREAM = 0x1;
    private static final int END_HEADERS = 0x4;

    private final Http2Headers request;
    private final byte[] block;
    private final DefaultHttp2HeadersEncoder hpack = new DefaultHttp2HeadersEncoder();
    /** The server changed its table size: the next block must say so first (RFC 7541, 4.2). */
    private boolean tableSizeChanged;

    /** @param block {@code request} as {@link #staticOnly} encodes it, once per run */
    H2RequestBlock(Http2Headers request, byte[] block) {
        this.request = request;
        this.block = block;
    }

    /** {@code headers} as HPACK that uses the static table only: indexed where it holds name and value, else literals. */
    static byte[] staticOnly(Http2Headers headers) {
        DefaultHttp2HeadersEncoder encoder = new DefaultHttp2HeadersEncoder(NEVER_SENSITIVE);
        ByteBuf out = Unpooled.buffer();
        try {
            // With a dynamic table of size 0 Netty's encoder indexes nothing. Its first block starts with the size
            // update that announces it: that one is dropped, the second is the block.
            encoder.maxHeaderTableSize(0);
            encoder.encodeHeaders(1, headers, out);
            out.clear();
            encoder.encodeHeaders(1, headers, out);
            return ByteBufUtil.getBytes(out);
        } catch (Http2Exception e) {
            throw new IllegalArgumentException("request headers HPACK cannot encode: " + e.getMessage(), e);
        } finally {
            out.release();
            encoder.close();
        }
    }

    /**
     * Whether {@link #writeFrame} may send the request: no table size update is due, and the block fits in one
     * frame of the size every server must take (16,384 bytes).
     */
    boolean framable() {
        return !tableSizeChanged && block.length <= Http2CodecUtil.MAX_FRAME_SIZE_LOWER_BOUND;
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
        if (headers != request) {
            hpack.encodeHeaders(streamId, headers, out);
            return;
        }
        if (tableSizeChanged) {
            tableSizeChanged = false;
            hpack.encodeHeaders(streamId, EmptyHttp2Headers.INSTANCE, out); // the size update alone
        }
        out.writeBytes(block);
    }

    @Override
    public Configuration configuration() {
        return this;
    }

    @Override
    public void maxHeaderTableSize(long max) throws Http2Exception {
        if (max != hpack.maxHeaderTableSize()) {
            hpack.maxHeaderTableSize(max);
            tableSizeChanged = true;
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
