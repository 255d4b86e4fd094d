package org.fwbench.targets.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import org.fwbench.targets.ManualRoutes;
import org.fwbench.targets.StaticFiles;

/**
 * Answers each request head as soon as it arrives; request bodies (GETs have none) are released unread.
 * Stateless, so one instance serves every connection.
 */
@ChannelHandler.Sharable
final class RouteHandler extends ChannelInboundHandlerAdapter {

    private final ManualRoutes routes;
    private final String staticPath;
    private final ByteBuf staticFile;

    RouteHandler(ManualRoutes routes, String staticPath, byte[] staticFile) {
        this.routes = routes;
        this.staticPath = staticPath;
        this.staticFile = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(staticFile).asReadOnly());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof HttpRequest request) {
                ctx.writeAndFlush(respond(request));
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private FullHttpResponse respond(HttpRequest request) {
        String path = new QueryStringDecoder(request.uri()).path();
        FullHttpResponse response;
        if (path.equals(staticPath) && request.method().name().equals("GET")) {
            response = response(request, HttpResponseStatus.OK, StaticFiles.TEXT_CSS, staticFile.duplicate());
        } else {
            ManualRoutes.Reply reply = routes.reply(request.method().name(), path);
            response = response(request, HttpResponseStatus.valueOf(reply.status()), reply.contentType(),
                    Unpooled.wrappedBuffer(reply.body()));
        }
        HttpUtil.setKeepAlive(response, HttpUtil.isKeepAlive(request));
        return response;
    }

    private static FullHttpResponse response(HttpRequest request, HttpResponseStatus status, String contentType,
            ByteBuf body) {
        FullHttpResponse response = new DefaultFullHttpResponse(request.protocolVersion(), status, body);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
        return response;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
