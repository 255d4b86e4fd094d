package org.fwbench.targets.vertx;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import org.fwbench.targets.Hello;
import org.fwbench.targets.StaticFiles;
import org.fwbench.targets.TemplatePage;

/** One HTTP server with its own Router; all instances share the port, Vert.x spreads connections over them. */
final class HttpVerticle extends VerticleBase {

    private final HttpServerOptions options;
    private final TemplatePage page;

    HttpVerticle(HttpServerOptions options, TemplatePage page) {
        this.options = options;
        this.page = page;
    }

    @Override
    public Future<?> start() {
        Router router = Router.router(vertx);
        router.get("/plaintext").handler(ctx -> ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, Hello.TEXT_PLAIN).end(Hello.PLAINTEXT));
        router.get("/json").handler(ctx -> ctx.json(new JsonObject().put("message", Hello.PLAINTEXT)));
        router.get("/hello/:name").handler(ctx -> ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, Hello.TEXT_PLAIN).end(Hello.greeting(ctx.pathParam("name"))));
        router.get("/template").handler(ctx -> ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, TemplatePage.CONTENT_TYPE).end(page.render()));
        router.get(StaticFiles.URL_PREFIX + "/*").handler(StaticHandler.create(StaticFiles.CLASSPATH_DIR));
        return vertx.createHttpServer(new HttpServerOptions(options)).requestHandler(router).listen();
    }
}
