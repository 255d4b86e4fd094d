package org.fwbench.targets.undertow;

import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.Version;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.resource.ClassPathResourceManager;
import io.undertow.util.Headers;
import io.undertow.util.PathTemplateMatch;
import java.nio.ByteBuffer;
import java.util.function.Function;
import org.fwbench.targets.Hello;
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
        return new TargetApp("Undertow", Version.getVersionString(), UndertowTarget::start);
    }

    private static AutoCloseable start(int port) {
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
        Undertow server = Undertow.builder()
                .addHttpListener(port, "127.0.0.1")
                .setHandler(Handlers.path(routes).addPrefixPath(StaticFiles.URL_PREFIX, files))
                .build();
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
