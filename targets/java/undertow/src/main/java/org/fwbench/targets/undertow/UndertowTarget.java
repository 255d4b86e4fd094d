package org.fwbench.targets.undertow;

import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.Version;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.resource.ClassPathResourceManager;
import io.undertow.util.Headers;
import io.undertow.util.PathTemplateMatch;
import java.nio.ByteBuffer;
import java.util.function.Function;
import org.fwbench.targets.Hello;
import org.fwbench.targets.Listen;
import org.fwbench.targets.SelfSigned;
import org.fwbench.targets.StaticFiles;
import org.fwbench.targets.TargetApp;
import org.fwbench.targets.TargetMain;
import org.fwbench.targets.TemplatePage;

/** The routes as Undertow handlers; the routing handler answers 404 for anything else. */
public final class UndertowTarget {

    private UndertowTarget() {
    }

    public static void main(String[] args) {
        TargetMain.run(args, app());
    }

    static TargetApp app() {
        return TargetApp.anyTransport("Undertow", Version.getVersionString(), UndertowTarget::start);
    }

    private static AutoCloseable start(Listen listen) {
        TemplatePage page = TemplatePage.load();
        HttpHandler routes = Handlers.routing()
                .get("/plaintext", respond(Hello.TEXT_PLAIN, exchange -> Hello.utf8(Hello.PLAINTEXT)))
                .get("/json", respond(Hello.APPLICATION_JSON, exchange -> Hello.jacksonJson()))
                .get("/hello/{name}", respond(Hello.TEXT_PLAIN, exchange -> Hello.utf8(Hello.greeting(
                        exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY).getParameters().get("name")))))
                .get("/template", respond(TemplatePage.CONTENT_TYPE, exchange -> Hello.utf8(page.render())));
        HttpHandler files = Handlers.resource(
                new ClassPathResourceManager(UndertowTarget.class.getClassLoader(), StaticFiles.CLASSPATH_DIR))
                .setDirectoryListingEnabled(false);
        Undertow.Builder builder = Undertow.builder()
                .setHandler(Handlers.path(routes).addPrefixPath(StaticFiles.URL_PREFIX, files));
        // HTTP/2 on: h2c (prior knowledge and Upgrade) on the cleartext listener, h2 by ALPN on the TLS one.
        switch (listen.transport()) {
            case HTTP1 -> builder.addHttpListener(listen.port(), "127.0.0.1");
            case H2C -> builder.addHttpListener(listen.port(), "127.0.0.1")
                    .setServerOption(UndertowOptions.ENABLE_HTTP2, true);
            case TLS -> builder.addHttpsListener(listen.port(), "127.0.0.1", SelfSigned.create().sslContext())
                    .setServerOption(UndertowOptions.ENABLE_HTTP2, true);
        }
        Undertow server = builder.build();
        server.start();
        return server::stop;
    }

    private static HttpHandler respond(String contentType, Function<HttpServerExchange, byte[]> body) {
        return exchange -> {
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType);
            exchange.getResponseSender().send(ByteBuffer.wrap(body.apply(exchange)));
        };
    }
}
