package org.fwbench.load;

import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersDecoder;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.util.AsciiString;

/**
 * The HPACK decoder of one HTTP/2 connection of the engine: it decodes every response header (the dynamic table
 * must follow the server's), but keeps only {@code :status}, all the engine reads. Storing each response's
 * headers in a map, and Netty's content-length check over them, cost about 5 % of the engine's CPU per request
 * against h2o (perf, bench/vs-h2load.sh).
 */
final class H2StatusDecoder extends DefaultHttp2HeadersDecoder {

    H2StatusDecoder() {
        super(false, Http2CodecUtil.DEFAULT_HEADER_LIST_SIZE);
    }

    @Override
    protected Http2Headers newHeaders() {
        return new StatusOnly();
    }

    /** Headers that drop everything but {@code :status}. */
    private static final class StatusOnly extends DefaultHttp2Headers {
        private static final AsciiString STATUS = PseudoHeaderName.STATUS.value();

        StatusOnly() {
            super(false, false, 2);
        }

        @Override
        public Http2Headers add(CharSequence name, CharSequence value) {
            return AsciiString.contentEquals(STATUS, name) ? super.add(name, value) : this;
        }
    }
}
