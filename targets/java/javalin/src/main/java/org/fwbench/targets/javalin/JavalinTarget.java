package org.fwbench.targets.javalin;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import org.fwbench.targets.Hello;
import org.fwbench.targets.StaticFiles;
import org.fwbench.targets.TargetApp;
import org.fwbench.targets.TargetMain;
import org.fwbench.targets.TemplatePage;
import org.fwbench.targets.Versions;

/** The routes in Javalin's config; Javalin answers 404 for the rest. */
public final class JavalinTarget {

    private static final int RESPONSE_BUFFER_BYTES = 128 * 1024;

    private JavalinTarget() {
    }

    public static void main(String[] args) {
        TargetMain.run(args, app());
    }

    static TargetApp app() {
        return new TargetApp("Javalin", Versions.fromPom("io.javalin", "javalin"), JavalinTarget::start);
    }

    private static AutoCloseable start(int port) {
        TemplatePage page = TemplatePage.load();
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            // Jetty sets Content-Length only when the whole response is still in its buffer at the end; with
            // the defaults (32 KiB buffer, writes over 8 KiB bypass it) the 100 KiB style sheet and the 33 kB
            // page would go out chunked.
            config.http.responseBufferSize = RESPONSE_BUFFER_BYTES;
            config.jetty.modifyHttpConfiguration(http -> {
                http.setOutputBufferSize(RESPONSE_BUFFER_BYTES);
                http.setOutputAggregationSize(RESPONSE_BUFFER_BYTES);
            });
            config.routes.get("/plaintext", ctx -> ctx.contentType(Hello.TEXT_PLAIN).result(Hello.PLAINTEXT));
            config.routes.get("/json", ctx -> ctx.json(Hello.Message.hello()));
            config.routes.get("/hello/{name}",
                    ctx -> ctx.contentType(Hello.TEXT_PLAIN).result(Hello.greeting(ctx.pathParam("name"))));
            config.routes.get("/template", ctx -> ctx.contentType(TemplatePage.CONTENT_TYPE).result(page.render()));
            config.staticFiles.add(files -> {
                files.hostedPath = StaticFiles.URL_PREFIX;
                files.directory = "/" + StaticFiles.CLASSPATH_DIR;
                files.location = Location.CLASSPATH;
            });
        });
        app.start("127.0.0.1", port);
        return app::stop;
    }
}
